import { describe, expect, it } from 'vitest';
import {
  RollingMax,
  rollingMax,
  rollingMaxInto,
  rollingMin,
  rollingMinInto,
} from '@/server/analysis/indicators/kernel';

/** Deterministic pseudo-random walk with repeated values (ties) every few bars. */
function walk(n: number, seed = 7): Float64Array {
  const out = new Float64Array(n);
  let state = seed;
  let price = 100;
  for (let i = 0; i < n; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const r = state / 2147483648;
    if (r > 0.2) price += Math.round((r - 0.6) * 8);
    out[i] = price;
  }
  return out;
}

function naive(values: ArrayLike<number>, period: number, pick: (a: number, b: number) => number) {
  return Array.from(values, (_, i) => {
    let m = values[i]!;
    for (let j = Math.max(0, i - period + 1); j < i; j++) m = pick(m, values[j]!);
    return m;
  });
}

function streamed(values: ArrayLike<number>, period: number, sign: 1 | -1): number[] {
  const k = new RollingMax(period);
  return Array.from(values, (v) => sign * k.push(sign * v));
}

describe('rolling maximum / minimum (batch)', () => {
  const values = walk(1_000);
  it.each([1, 2, 3, 5, 14, 52, 999, 1_000, 5_000])(
    'period %i: the extreme of each window ending at i, equal to the streaming kernel',
    (period) => {
      const max = rollingMax(values, period);
      const min = rollingMin(values, period);
      expect(Array.from(max)).toEqual(naive(values, period, Math.max));
      expect(Array.from(min)).toEqual(naive(values, period, Math.min));
      expect(Array.from(max)).toEqual(streamed(values, period, 1));
      expect(Array.from(min)).toEqual(streamed(values, period, -1));
    },
  );

  it('lengths that are not a multiple of the period, and empty input', () => {
    for (const n of [0, 1, 13, 27, 28, 29]) {
      const v = walk(n, n + 1);
      expect(Array.from(rollingMax(v, 14))).toEqual(naive(v, 14, Math.max));
      expect(Array.from(rollingMin(v, 14))).toEqual(naive(v, 14, Math.min));
    }
  });

  it('a NaN in the input leaves the windows without NaN exact', () => {
    const v = walk(300);
    for (const at of [40, 41, 170]) v[at] = NaN;
    for (const period of [1, 4, 20]) {
      const max = rollingMax(v, period);
      const min = rollingMin(v, period);
      const refMax = naive(v, period, Math.max);
      const refMin = naive(v, period, Math.min);
      for (let i = 0; i < v.length; i++) {
        const windowHasNaN = [40, 41, 170].some((at) => at <= i && at > i - period);
        if (windowHasNaN) continue;
        expect(max[i]).toBe(refMax[i]);
        expect(min[i]).toBe(refMin[i]);
      }
    }
  });

  it('writes into a caller-owned array', () => {
    const v = walk(100);
    const out = new Float64Array(100).fill(-1);
    expect(rollingMaxInto(v, 10, out)).toBe(out);
    expect(Array.from(out)).toEqual(naive(v, 10, Math.max));
    expect(Array.from(rollingMinInto(v, 10, out))).toEqual(naive(v, 10, Math.min));
  });
});
