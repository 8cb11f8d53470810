import { sliceBarSeries } from '@/server/analysis/bars';
import { computeIndicator, getIndicator } from '@/server/analysis/indicators/registry';
import type { ChartInterval, ChartPeriod } from '@/server/market-data/chart-range';
import type { LoadedSeries } from './load-series';
import { periodStartIndex } from './load-series';

/** Longest warm-up tail sent for live recomputation in the browser. */
export const MAX_LIVE_TAIL = 1_000;
/** Tail for cumulative or path-dependent indicators, which never become start-independent. */
const PATH_DEPENDENT_TAIL = 250;

export type IndicatorRequest = { name: string; params?: Record<string, unknown> };

export type ChartIndicator = {
  name: string;
  /** Validated parameters with defaults filled in. */
  params: Record<string, unknown>;
  placement: 'overlay' | 'panel';
  /** One value per shown bar; null where the indicator has no value yet (warm-up). */
  lines: Record<string, (number | null)[]>;
  warmup: number;
  /** Bars needed for a start-independent last value; null when never (OBV, VWAP, SAR). */
  stableBars: number | null;
};

export type ChartIndicators = {
  symbol: string;
  currency: string;
  interval: ChartInterval;
  period: ChartPeriod;
  /** Time keys of the shown bars, as stocks.chart returns them. */
  times: (string | number)[];
  indicators: ChartIndicator[];
  /**
   * OHLCV of the `tailLength` bars before the shown ones plus the shown bars: enough history for
   * the browser to recompute the last value when a tick changes the live bar.
   */
  recent: {
    tailLength: number;
    open: number[];
    high: number[];
    low: number[];
    close: number[];
    volume: number[];
  };
};

function nullable(values: Float64Array, start: number): (number | null)[] {
  const out = new Array<number | null>(values.length - start);
  for (let i = start; i < values.length; i++) {
    const v = values[i]!;
    out[i - start] = Number.isFinite(v) ? v : null;
  }
  return out;
}

/**
 * Computes each requested indicator over the whole loaded history (so the shown period starts
 * warmed up) and returns the lines aligned to the shown bars.
 */
export function chartIndicators(
  loaded: LoadedSeries,
  requests: readonly IndicatorRequest[],
  interval: ChartInterval,
  period: ChartPeriod,
): ChartIndicators {
  const start = periodStartIndex(loaded, interval, period);
  let tail = 0;
  const indicators = requests.map((request): ChartIndicator => {
    const result = computeIndicator(request.name, loaded.series, request.params ?? {});
    const stable = Number.isFinite(result.stableBars) ? result.stableBars : null;
    tail = Math.max(tail, stable ?? PATH_DEPENDENT_TAIL);
    return {
      name: result.name,
      params: result.params,
      placement: getIndicator(result.name).placement,
      lines: Object.fromEntries(
        Object.entries(result.lines).map(([line, values]) => [line, nullable(values, start)]),
      ),
      warmup: result.warmup,
      stableBars: stable,
    };
  });
  const tailLength = Math.min(start, tail, MAX_LIVE_TAIL);
  const recent = sliceBarSeries(loaded.series, start - tailLength);
  return {
    symbol: loaded.symbol,
    currency: loaded.currency,
    interval,
    period,
    times: loaded.times.slice(start),
    indicators,
    recent: {
      tailLength,
      open: Array.from(recent.open),
      high: Array.from(recent.high),
      low: Array.from(recent.low),
      close: Array.from(recent.close),
      volume: Array.from(recent.volume),
    },
  };
}
