import type { BarSeries, OhlcvBar } from '../bars';

/** Which price a single-input indicator (SMA, EMA, RSI, MACD, Bollinger, ROC …) reads. */
export const priceSources = ['close', 'open', 'high', 'low', 'hl2', 'hlc3', 'ohlc4'] as const;
export type PriceSource = (typeof priceSources)[number];

export function priceOf(bar: Omit<OhlcvBar, 'date' | 'volume'>, source: PriceSource): number {
  switch (source) {
    case 'close':
      return bar.close;
    case 'open':
      return bar.open;
    case 'high':
      return bar.high;
    case 'low':
      return bar.low;
    case 'hl2':
      return (bar.high + bar.low) / 2;
    case 'hlc3':
      return (bar.high + bar.low + bar.close) / 3;
    case 'ohlc4':
      return (bar.open + bar.high + bar.low + bar.close) / 4;
  }
}

/** The series' column for `source`; derived prices are computed once into a new array. */
export function sourceValues(series: BarSeries, source: PriceSource): Float64Array {
  switch (source) {
    case 'close':
      return series.close;
    case 'open':
      return series.open;
    case 'high':
      return series.high;
    case 'low':
      return series.low;
    default: {
      const { open, high, low, close } = series;
      const out = new Float64Array(series.length);
      for (let i = 0; i < series.length; i++) {
        const h = high[i]!;
        const l = low[i]!;
        const c = close[i]!;
        // Same expressions as priceOf, so batch and streaming read identical prices.
        out[i] =
          source === 'hl2'
            ? (h + l) / 2
            : source === 'hlc3'
              ? (h + l + c) / 3
              : (open[i]! + h + l + c) / 4;
      }
      return out;
    }
  }
}
