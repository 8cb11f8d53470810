import { describe, expect, it } from 'vitest';
import { curveStats, returnStats } from '@/server/analysis/backtest/curve-stats';
import { drawdownOf } from '@/server/analysis/backtest/drawdown';
import { bitsOf } from '../bits';

/**
 * The metrics' previous formulation, one pass per statistic, kept here as the reference the
 * single-pass curveStats must reproduce bit for bit.
 */
function separatePasses(equity: Float64Array, position: Float64Array) {
  const n = equity.length;
  const curve = new Float64Array(n);
  let peak = -Infinity;
  let peakIndex = 0;
  let depth = 0;
  let trough = 0;
  let depthSum = 0;
  let episodes = 0;
  let longest = 0;
  let max = 0;
  let maxPeak = 0;
  let maxTrough = 0;
  let maxRecovery = -1;
  let inEpisode = false;
  const close = (end: number, recovered: boolean) => {
    episodes++;
    depthSum += depth;
    longest = Math.max(longest, end - peakIndex);
    if (depth > max) {
      max = depth;
      maxPeak = peakIndex;
      maxTrough = trough;
      maxRecovery = recovered ? end : -1;
    }
  };
  for (let i = 0; i < n; i++) {
    const value = equity[i]!;
    if (value >= peak) {
      if (inEpisode) close(i, true);
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
      depth = 0;
    }
    if (dd > depth) {
      depth = dd;
      trough = i;
    }
  }
  if (inEpisode) close(n - 1, false);

  const count = n - 1;
  let returns = { mean: NaN, std: NaN, downside: NaN };
  if (count >= 1) {
    let sum = 0;
    let downsideSq = 0;
    for (let i = 1; i <= count; i++) {
      const r = equity[i]! / equity[i - 1]! - 1;
      sum += r;
      if (r < 0) downsideSq += r * r;
    }
    const mean = sum / count;
    let sq = 0;
    for (let i = 1; i <= count; i++) {
      const d = equity[i]! / equity[i - 1]! - 1 - mean;
      sq += d * d;
    }
    returns = {
      mean,
      std: count > 1 ? Math.sqrt(sq / (count - 1)) : NaN,
      downside: Math.sqrt(downsideSq / count),
    };
  }
  let exposed = 0;
  for (let i = 0; i < position.length; i++) if (position[i] !== 0) exposed++;
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
    returns,
    exposed,
  };
}

/** Deterministic pseudo-random curves with flat stretches, zeros, NaN, ±Infinity and −0. */
function curves(): { label: string; equity: Float64Array; position: Float64Array }[] {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const walk = (n: number) => {
    const equity = new Float64Array(n);
    const position = new Float64Array(n);
    let value = 10_000;
    for (let i = 0; i < n; i++) {
      const holding = random() < 0.55;
      if (holding) value *= 1 + (random() - 0.5) * 0.04;
      equity[i] = value;
      position[i] = holding ? Math.floor(random() * 50) : 0;
    }
    return { equity, position };
  };
  const out: { label: string; equity: Float64Array; position: Float64Array }[] = [];
  for (const n of [0, 1, 2, 3, 50, 2_000]) out.push({ label: `walk ${n}`, ...walk(n) });
  const special: [string, number[]][] = [
    ['zeros', [0, 0, 5, 0, -0, 3]],
    ['negative', [100, -20, -40, 10, 120, -5]],
    ['nan', [100, 90, NaN, 95, 110, NaN, 80]],
    ['infinite', [100, Infinity, 90, -Infinity, 50, 60]],
    ['flat', [100, 100, 100, 90, 90, 100, 100]],
    // Unchanged stretches at a peak, in a drawdown, at the end, and of values whose return is
    // not 0 (0, ±Infinity, NaN): the fast path for still equity must match bar-by-bar passes.
    ['still at peak', [100, 100, 100, 100, 120, 120, 80, 80, 80, 130, 130]],
    ['still to the end', [100, 90, 90, 90, 90]],
    ['still non-finite', [0, 0, 0, 10, Infinity, Infinity, 5, NaN, NaN, 7, 7]],
    ['still negative', [-10, -10, -20, -20, -5, -5, 3, 3]],
  ];
  for (const [label, values] of special) {
    const equity = Float64Array.from(values);
    out.push({ label, equity, position: equity.map((v, i) => (i % 2 ? v : 0)) });
  }
  return out;
}

describe('curveStats: drawdown, returns and exposure in one pass', () => {
  it.each(curves())('matches separate passes bit for bit ($label)', ({ equity, position }) => {
    const expected = separatePasses(equity, position);
    const stats = curveStats(equity, position);
    expect(bitsOf(stats.drawdown)).toBe(bitsOf(expected.drawdown));
    expect(bitsOf(returnStats(equity, stats))).toBe(bitsOf(expected.returns));
    expect(stats.exposed).toBe(expected.exposed);
    expect(bitsOf(drawdownOf(equity))).toBe(bitsOf(expected.drawdown));
  });

  it('writes the drawdown curve into a longer reused array without stale values', () => {
    const into = new Float64Array(10).fill(123);
    const equity = Float64Array.from([100, 80, 90, 120, 60]);
    const summary = drawdownOf(equity, into);
    expect(summary.curve).toHaveLength(5);
    expect(Array.from(summary.curve)).toEqual([0, 1 - 80 / 100, 1 - 90 / 100, 0, 0.5]);
    expect(summary.curve.buffer).toBe(into.buffer);
  });

  it('counts exposure over the position array when its length differs', () => {
    const equity = Float64Array.from([1, 2, 3]);
    expect(curveStats(equity, Float64Array.from([0, 1, 1, 1, 0])).exposed).toBe(3);
  });
});
