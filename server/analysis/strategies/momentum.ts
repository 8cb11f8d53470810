import { fmt, graded, notEnoughData, round, sign, signal, warmingUp, type Reason } from './helpers';
import { int, num } from './params';
import { BUY, defineStrategy, SELL, type StrategySignals } from './types';

type MacdParams = { fast: number; slow: number; signal: number };
const macdParams = {
  fast: int(12, 1, 500, 'Fast EMA period.'),
  slow: int(26, 2, 1000, 'Slow EMA period; must exceed fast.'),
  signal: int(9, 1, 500, 'Signal-line EMA period.'),
};
const macdCheck = (p: MacdParams) =>
  p.fast < p.slow ? null : { field: 'fast', message: `must be less than slow (${p.slow})` };
const macdLabel = (p: MacdParams) => `MACD(${p.fast},${p.slow},${p.signal})`;

export const macdCross = defineStrategy<MacdParams>({
  id: 'macd-cross',
  name: 'MACD signal-line crossover',
  description:
    'BUY when the MACD line crosses above its signal line, SELL when it crosses below; a cross ' +
    'on the far side of zero (buy below, sell above) counts as stronger.',
  category: 'momentum',
  params: macdParams,
  check: macdCheck,
  compute(ctx, p, out: StrategySignals) {
    const { macd, signal: line } = ctx.macd(p.fast, p.slow, p.signal);
    const n = macd.length;
    for (let i = 1; i < n; i++) {
      const m = macd[i]!;
      const s = line[i]!;
      const pm = macd[i - 1]!;
      const ps = line[i - 1]!;
      if (m > s && pm <= ps) signal(out, i, BUY, m < 0 ? 0.75 : 0.55);
      else if (m < s && pm >= ps) signal(out, i, SELL, m > 0 ? 0.75 : 0.55);
    }
  },
  explain(ctx, p, i, signals): Reason {
    const { macd, signal: line, histogram } = ctx.macd(p.fast, p.slow, p.signal);
    const m = macd[i]!;
    const s = line[i]!;
    if (warmingUp(m, s)) return notEnoughData(i);
    const reasonParams = {
      macd: round(m, 4),
      signal: round(s, 4),
      histogram: round(histogram[i]!, 4),
    };
    const action = signals.action[i]!;
    if (action !== 0) {
      const up = action === BUY;
      return {
        key: up ? 'bullish-cross' : 'bearish-cross',
        reasonParams,
        reason: `${macdLabel(p)} crossed ${up ? 'above' : 'below'} its signal line (${fmt(m, 4)} vs ${fmt(s, 4)}).`,
        bias: up ? 1 : -1,
      };
    }
    return {
      key: m > s ? 'above-signal' : 'below-signal',
      reasonParams,
      reason: `No new cross: ${macdLabel(p)} is ${m > s ? 'above' : 'below'} its signal line (histogram ${fmt(histogram[i]!, 4)}).`,
      bias: sign(m - s),
    };
  },
});

export const macdZeroCross = defineStrategy<MacdParams>({
  id: 'macd-zero-cross',
  name: 'MACD zero-line crossover',
  description:
    'BUY when the MACD line crosses above zero (fast EMA above slow), SELL when it crosses below; ' +
    'stronger when the signal line agrees.',
  category: 'momentum',
  params: macdParams,
  check: macdCheck,
  compute(ctx, p, out: StrategySignals) {
    const { macd, signal: line } = ctx.macd(p.fast, p.slow, p.signal);
    const n = macd.length;
    for (let i = 1; i < n; i++) {
      const m = macd[i]!;
      const pm = macd[i - 1]!;
      if (m > 0 && pm <= 0) signal(out, i, BUY, m > line[i]! ? 0.75 : 0.55);
      else if (m < 0 && pm >= 0) signal(out, i, SELL, m < line[i]! ? 0.75 : 0.55);
    }
  },
  explain(ctx, p, i, signals): Reason {
    const m = ctx.macd(p.fast, p.slow, p.signal).macd[i]!;
    if (warmingUp(m)) return notEnoughData(i);
    const reasonParams = { macd: round(m, 4) };
    const action = signals.action[i]!;
    if (action !== 0) {
      const up = action === BUY;
      return {
        key: up ? 'crosses-above-zero' : 'crosses-below-zero',
        reasonParams,
        reason: `${macdLabel(p)} crossed ${up ? 'above' : 'below'} zero (${fmt(m, 4)}).`,
        bias: up ? 1 : -1,
      };
    }
    return {
      key: m > 0 ? 'above-zero' : 'below-zero',
      reasonParams,
      reason: `No new cross: ${macdLabel(p)} is ${m > 0 ? 'above' : 'below'} zero (${fmt(m, 4)}).`,
      bias: sign(m),
    };
  },
});

