import type { DrawdownSummary } from './drawdown';

/** Per-bar return statistics of an equity curve (r_t = E_t / E_{t−1} − 1, n bars → n − 1 returns). */
export interface ReturnStats {
  mean: number;
  /** Sample standard deviation (ddof 1); NaN for fewer than two returns. */
  std: number;
  /** √mean(min(r, 0)²). */
  downside: number;
}

export interface CurveStats {
  drawdown: DrawdownSummary;
  /** Σ r_t and Σ min(r_t, 0)² over the per-bar returns, in bar order (see returnStats). */
  returnSum: number;
  downsideSquares: number;
  /** Bars whose position is not 0 (0 without a position array). */
  exposed: number;
}

/** r_t = E_t / E_{t−1} − 1, computed the same way in both passes. */
function barReturn(value: number, previous: number): number {
  return value / previous - 1;
}

/**
 * Drawdown, per-bar return sums and exposure of an equity curve in one pass instead of one pass
 * per metric. Each accumulator sees the same values in the same order as a separate pass would,
 * so results are identical.
 *
 * `position` (optional) feeds `exposed`; `into` (optional, at least equity.length long) receives
 * the drawdown curve instead of a new array.
 */
export function curveStats(
  equity: Float64Array,
  position?: Float64Array,
  into?: Float64Array,
): CurveStats {
  const n = equity.length;
  // Every element is written below, so a reused array needs no clearing.
  const curve = into ? (into.length === n ? into : into.subarray(0, n)) : new Float64Array(n);
  if (curve.length < n) throw new RangeError(`drawdown array shorter than ${n} bars`);
  // Plain locals, no closure: captured variables would be boxed on every per-bar write.
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
  let sum = 0;
  let downsideSq = 0;
  let exposed = 0;
  let previous = NaN;
  const fusedExposure = position !== undefined && position.length === n;

  for (let i = 0; i < n; i++) {
    let value = equity[i]!;
    if (i > 0 && value === previous && value !== 0 && value - value === 0) {
      // A stretch of unchanged equity (flat, or a price that does not move): each bar's return is
      // exactly 0 (adds nothing to either sum) and repeats the previous bar's drawdown state, so
      // only the curve, the exposure and — at a peak — the peak's index move.
      const dd = inEpisode ? curve[i - 1]! : 0;
      do {
        if (fusedExposure && position[i] !== 0) exposed++;
        curve[i] = dd;
        i++;
      } while (i < n && equity[i] === previous);
      if (!inEpisode) peakIndex = i - 1;
      if (i >= n) break;
      value = equity[i]!;
    }
    if (fusedExposure && position[i] !== 0) exposed++;
    if (i > 0) {
      const r = barReturn(value, previous);
      sum += r;
      if (r < 0) downsideSq += r * r;
    }
    previous = value;

    if (value >= peak) {
      if (inEpisode) {
        // The episode recovers at i.
        episodes++;
        depthSum += episodeDepth;
        longest = Math.max(longest, i - peakIndex);
        if (episodeDepth > max) {
          max = episodeDepth;
          maxPeak = peakIndex;
          maxTrough = episodeTrough;
          maxRecovery = i;
        }
      }
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
  if (inEpisode) {
    // Unrecovered at the last bar.
    episodes++;
    depthSum += episodeDepth;
    longest = Math.max(longest, n - 1 - peakIndex);
    if (episodeDepth > max) {
      max = episodeDepth;
      maxPeak = peakIndex;
      maxTrough = episodeTrough;
      maxRecovery = -1;
    }
  }

  return {
    drawdown: {
      curve,
      max,
      peakIndex: maxPeak,
      troughIndex: maxTrough,
      recoveryIndex: maxRecovery,
      maxDurationBars: max > 0 ? (maxRecovery >= 0 ? maxRecovery : n - 1) - maxPeak : 0,
      longestDurationBars: longest,
      average: episodes > 0 ? depthSum / episodes : 0,
      episodes,
    },
    returnSum: sum,
    downsideSquares: downsideSq,
    exposed: position === undefined || fusedExposure ? exposed : countNonZero(position),
  };
}

function countNonZero(values: Float64Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) count++;
  return count;
}

/**
 * Mean, sample std and downside deviation of the per-bar returns, from curveStats' sums plus the
 * second pass the sample variance needs around the mean.
 */
export function returnStats(equity: Float64Array, stats: CurveStats): ReturnStats {
  const count = equity.length - 1;
  if (count < 1) return { mean: NaN, std: NaN, downside: NaN };
  const mean = stats.returnSum / count;
  let sq = 0;
  // An unchanged finite non-zero equity has a return of exactly 0: its term needs no division.
  const still = 0 - mean;
  const stillSq = still * still;
  let previous = equity[0]!;
  for (let i = 1; i <= count; i++) {
    const value = equity[i]!;
    if (value === previous && value !== 0 && value - value === 0) {
      sq += stillSq;
      continue;
    }
    const d = barReturn(value, previous) - mean;
    previous = value;
    sq += d * d;
  }
  return {
    mean,
    std: count > 1 ? Math.sqrt(sq / (count - 1)) : NaN,
    downside: Math.sqrt(stats.downsideSquares / count),
  };
}
