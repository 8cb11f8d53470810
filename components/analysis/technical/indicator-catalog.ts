/**
 * The indicators the stock page offers: overlays share the price axis, panels get their own
 * chart below. Parameters are the registry defaults (TA-Lib conventions); colours per line.
 */
export const overlayIds = ['sma', 'ema', 'bollinger', 'ichimoku', 'psar'] as const;
export const panelIds = ['rsi', 'macd', 'stochastic', 'obv', 'atr', 'adx'] as const;
export type OverlayId = (typeof overlayIds)[number];
export type PanelId = (typeof panelIds)[number];
export type TechnicalId = OverlayId | PanelId;

export const indicatorParams: Record<TechnicalId, Record<string, number>> = {
  sma: { period: 20 },
  ema: { period: 50 },
  bollinger: { period: 20, stddev: 2 },
  ichimoku: {},
  psar: {},
  rsi: { period: 14 },
  macd: {},
  stochastic: {},
  obv: {},
  atr: { period: 14 },
  adx: { period: 14 },
};

/** Lines drawn per indicator (psar's `trend` and ichimoku's `chikou` are left out). */
export const drawnLines: Record<TechnicalId, readonly string[]> = {
  sma: ['sma'],
  ema: ['ema'],
  bollinger: ['upper', 'middle', 'lower'],
  ichimoku: ['tenkan', 'kijun', 'senkouA', 'senkouB'],
  psar: ['psar'],
  rsi: ['rsi'],
  macd: ['histogram', 'macd', 'signal'],
  stochastic: ['k', 'd'],
  obv: ['obv'],
  atr: ['atr'],
  adx: ['adx', 'plusDi', 'minusDi'],
};

/** Reference levels drawn as dashed lines in a panel. */
export const panelLevels: Partial<Record<PanelId, readonly number[]>> = {
  rsi: [30, 70],
  stochastic: [20, 80],
  adx: [25],
  macd: [0],
};

const palette = {
  light: {
    sma: '#d97706',
    ema: '#7c3aed',
    upper: '#0891b2',
    middle: '#0891b2',
    lower: '#0891b2',
    tenkan: '#2563eb',
    kijun: '#db2777',
    senkouA: '#16a34a',
    senkouB: '#dc2626',
    psar: '#475569',
    rsi: '#7c3aed',
    macd: '#2563eb',
    signal: '#d97706',
    histogram: '#94a3b8',
    k: '#2563eb',
    d: '#d97706',
    obv: '#0891b2',
    atr: '#db2777',
    adx: '#475569',
    plusDi: '#16a34a',
    minusDi: '#dc2626',
  },
  dark: {
    sma: '#fbbf24',
    ema: '#a78bfa',
    upper: '#22d3ee',
    middle: '#22d3ee',
    lower: '#22d3ee',
    tenkan: '#60a5fa',
    kijun: '#f472b6',
    senkouA: '#4ade80',
    senkouB: '#f87171',
    psar: '#cbd5e1',
    rsi: '#a78bfa',
    macd: '#60a5fa',
    signal: '#fbbf24',
    histogram: '#64748b',
    k: '#60a5fa',
    d: '#fbbf24',
    obv: '#22d3ee',
    atr: '#f472b6',
    adx: '#cbd5e1',
    plusDi: '#4ade80',
    minusDi: '#f87171',
  },
} as const;

export function lineColor(line: string, scheme: 'light' | 'dark'): string {
  return (palette[scheme] as Record<string, string>)[line] ?? palette[scheme].sma;
}
