/**
 * Column-oriented bar series: the input of every indicator, strategy and backtest. Typed arrays keep
 * the hot loops allocation-free and cache-friendly; `dates` stays a string array because it is only
 * read when results are labelled. `dates[i]` is `YYYY-MM-DD` for daily bars (the session's date in
 * the market's timezone) or an ISO date-time for intraday bars.
 */
export interface BarSeries {
  dates: string[];
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  length: number;
}

/** One bar as it arrives from a provider, a CSV row or a live tick aggregation. */
export interface OhlcvBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export function barSeriesFrom(bars: readonly OhlcvBar[]): BarSeries {
  const n = bars.length;
  const series: BarSeries = {
    dates: new Array<string>(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
    length: n,
  };
  for (let i = 0; i < n; i++) {
    const bar = bars[i]!;
    series.dates[i] = bar.date;
    series.open[i] = bar.open;
    series.high[i] = bar.high;
    series.low[i] = bar.low;
    series.close[i] = bar.close;
    series.volume[i] = bar.volume;
  }
  return series;
}

/** Bars `start` (inclusive) to `end` (exclusive); the typed arrays are views, not copies. */
export function sliceBarSeries(series: BarSeries, start: number, end = series.length): BarSeries {
  const from = Math.max(0, Math.min(start, series.length));
  const to = Math.max(from, Math.min(end, series.length));
  return {
    dates: series.dates.slice(from, to),
    open: series.open.subarray(from, to),
    high: series.high.subarray(from, to),
    low: series.low.subarray(from, to),
    close: series.close.subarray(from, to),
    volume: series.volume.subarray(from, to),
    length: to - from,
  };
}

/** Bar `i` as an object (streaming indicators and tests feed bars one at a time). */
export function barAt(series: BarSeries, i: number): OhlcvBar {
  return {
    date: series.dates[i]!,
    open: series.open[i]!,
    high: series.high[i]!,
    low: series.low[i]!,
    close: series.close[i]!,
    volume: series.volume[i]!,
  };
}