type StochasticParams = {
  period: number;
  kSmoothing: number;
  dPeriod: number;
  oversold: number;
  overbought: number;
};

export const stochasticCross = defineStrategy<StochasticParams>({
  id: 'stochastic-cross',
  name: 'Stochastic crossover',
  description:
    'Slow stochastic: BUY when %K crosses above %D in the oversold zone, SELL when it crosses ' +
    'below %D in the overbought zone.',
  category: 'momentum',
  params: {
    period: int(14, 1, 500, 'Look-back of the raw %K (bars).'),
    kSmoothing: int(3, 1, 100, 'SMA smoothing of %K.'),
    dPeriod: int(3, 1, 100, 'SMA period of %D.'),
    oversold: num(20, 0, 100, 'Oversold level: BUY crosses need %D at or below it.'),
    overbought: num(80, 0, 100, 'Overbought level: SELL crosses need %D at or above it.'),
  },
  check: (p) =>
    p.oversold < p.overbought
      ? null
      : { field: 'oversold', message: `must be below overbought (${p.overbought})` },
  compute(ctx, p, out: StrategySignals) {
    const { k, d } = ctx.stochastic(p.period, p.kSmoothing, p.dPeriod);
    const n = k.length;
    const { oversold, overbought } = p; // locals: see zoneReversal in oscillators.ts
    for (let i = 1; i < n; i++) {
      const dv = d[i]!;
      if (dv <= oversold && k[i]! > dv && k[i - 1]! <= d[i - 1]!) {
        signal(out, i, BUY, graded(oversold - dv, oversold));
      } else if (dv >= overbought && k[i]! < dv && k[i - 1]! >= d[i - 1]!) {
        signal(out, i, SELL, graded(dv - overbought, 100 - overbought));
      }
    }
  },
  explain(ctx, p, i, signals): Reason {
    const { k, d } = ctx.stochastic(p.period, p.kSmoothing, p.dPeriod);
    const kv = k[i]!;
    const dv = d[i]!;
    if (warmingUp(kv, dv)) return notEnoughData(i);
    const reasonParams = {
      k: round(kv),
      d: round(dv),
      oversold: p.oversold,
      overbought: p.overbought,
    };
    const action = signals.action[i]!;
    if (action === BUY)
      return {
        key: 'bullish-cross-oversold',
        reasonParams,
        reason: `%K (${fmt(kv)}) crossed above %D (${fmt(dv)}) in the oversold zone (≤ ${p.oversold}).`,
        bias: 1,
      };
    if (action === SELL)
      return {
        key: 'bearish-cross-overbought',
        reasonParams,
        reason: `%K (${fmt(kv)}) crossed below %D (${fmt(dv)}) in the overbought zone (≥ ${p.overbought}).`,
        bias: -1,
      };
    return {
      key: kv > dv ? 'k-above-d' : 'k-below-d',
      reasonParams,
      reason: `No qualifying cross: %K ${fmt(kv)}, %D ${fmt(dv)}.`,
      bias: dv <= p.oversold ? 1 : dv >= p.overbought ? -1 : 0,
    };
  },
});

type RocParams = { period: number; fullMove: number };

export const rocMomentum = defineStrategy<RocParams>({
  id: 'roc-momentum',
  name: 'Rate-of-change momentum',
  description: 'BUY when the rate of change turns positive, SELL when it turns negative.',
  category: 'momentum',
  params: {
    period: int(12, 1, 500, 'ROC look-back (bars).'),
    fullMove: num(5, 0.01, 1000, 'ROC (in %) at which confidence reaches 1.'),
  },
  compute(ctx, p, out: StrategySignals) {
    const values = ctx.roc(p.period);
    const n = values.length;
    const fullMove = p.fullMove;
    for (let i = 1; i < n; i++) {
      const v = values[i]!;
      const prev = values[i - 1]!;
      if (v > 0 && prev <= 0) signal(out, i, BUY, graded(v, fullMove));
      else if (v < 0 && prev >= 0) signal(out, i, SELL, graded(-v, fullMove));
    }
  },
  explain(ctx, p, i, signals): Reason {
    const v = ctx.roc(p.period)[i]!;
    if (warmingUp(v)) return notEnoughData(i);
    const reasonParams = { period: p.period, roc: round(v) };
    const action = signals.action[i]!;
    if (action !== 0) {
      const up = action === BUY;
      return {
        key: up ? 'turns-positive' : 'turns-negative',
        reasonParams,
        reason: `ROC(${p.period}) turned ${up ? 'positive' : 'negative'} (${fmt(v)}%).`,
        bias: up ? 1 : -1,
      };
    }
    return {
      key: v > 0 ? 'positive' : 'negative',
      reasonParams,
      reason: `ROC(${p.period}) is ${fmt(v)}%: no change of sign.`,
      bias: sign(v),
    };
  },
});

