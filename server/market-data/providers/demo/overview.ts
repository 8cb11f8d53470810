import type { Bar, CompanyOverview } from '@/server/market-data/types';
import type { DemoInstrument } from './dataset';

const countryOf = { KR: 'South Korea', US: 'USA' } as const;

const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
const tidy = (value: number): number => Number(value.toFixed(4));

/**
 * Overview from shipped facts (names, exchange, sector, a one-line description) and metrics computed
 * from the real history only, as of its last real day: 52-week range and 50/200-day average
 * closes. Nothing else can be derived from prices, so every other metric is null.
 */
export function demoOverview(instrument: DemoInstrument, real: readonly Bar[]): CompanyOverview {
  const last = real.at(-1);
  const metrics: CompanyOverview['metrics'] = {};
  if (last) {
    const yearAgo = new Date(Date.parse(`${last.date}T00:00:00Z`) - 365 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const lastYear = real.filter((bar) => bar.date > yearAgo && bar.volume > 0);
    metrics.week52High = lastYear.length ? Math.max(...lastYear.map((b) => b.high)) : null;
    metrics.week52Low = lastYear.length ? Math.min(...lastYear.map((b) => b.low)) : null;
    const closes = real.map((b) => b.close);
    metrics.movingAverage50 = closes.length >= 50 ? tidy(mean(closes.slice(-50))) : null;
    metrics.movingAverage200 = closes.length >= 200 ? tidy(mean(closes.slice(-200))) : null;
  }
  for (const key of [
    'marketCap',
    'ebitda',
    'peRatio',
    'pegRatio',
    'bookValue',
    'dividendPerShare',
    'dividendYield',
    'eps',
    'sharesOutstanding',
    'beta',
    'profitMargin',
    'returnOnEquity',
    'revenueTtm',
  ] as const) {
    metrics[key] = null;
  }
  return {
    symbol: instrument.symbol,
    name: instrument.nameEn,
    nameKo: instrument.nameKo,
    description: `${instrument.description} Demo data: real prices until ${instrument.realUntil}; the 52-week range and moving averages are computed from them.`,
    exchange: instrument.exchange,
    currency: instrument.currency,
    country: countryOf[instrument.market],
    sector: instrument.sector,
    industry: null,
    metrics,
    dividendDate: null,
    exDividendDate: null,
    quality: 'real',
    provider: 'demo',
  };
}
