import { barSeriesFrom, type BarSeries } from '@/server/analysis/bars';

/** Rows `[date, open, high, low, close, volume?]` → BarSeries, for hand-checked tests. */
export function seriesOf(rows: [string, number, number, number, number, number?][]): BarSeries {
  return barSeriesFrom(
    rows.map(([date, open, high, low, close, volume]) => ({
      date,
      open,
      high,
      low,
      close,
      volume: volume ?? 1_000,
    })),
  );
}

/** Int8Array of actions from a compact string: B = BUY, S = SELL, anything else = HOLD. */
export function actionsOf(pattern: string): Int8Array {
  const actions = new Int8Array(pattern.length);
  for (let i = 0; i < pattern.length; i++) {
    actions[i] = pattern[i] === 'B' ? 1 : pattern[i] === 'S' ? -1 : 0;
  }
  return actions;
}