type DivergenceParams = { period: number; pivot: number; lookback: number };

/**
 * A swing low at bar j is confirmed at bar j + pivot, once `pivot` later bars stayed above it:
 * so the decision at bar i = j + pivot reads nothing after i.
 */
function isSwingLow(low: Float64Array, j: number, width: number): boolean {
  const v = low[j]!;
  for (let k = j - width; k <= j + width; k++) if (k !== j && low[k]! < v) return false;
  return true;
}

function isSwingHigh(high: Float64Array, j: number, width: number): boolean {
  const v = high[j]!;
  for (let k = j - width; k <= j + width; k++) if (k !== j && high[k]! > v) return false;
  return true;
}

export const rsiDivergence = defineStrategy<DivergenceParams>({
  id: 'rsi-divergence',
  name: 'RSI divergence',
  description:
    'BUY on bullish divergence (price makes a lower swing low while RSI makes a higher low), SELL ' +
    'on bearish divergence (higher price high, lower RSI high). A swing point is confirmed `pivot` ' +
    'bars after it, so the signal comes that many bars late but never uses later prices.',
  category: 'momentum',
  params: {
    period: int(14, 2, 500, 'RSI period.'),
    pivot: int(3, 1, 20, 'Bars on each side that make a swing low/high.'),
    lookback: int(60, 5, 500, 'Maximum bars between the two swing points compared.'),
  },
  compute(ctx, p, out: StrategySignals) {
    const { low, high } = ctx.series;
    const r = ctx.rsi(p.period);
    const n = r.length;
    const w = p.pivot;
    const lookback = p.lookback;
    let lastLow = -1;
    let lastHigh = -1;
    for (let i = 2 * w; i < n; i++) {
      const j = i - w;
      if (r[j]! === r[j]! && isSwingLow(low, j, w)) {
        if (
          lastLow >= 0 &&
          j - lastLow <= lookback &&
          low[j]! < low[lastLow]! &&
          r[j]! > r[lastLow]!
        ) {
          signal(out, i, BUY, graded(r[j]! - r[lastLow]!, 10));
        }
        lastLow = j;
      }
      if (r[j]! === r[j]! && isSwingHigh(high, j, w)) {
        if (
          lastHigh >= 0 &&
          j - lastHigh <= lookback &&
          high[j]! > high[lastHigh]! &&
          r[j]! < r[lastHigh]!
        ) {
          if (out.action[i] === 0) signal(out, i, SELL, graded(r[lastHigh]! - r[j]!, 10));
        }
        lastHigh = j;
      }
    }
  },
  explain(ctx, p, i, signals): Reason {
    const r = ctx.rsi(p.period);
    if (warmingUp(r[i]!)) return notEnoughData(i);
    const reasonParams = {
      period: p.period,
      rsi: round(r[i]!),
      pivotDate: ctx.series.dates[i - p.pivot] ?? '',
    };
    const action = signals.action[i]!;
    if (action === BUY)
      return {
        key: 'bullish-divergence',
        reasonParams,
        reason: `Bullish divergence: a lower price low on ${reasonParams.pivotDate} with a higher RSI(${p.period}) low.`,
        bias: 1,
      };
    if (action === SELL)
      return {
        key: 'bearish-divergence',
        reasonParams,
        reason: `Bearish divergence: a higher price high on ${reasonParams.pivotDate} with a lower RSI(${p.period}) high.`,
        bias: -1,
      };
    return {
      key: 'none',
      reasonParams,
      reason: `No divergence between price and RSI(${p.period}) (${fmt(r[i]!)}) at the latest swing points.`,
      bias: 0,
    };
  },
});
