import { RollingMax } from '@/server/analysis/indicators/kernel';
import { fmt, graded, notEnoughData, round, signal, warmingUp, type Reason } from './helpers';
import { int, num } from './params';
import { BUY, defineStrategy, SELL, type StrategySignals } from './types';

type BandParams = { period: number; stddev: number };
const bandParams = {
  period: int(20, 2, 1000, 'Bollinger period (bars).'),
  stddev: num(2, 0.1, 10, 'Band width in population standard deviations.'),
};

/** Where the close sits in the band: 0 at the lower band, 1 at the upper one. */
function percentB(close: number, lower: number, upper: number): number {
  return (close - lower) / (upper - lower);
}

export const bollingerBreakout = defineStrategy<BandParams>({
  id: 'bollinger-breakout',
  name: 'Bollinger band breakout',
  description:
    'Trend-following: BUY when the close breaks above the upper band, SELL when it breaks below ' +
    'the lower band.',
  category: 'volatility',
  params: bandParams,
  compute(ctx, p, out: StrategySignals) {
    const { upper, lower } = ctx.bollinger(p.period, p.stddev);
    const close = ctx.series.close;
    for (let i = 1; i < close.length; i++) {
      const c = close[i]!;
      const width = upper[i]! - lower[i]!;
      if (c > upper[i]! && close[i - 1]! <= upper[i - 1]!)
        signal(out, i, BUY, graded((c - upper[i]!) / width, 0.25));
      else if (c < lower[i]! && close[i - 1]! >= lower[i - 1]!)
        signal(out, i, SELL, graded((lower[i]! - c) / width, 0.25));
    }
  },
  explain(ctx, p, i, signals): Reason {
    return explainBand(
      ctx.series.close[i]!,
      ctx.bollinger(p.period, p.stddev),
      i,
      signals.action[i]!,
      'breakout',
      p,
    );
  },
});

export const bollingerReversion = defineStrategy<BandParams>({
  id: 'bollinger-reversion',
  name: 'Bollinger band mean reversion',
  description:
    'BUY when the close comes back inside from below the lower band, SELL when it comes back ' +
    'inside from above the upper band.',
  category: 'volatility',
  params: bandParams,
  compute(ctx, p, out: StrategySignals) {
    const { upper, lower } = ctx.bollinger(p.period, p.stddev);
    const close = ctx.series.close;
    for (let i = 1; i < close.length; i++) {
      const c = close[i]!;
      const pb = percentB(c, lower[i]!, upper[i]!);
      if (c > lower[i]! && close[i - 1]! <= lower[i - 1]!)
        signal(out, i, BUY, graded(0.5 - pb, 0.5));
      else if (c < upper[i]! && close[i - 1]! >= upper[i - 1]!)
        signal(out, i, SELL, graded(pb - 0.5, 0.5));
    }
  },
  explain(ctx, p, i, signals): Reason {
    return explainBand(
      ctx.series.close[i]!,
      ctx.bollinger(p.period, p.stddev),
      i,
      signals.action[i]!,
      'reversion',
      p,
    );
  },
});

function explainBand(
  c: number,
  bands: { upper: Float64Array; middle: Float64Array; lower: Float64Array },
  i: number,
  action: number,
  mode: 'breakout' | 'reversion',
  p: BandParams,
): Reason {
  const upper = bands.upper[i]!;
  const lower = bands.lower[i]!;
  if (warmingUp(upper, lower)) return notEnoughData(i);
  const reasonParams = {
    close: round(c),
    upper: round(upper),
    lower: round(lower),
    percentB: round(percentB(c, lower, upper)),
  };
  const bb = `Bollinger(${p.period}, ${p.stddev})`;
  if (action === BUY)
    return mode === 'breakout'
      ? {
          key: 'breaks-upper',
          reasonParams,
          reason: `Close ${fmt(c)} broke above the upper ${bb} band (${fmt(upper)}).`,
          bias: 1,
        }
      : {
          key: 'back-above-lower',
          reasonParams,
          reason: `Close ${fmt(c)} came back above the lower ${bb} band (${fmt(lower)}).`,
          bias: 1,
        };
  if (action === SELL)
    return mode === 'breakout'
      ? {
          key: 'breaks-lower',
          reasonParams,
          reason: `Close ${fmt(c)} broke below the lower ${bb} band (${fmt(lower)}).`,
          bias: -1,
        }
      : {
          key: 'back-below-upper',
          reasonParams,
          reason: `Close ${fmt(c)} fell back below the upper ${bb} band (${fmt(upper)}).`,
          bias: -1,
        };
  const inside = c <= upper && c >= lower;
  const bias =
    mode === 'breakout' ? (c > upper ? 1 : c < lower ? -1 : 0) : c < lower ? 1 : c > upper ? -1 : 0;
  return {
    key: inside ? 'inside' : c > upper ? 'above-upper' : 'below-lower',
    reasonParams,
    reason: `Close ${fmt(c)} is ${inside ? 'inside' : c > upper ? 'above' : 'below'} the ${bb} bands (${fmt(lower)}–${fmt(upper)}).`,
    bias,
  };
}

