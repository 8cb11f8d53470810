/**
 * Independent, deliberately naive formulations of every indicator: each value is recomputed from
 * its textbook definition over plain arrays (windows re-scanned, two-pass variance, recursive
 * smoothers written out), sharing no code with the engine. Used to cross-check the fast kernels.
 */
import type { BarSeries } from '@/server/analysis/bars';

type Series = Pick<BarSeries, 'dates' | 'high' | 'low' | 'close' | 'volume'>;
const nan = (n: number) => Array.from({ length: n }, () => NaN);
const window = (xs: ArrayLike<number>, end: number, period: number) =>
  Array.from({ length: period }, (_, j) => xs[end - period + 1 + j]!);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function naiveSma(xs: ArrayLike<number>, period: number): number[] {
  return Array.from({ length: xs.length }, (_, i) =>
    i < period - 1 ? NaN : mean(window(xs, i, period)),
  );
}

/** EMA from its recursive definition; `start` = index of the seed (SMA of the window ending there). */
export function naiveEma(xs: ArrayLike<number>, period: number, start = period - 1): number[] {
  const out = nan(xs.length);
  const alpha = 2 / (period + 1);
  for (let i = start; i < xs.length; i++) {
    out[i] = i === start ? mean(window(xs, i, period)) : alpha * xs[i]! + (1 - alpha) * out[i - 1]!;
  }
  return out;
}

export function naiveWma(xs: ArrayLike<number>, period: number): number[] {
  return Array.from({ length: xs.length }, (_, i) => {
    if (i < period - 1) return NaN;
    const w = window(xs, i, period);
    return w.reduce((acc, x, j) => acc + (j + 1) * x, 0) / ((period * (period + 1)) / 2);
  });
}

/** Wilder's smoothing of xs[first…]: seed = mean of the first `period`, then (prev·(n−1)+x)/n. */
function wilder(xs: number[], first: number, period: number): number[] {
  const out = nan(xs.length);
  const seedAt = first + period - 1;
  for (let i = seedAt; i < xs.length; i++) {
    out[i] =
      i === seedAt
        ? mean(xs.slice(first, seedAt + 1))
        : (out[i - 1]! * (period - 1) + xs[i]!) / period;
  }
  return out;
}

export function naiveRsi(xs: ArrayLike<number>, period: number): number[] {
  const gains = Array.from({ length: xs.length }, (_, i) =>
    i === 0 ? NaN : Math.max(xs[i]! - xs[i - 1]!, 0),
  );
  const losses = Array.from({ length: xs.length }, (_, i) =>
    i === 0 ? NaN : Math.max(xs[i - 1]! - xs[i]!, 0),
  );
  const g = wilder(gains, 1, period);
  const l = wilder(losses, 1, period);
  return g.map((gain, i) => {
    const loss = l[i]!;
    if (Number.isNaN(gain)) return NaN;
    if (loss === 0) return gain === 0 ? 50 : 100;
    return 100 - 100 / (1 + gain / loss);
  });
}

export function naiveMacd(xs: ArrayLike<number>, fast: number, slow: number, signal: number) {
  const slowEma = naiveEma(xs, slow);
  const fastEma = naiveEma(xs, fast, slow - 1); // seed window ends on the slow seed's bar
  const macd = fastEma.map((f, i) => f - slowEma[i]!);
  const tail = naiveEma(macd.slice(slow - 1), signal);
  const sig = [...nan(slow - 1), ...tail];
  return { macd, signal: sig, histogram: macd.map((m, i) => m - sig[i]!) };
}

export function naiveBollinger(xs: ArrayLike<number>, period: number, k: number) {
  const middle = naiveSma(xs, period);
  const sd = middle.map((m, i) =>
    Number.isNaN(m) ? NaN : Math.sqrt(mean(window(xs, i, period).map((x) => (x - m) ** 2))),
  );
  return {
    upper: middle.map((m, i) => m + k * sd[i]!),
    middle,
    lower: middle.map((m, i) => m - k * sd[i]!),
  };
}

const highest = (s: Series, i: number, p: number) => Math.max(...window(s.high, i, p));
const lowest = (s: Series, i: number, p: number) => Math.min(...window(s.low, i, p));

