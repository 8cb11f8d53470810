import { curveStats } from './curve-stats';

/**
 * Drawdown of an equity curve: dd_t = 1 − equity_t / max(equity_0..t), a fraction ≥ 0.
 * An episode runs from a peak to the first bar that regains it (or to the end, unrecovered).
 */
export interface DrawdownSummary {
  curve: Float64Array;
  /** Deepest dd_t (0 when the curve never falls). */
  max: number;
  peakIndex: number;
  troughIndex: number;
  /** First index at or above the peak after the trough; -1 when not recovered. */
  recoveryIndex: number;
  /** Bars from the deepest episode's peak to its recovery (or to the last bar). */
  maxDurationBars: number;
  /** Longest episode of any depth, in bars. */
  longestDurationBars: number;
  /** Mean of the episodes' deepest points. */
  average: number;
  episodes: number;
}

/** `into` (optional, at least equity.length long) receives the curve instead of a new array. */
export function drawdownOf(equity: Float64Array, into?: Float64Array): DrawdownSummary {
  return curveStats(equity, undefined, into).drawdown;
}