type SqueezeParams = {
  period: number;
  stddev: number;
  lookback: number;
  tolerance: number;
  window: number;
};

export const bollingerSqueeze = defineStrategy<SqueezeParams>({
  id: 'bollinger-squeeze',
  name: 'Bollinger squeeze breakout',
  description:
    'A squeeze is a band width (upper − lower) / middle within `tolerance` of its lowest over ' +
    '`lookback` bars. BUY when the close breaks above the upper band within `window` bars of a ' +
    'squeeze, SELL when it breaks below the lower band.',
  category: 'volatility',
  params: {
    ...bandParams,
    lookback: int(120, 5, 2000, 'Bars over which the narrowest band width is taken.'),
    tolerance: num(
      0.1,
      0,
      2,
      'Band width up to (1 + tolerance) × the narrowest counts as a squeeze.',
    ),
    window: int(5, 0, 100, 'Bars after the last squeeze bar in which a breakout still counts.'),
  },
  compute(ctx, p, out: StrategySignals) {
    const { upper, middle, lower } = ctx.bollinger(p.period, p.stddev);
    const close = ctx.series.close;
    const narrowest = new RollingMax(p.lookback); // of −width, i.e. the rolling minimum
    const { tolerance, window: maxWait } = p; // locals: see zoneReversal in oscillators.ts
    let lastSqueeze = -Infinity;
    for (let i = 0; i < close.length; i++) {
      const width = (upper[i]! - lower[i]!) / middle[i]!;
      if (width !== width) continue;
      const minWidth = -narrowest.push(-width);
      if (width <= minWidth * (1 + tolerance)) lastSqueeze = i;
      if (i - lastSqueeze > maxWait || i === 0) continue;
      const c = close[i]!;
      if (c > upper[i]! && close[i - 1]! <= upper[i - 1]!)
        signal(out, i, BUY, graded(i - lastSqueeze <= 1 ? 1 : 0.5, 1));
      else if (c < lower[i]! && close[i - 1]! >= lower[i - 1]!)
        signal(out, i, SELL, graded(i - lastSqueeze <= 1 ? 1 : 0.5, 1));
    }
  },
  explain(ctx, p, i, signals): Reason {
    const { upper, middle, lower } = ctx.bollinger(p.period, p.stddev);
    if (warmingUp(upper[i]!, lower[i]!)) return notEnoughData(i);
    const width = (upper[i]! - lower[i]!) / middle[i]!;
    const start = Math.max(0, i - p.lookback + 1);
    let minWidth = Infinity;
    for (let k = start; k <= i; k++) {
      const w = (upper[k]! - lower[k]!) / middle[k]!;
      if (w < minWidth) minWidth = w;
    }
    const reasonParams = {
      bandWidth: round(width, 4),
      narrowest: round(minWidth, 4),
      lookback: p.lookback,
    };
    const action = signals.action[i]!;
    if (action !== 0) {
      const up = action === BUY;
      return {
        key: up ? 'squeeze-breakout-up' : 'squeeze-breakout-down',
        reasonParams,
        reason: `After a Bollinger squeeze (band width near its ${p.lookback}-bar low), the close broke ${up ? 'above the upper' : 'below the lower'} band.`,
        bias: up ? 1 : -1,
      };
    }
    const squeezed = width <= minWidth * (1 + p.tolerance);
    return {
      key: squeezed ? 'in-squeeze' : 'no-squeeze',
      reasonParams,
      reason: squeezed
        ? `Bollinger squeeze: band width ${fmt(width * 100)}% is near its ${p.lookback}-bar low; waiting for a breakout.`
        : `No squeeze: band width ${fmt(width * 100)}% (narrowest ${fmt(minWidth * 100)}%).`,
      bias: 0,
    };
  },
});

type KeltnerParams = { period: number; multiplier: number; atrPeriod: number };

