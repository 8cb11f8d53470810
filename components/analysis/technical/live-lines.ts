import { barSeriesFrom } from '@/server/analysis/bars';
import { computeIndicator } from '@/server/analysis/indicators/registry';
import type { PriceBar } from '@/components/stocks/live-bars';
import type { ChartIndicators } from '../types';

export type IndicatorLines = Record<string, (number | null)[]>;

/** Bars of the shown window as stocks.chart would return them, from compute's `recent` block. */
export function windowBars(data: ChartIndicators): PriceBar[] {
  const { recent, times } = data;
  return times.map((time, j) => {
    const i = recent.tailLength + j;
    return {
      time,
      open: recent.open[i]!,
      high: recent.high[i]!,
      low: recent.low[i]!,
      close: recent.close[i]!,
      volume: recent.volume[i]!,
      simulated: false,
    };
  });
}

const finite = (v: number | undefined): number | null =>
  v !== undefined && Number.isFinite(v) ? v : null;

/**
 * The server's lines with the live bar recomputed in the browser: the indicator runs again over
 * the warm-up tail plus the current bars (a tick replaced the last bar or opened a new one), and
 * only the bars from the first changed one on take the new values. OBV is cumulative from its
 * first bar, so the browser's copy is shifted to agree with the server's on the last unchanged
 * bar (exact: the difference is a constant).
 */
export function liveLines(data: ChartIndicators, bars: readonly PriceBar[]): IndicatorLines[] {
  const serverCount = data.times.length;
  const tail = data.recent.tailLength;
  const firstChanged = Math.max(0, Math.min(serverCount, bars.length) - 1);
  const series = barSeriesFrom([
    ...Array.from({ length: tail }, (_, i) => ({
      date: String(i),
      open: data.recent.open[i]!,
      high: data.recent.high[i]!,
      low: data.recent.low[i]!,
      close: data.recent.close[i]!,
      volume: data.recent.volume[i]!,
    })),
    ...bars.map((bar) => ({
      date: typeof bar.time === 'number' ? new Date(bar.time).toISOString() : bar.time,
      open: bar.open,
      high: bar.high,
      low: bar.low,
      close: bar.close,
      volume: bar.volume,
    })),
  ]);
  return data.indicators.map((indicator) => {
    const computed = computeIndicator(indicator.name, series, indicator.params).lines;
    const out: IndicatorLines = {};
    for (const [line, server] of Object.entries(indicator.lines)) {
      const client = computed[line];
      if (!client) {
        out[line] = server;
        continue;
      }
      const anchor = firstChanged - 1;
      const serverAnchor = anchor >= 0 ? server[anchor] : null;
      const clientAnchor = anchor >= 0 ? finite(client[tail + anchor]) : null;
      const shift =
        indicator.name === 'obv' && serverAnchor != null && clientAnchor !== null
          ? serverAnchor - clientAnchor
          : 0;
      const values = server.slice(0, firstChanged);
      for (let j = firstChanged; j < bars.length; j++) {
        const value = finite(client[tail + j]);
        values.push(value === null ? null : value + shift);
      }
      out[line] = values;
    }
    return out;
  });
}