export function naiveStochastic(s: Series, period: number, kSmoothing: number, dPeriod: number) {
  const raw = Array.from({ length: s.close.length }, (_, i) => {
    if (i < period - 1) return NaN;
    const hh = highest(s, i, period);
    const ll = lowest(s, i, period);
    return hh === ll ? 50 : ((s.close[i]! - ll) / (hh - ll)) * 100;
  });
  const k = [...nan(period - 1), ...naiveSma(raw.slice(period - 1), kSmoothing)];
  const firstK = period + kSmoothing - 2;
  const d = [...nan(firstK), ...naiveSma(k.slice(firstK), dPeriod)];
  return { k, d };
}

export function naiveObv(s: Series): number[] {
  const out = [0];
  for (let i = 1; i < s.close.length; i++) {
    const sign = Math.sign(s.close[i]! - s.close[i - 1]!);
    out.push(out[i - 1]! + sign * s.volume[i]!);
  }
  return out;
}

function trueRanges(s: Series): number[] {
  return Array.from({ length: s.close.length }, (_, i) =>
    i === 0
      ? NaN
      : Math.max(
          s.high[i]! - s.low[i]!,
          Math.abs(s.high[i]! - s.close[i - 1]!),
          Math.abs(s.low[i]! - s.close[i - 1]!),
        ),
  );
}

export function naiveAtr(s: Series, period: number): number[] {
  return wilder(trueRanges(s), 1, period);
}

/** TA-Lib's ADX written out with explicit arrays. */
export function naiveAdx(s: Series, period: number) {
  const n = s.close.length;
  const tr = trueRanges(s);
  const plusDm = nan(n);
  const minusDm = nan(n);
  for (let i = 1; i < n; i++) {
    const up = s.high[i]! - s.high[i - 1]!;
    const down = s.low[i - 1]! - s.low[i]!;
    plusDm[i] = up > down && up > 0 ? up : 0;
    minusDm[i] = down > up && down > 0 ? down : 0;
  }
  const smooth = (xs: number[]) => {
    const out = nan(n);
    let acc = 0;
    for (let i = 1; i < period; i++) acc += xs[i]!;
    for (let i = period; i < n; i++) {
      acc = acc - acc / period + xs[i]!;
      out[i] = acc;
    }
    return out;
  };
  const sTr = smooth(tr);
  const sPlus = smooth(plusDm);
  const sMinus = smooth(minusDm);
  const plusDi = sPlus.map((v, i) => (sTr[i] === 0 ? 0 : (100 * v) / sTr[i]!));
  const minusDi = sMinus.map((v, i) => (sTr[i] === 0 ? 0 : (100 * v) / sTr[i]!));
  const dx = plusDi.map((p, i) => {
    const sum = p + minusDi[i]!;
    return sum === 0 ? 0 : (100 * Math.abs(p - minusDi[i]!)) / sum;
  });
  return { adx: wilder(dx, period, period), plusDi, minusDi };
}

const typical = (s: Series, i: number) => (s.high[i]! + s.low[i]! + s.close[i]!) / 3;

export function naiveCci(s: Series, period: number): number[] {
  const tp = Array.from({ length: s.close.length }, (_, i) => typical(s, i));
  return tp.map((x, i) => {
    if (i < period - 1) return NaN;
    const w = window(tp, i, period);
    const m = mean(w);
    const md = mean(w.map((v) => Math.abs(v - m)));
    return md === 0 ? 0 : (x - m) / (0.015 * md);
  });
}

export function naiveWilliamsR(s: Series, period: number): number[] {
  return Array.from({ length: s.close.length }, (_, i) => {
    if (i < period - 1) return NaN;
    const hh = highest(s, i, period);
    const ll = lowest(s, i, period);
    return hh === ll ? -50 : ((hh - s.close[i]!) / (hh - ll)) * -100;
  });
}

export function naiveMfi(s: Series, period: number): number[] {
  return Array.from({ length: s.close.length }, (_, i) => {
    if (i < period) return NaN;
    let positive = 0;
    let negative = 0;
    for (let j = i - period + 1; j <= i; j++) {
      const flow = typical(s, j) * s.volume[j]!;
      if (typical(s, j) > typical(s, j - 1)) positive += flow;
      else if (typical(s, j) < typical(s, j - 1)) negative += flow;
    }
    return positive + negative === 0 ? 50 : 100 - 100 / (1 + positive / negative);
  });
}