export const keltnerBreakout = defineStrategy<KeltnerParams>({
  id: 'keltner-breakout',
  name: 'Keltner channel breakout',
  description:
    'BUY when the close breaks above the upper Keltner channel, SELL when it breaks below the lower one.',
  category: 'volatility',
  params: {
    period: int(20, 1, 1000, 'EMA period of the middle line.'),
    multiplier: num(2, 0.1, 10, 'Channel width in ATRs.'),
    atrPeriod: int(10, 1, 1000, 'ATR period.'),
  },
  compute(ctx, p, out: StrategySignals) {
    const { upper, lower } = ctx.keltner(p.period, p.multiplier, p.atrPeriod);
    const close = ctx.series.close;
    for (let i = 1; i < close.length; i++) {
      const c = close[i]!;
      const width = upper[i]! - lower[i]!;
      if (c > upper[i]! && close[i - 1]! <= upper[i - 1]!)
        signal(out, i, BUY, graded((c - upper[i]!) / width, 0.25));
      else if (c < lower[i]! && close[i - 1]! >= lower[i - 1]!)
        signal(out, i, SELL, graded((lower[i]! - c) / width, 0.25));
    }
  },
  explain(ctx, p, i, signals): Reason {
    const { upper, lower } = ctx.keltner(p.period, p.multiplier, p.atrPeriod);
    const c = ctx.series.close[i]!;
    if (warmingUp(upper[i]!, lower[i]!)) return notEnoughData(i);
    const reasonParams = { close: round(c), upper: round(upper[i]!), lower: round(lower[i]!) };
    const action = signals.action[i]!;
    if (action !== 0) {
      const up = action === BUY;
      return {
        key: up ? 'breaks-upper' : 'breaks-lower',
        reasonParams,
        reason: `Close ${fmt(c)} broke ${up ? 'above the upper' : 'below the lower'} Keltner channel (${fmt(up ? upper[i]! : lower[i]!)}).`,
        bias: up ? 1 : -1,
      };
    }
    return {
      key: c > upper[i]! ? 'above-upper' : c < lower[i]! ? 'below-lower' : 'inside',
      reasonParams,
      reason: `Close ${fmt(c)} relative to the Keltner channel ${fmt(lower[i]!)}–${fmt(upper[i]!)}: no new breakout.`,
      bias: c > upper[i]! ? 1 : c < lower[i]! ? -1 : 0,
    };
  },
});

type DonchianParams = { entry: number; exit: number };

export const donchianBreakout = defineStrategy<DonchianParams>({
  id: 'donchian-breakout',
  name: 'Donchian breakout (turtle)',
  description:
    'Turtle rules: BUY when the close exceeds the highest high of the previous `entry` bars, SELL ' +
    'when it falls below the lowest low of the previous `exit` bars.',
  category: 'trend',
  params: {
    entry: int(20, 2, 1000, 'Breakout channel length (bars).'),
    exit: int(10, 2, 1000, 'Exit channel length (bars).'),
  },
  compute(ctx, p, out: StrategySignals) {
    // Channels of bar i − 1: the breakout compares today's close with the channel before today.
    const entryHigh = ctx.donchianBand(p.entry, 'upper');
    const exitLow = ctx.donchianBand(p.exit, 'lower');
    const close = ctx.series.close;
    const atr = ctx.atr(20);
    for (let i = 1; i < close.length; i++) {
      const c = close[i]!;
      if (c > entryHigh[i - 1]!) signal(out, i, BUY, graded((c - entryHigh[i - 1]!) / atr[i]!, 1));
      else if (c < exitLow[i - 1]!)
        signal(out, i, SELL, graded((exitLow[i - 1]! - c) / atr[i]!, 1));
    }
  },
  explain(ctx, p, i, signals): Reason {
    if (i < 1) return notEnoughData(i);
    const high = ctx.donchian(p.entry).upper[i - 1]!;
    const low = ctx.donchian(p.exit).lower[i - 1]!;
    const c = ctx.series.close[i]!;
    if (warmingUp(high, low)) return notEnoughData(i);
    const reasonParams = {
      close: round(c),
      entryHigh: round(high),
      exitLow: round(low),
      entry: p.entry,
      exit: p.exit,
    };
    const action = signals.action[i]!;
    if (action === BUY)
      return {
        key: 'new-high',
        reasonParams,
        reason: `Close ${fmt(c)} broke the ${p.entry}-bar high (${fmt(high)}).`,
        bias: 1,
      };
    if (action === SELL)
      return {
        key: 'new-low',
        reasonParams,
        reason: `Close ${fmt(c)} broke the ${p.exit}-bar low (${fmt(low)}).`,
        bias: -1,
      };
    return {
      key: 'inside',
      reasonParams,
      reason: `Close ${fmt(c)} is between the ${p.exit}-bar low (${fmt(low)}) and the ${p.entry}-bar high (${fmt(high)}).`,
      bias: 0,
    };
  },
});
