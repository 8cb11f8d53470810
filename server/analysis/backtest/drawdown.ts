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

export function drawdownOf(equity: Float64Array): DrawdownSummary {
  const n = equity.length;
  const curve = new Float64Array(n);
  let peak = -Infinity;
  let peakIndex = 0;
  let episodeDepth = 0;
  let episodeTrough = 0;
  let depthSum = 0;
  let episodes = 0;
  let longest = 0;
  let max = 0;
  let maxPeak = 0;
  let maxTrough = 0;
  let maxRecovery = -1;
  let inEpisode = false;

  const closeEpisode = (endIndex: number, recovered: boolean): void => {
    episodes++;
    depthSum += episodeDepth;
    longest = Math.max(longest, endIndex - peakIndex);
    if (episodeDepth > max) {
      max = episodeDepth;
      maxPeak = peakIndex;
      maxTrough = episodeTrough;
      maxRecovery = recovered ? endIndex : -1;
    }
  };

  for (let i = 0; i < n; i++) {
    const value = equity[i]!;
    if (value >= peak) {
      if (inEpisode) closeEpisode(i, true);
      inEpisode = false;
      peak = value;
      peakIndex = i;
      curve[i] = 0;
      continue;
    }
    const dd = peak > 0 ? 1 - value / peak : 0;
    curve[i] = dd;
    if (!inEpisode) {
      inEpisode = true;
      episodeDepth = 0;
    }
    if (dd > episodeDepth) {
      episodeDepth = dd;
      episodeTrough = i;
    }
  }
  if (inEpisode) closeEpisode(n - 1, false);

  return {
    curve,
    max,
    peakIndex: maxPeak,
    troughIndex: maxTrough,
    recoveryIndex: maxRecovery,
    maxDurationBars: max > 0 ? (maxRecovery >= 0 ? maxRecovery : n - 1) - maxPeak : 0,
    longestDurationBars: longest,
    average: episodes > 0 ? depthSum / episodes : 0,
    episodes,
  };
}
