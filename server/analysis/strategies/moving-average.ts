import type { IndicatorContext } from './context';
import {
  crossesAbove,
  fillCrossSignals,
  fmt,
  notEnoughData,
  round,
  sign,
  warmingUp,
  type Reason,
} from './helpers';
import { int, num } from './params';
import { BUY, defineStrategy, SELL, type AnyStrategy, type StrategySignals } from './types';

type CrossParams = { fast: number; slow: number; minGap: number };

function maCross(config: {
  id: string;
  name: string;
  description: string;
  average: 'sma' | 'ema';
  fast: number;
  slow: number;
}): AnyStrategy {
  const label = config.average.toUpperCase();
  const line = (ctx: IndicatorContext, period: number) =>
    config.average === 'sma' ? ctx.sma(period) : ctx.ema(period);
  return defineStrategy<CrossParams>({
    id: config.id,
    name: config.name,
    description: config.description,
    category: 'trend',
    params: {
      fast: int(config.fast, 1, 1000, `Fast ${label} period (bars).`),
      slow: int(config.slow, 2, 2000, `Slow ${label} period (bars); must exceed fast.`),
      minGap: num(
        0.01,
        0.0001,
        1,
        'Gap between the averages, as a fraction of the slow one, at which confidence reaches 1.',
      ),
    },
    check: (p) =>
      p.fast < p.slow ? null : { field: 'fast', message: `must be less than slow (${p.slow})` },
    compute(ctx, p, out) {
      const slow = line(ctx, p.slow);
      fillCrossSignals(line(ctx, p.fast), slow, slow, p.minGap, out);
    },
    explain(ctx, p, i, signals) {
      const f = line(ctx, p.fast)[i]!;
      const s = line(ctx, p.slow)[i]!;
      if (warmingUp(f, s)) return notEnoughData(i);
      const reasonParams = { fast: p.fast, slow: p.slow, fastValue: round(f), slowValue: round(s) };
      const pair = `${p.fast}-bar ${label} (${fmt(f)})`;
      const other = `${p.slow}-bar ${label} (${fmt(s)})`;
      const action = signals.action[i]!;
      if (action === BUY)
        return {
          key: 'bullish-cross',
          reasonParams,
          reason: `${pair} crossed above the ${other}.`,
          bias: 1,
        };
      if (action === SELL)
        return {
          key: 'bearish-cross',
          reasonParams,
          reason: `${pair} crossed below the ${other}.`,
          bias: -1,
        };
      const above = f > s;
      return {
        key: above ? 'above' : 'below',
        reasonParams,
        reason: `No new cross: the ${pair} is ${above ? 'above' : 'below'} the ${other}.`,
        bias: sign(f - s),
      };
    },
  });
}

export const smaCross = maCross({
  id: 'sma-cross',
  name: 'SMA crossover',
  description:
    'Long when the fast simple moving average crosses above the slow one; flat (or short, when ' +
    'short selling is allowed) when it crosses below.',
  average: 'sma',
  fast: 10,
  slow: 20,
});

export const goldenCross = maCross({
  id: 'golden-cross',
  name: 'Golden / death cross (SMA 50/200)',
  description:
    'The classic long-term cross: BUY on the golden cross (SMA 50 above SMA 200), SELL on the ' +
    'death cross.',
  average: 'sma',
  fast: 50,
  slow: 200,
});

export const emaCross = maCross({
  id: 'ema-cross',
  name: 'EMA crossover',
  description: 'Golden/death cross of exponential moving averages (default 12/26): reacts faster.',
  average: 'ema',
  fast: 12,
  slow: 26,
});

type BreakoutParams = { period: number; minGap: number };

export const maBreakout = defineStrategy<BreakoutParams>({
  id: 'ma-breakout',
  name: 'Moving-average breakout',
  description: 'BUY when the close crosses above its SMA, SELL when it crosses below.',
  category: 'trend',
  params: {
    period: int(50, 2, 2000, 'SMA period (bars).'),
    minGap: num(0.02, 0.0001, 1, 'Distance above/below the SMA (fraction) for full confidence.'),
  },
  compute(ctx, p, out: StrategySignals) {
    const average = ctx.sma(p.period);
    fillCrossSignals(ctx.series.close, average, average, p.minGap, out);
  },
  explain(ctx, p, i, signals): Reason {
    const c = ctx.series.close[i]!;
    const m = ctx.sma(p.period)[i]!;
    if (warmingUp(m)) return notEnoughData(i);
    const reasonParams = { period: p.period, close: round(c), average: round(m) };
    const action = signals.action[i]!;
    if (action !== 0) {
      const up = action === BUY && crossesAbove(ctx.series.close, ctx.sma(p.period), i);
      return {
        key: up ? 'breakout-up' : 'breakout-down',
        reasonParams,
        reason: `Close ${fmt(c)} broke ${up ? 'above' : 'below'} the ${p.period}-bar SMA (${fmt(m)}).`,
        bias: up ? 1 : -1,
      };
    }
    return {
      key: c > m ? 'above' : 'below',
      reasonParams,
      reason: `No breakout: close ${fmt(c)} is ${c > m ? 'above' : 'below'} the ${p.period}-bar SMA (${fmt(m)}).`,
      bias: sign(c - m),
    };
  },
});