export function naiveRoc(xs: ArrayLike<number>, period: number): number[] {
  return Array.from({ length: xs.length }, (_, i) =>
    i < period
      ? NaN
      : xs[i - period] === 0
        ? 0
        : ((xs[i]! - xs[i - period]!) / xs[i - period]!) * 100,
  );
}

export function naiveVwap(s: Series, anchor: 'series' | 'session'): number[] {
  return Array.from({ length: s.close.length }, (_, i) => {
    let start = 0;
    if (anchor === 'session') {
      start = i;
      while (start > 0 && s.dates[start - 1]!.slice(0, 10) === s.dates[i]!.slice(0, 10)) start--;
    }
    let pv = 0;
    let v = 0;
    for (let j = start; j <= i; j++) {
      pv += typical(s, j) * s.volume[j]!;
      v += s.volume[j]!;
    }
    return v === 0 ? typical(s, i) : pv / v;
  });
}

export function naiveIchimoku(
  s: Series,
  conversion: number,
  base: number,
  spanB: number,
  displacement: number,
) {
  const n = s.close.length;
  const mid = (i: number, p: number) =>
    i < p - 1 ? NaN : (highest(s, i, p) + lowest(s, i, p)) / 2;
  const tenkan = Array.from({ length: n }, (_, i) => mid(i, conversion));
  const kijun = Array.from({ length: n }, (_, i) => mid(i, base));
  const shifted = (f: (i: number) => number) =>
    Array.from({ length: n }, (_, i) => (i < displacement ? NaN : f(i - displacement)));
  return {
    tenkan,
    kijun,
    senkouA: shifted((j) => (tenkan[j]! + kijun[j]!) / 2),
    senkouB: shifted((j) => mid(j, spanB)),
    chikou: Array.from(s.close),
  };
}

export function naiveDonchian(s: Series, period: number) {
  const upper = Array.from({ length: s.close.length }, (_, i) =>
    i < period - 1 ? NaN : highest(s, i, period),
  );
  const lower = Array.from({ length: s.close.length }, (_, i) =>
    i < period - 1 ? NaN : lowest(s, i, period),
  );
  return { upper, middle: upper.map((u, i) => (u + lower[i]!) / 2), lower };
}

export function naiveKeltner(s: Series, period: number, atrPeriod: number, multiplier: number) {
  const middle = naiveEma(s.close, period);
  const range = naiveAtr(s, atrPeriod);
  return {
    upper: middle.map((m, i) => m + multiplier * range[i]!),
    middle: middle.map((m, i) => (Number.isNaN(range[i]!) ? NaN : m)),
    lower: middle.map((m, i) => m - multiplier * range[i]!),
  };
}

/** Wilder's SAR written as the textbook loop, with TA-Lib's start (see psar.ts). */
export function naivePsar(s: Series, step: number, max: number) {
  const n = s.high.length;
  const psar = nan(n);
  const trend = nan(n);
  if (n < 2) return { psar, trend };
  const { high, low } = s;
  let long = !(low[0]! - low[1]! > 0 && low[0]! - low[1]! > high[1]! - high[0]!);
  let sar = long ? low[0]! : high[0]!;
  let ep = long ? high[1]! : low[1]!;
  let af = step;
  for (let i = 1; i < n; i++) {
    const prevHigh = i === 1 ? high[1]! : high[i - 1]!;
    const prevLow = i === 1 ? low[1]! : low[i - 1]!;
    const reversed = long ? low[i]! <= sar : high[i]! >= sar;
    if (reversed) {
      long = !long;
      sar = long ? Math.min(ep, prevLow, low[i]!) : Math.max(ep, prevHigh, high[i]!);
      psar[i] = sar;
      af = step;
      ep = long ? high[i]! : low[i]!;
    } else {
      psar[i] = sar;
      if (long ? high[i]! > ep : low[i]! < ep) {
        ep = long ? high[i]! : low[i]!;
        af = Math.min(af + step, max);
      }
    }
    sar = sar + af * (ep - sar);
    // After a reversal the clamp is the opposite side (the new trend's side of the bars).
    sar = long ? Math.min(sar, prevLow, low[i]!) : Math.max(sar, prevHigh, high[i]!);
    trend[i] = long ? 1 : -1;
  }
  return { psar, trend };
}
