import { fmt, graded, notEnoughData, round, sign, signal, warmingUp, type Reason } from './helpers';
import { int, num } from './params';
import { BUY, defineStrategy, SELL, type StrategySignals } from './types';

type AdxParams = { period: number; threshold: number };

export const adxTrend = defineStrategy<AdxParams>({
  id: 'adx-trend',
  name: 'ADX trend (DMI)',
  description:
    'BUY when +DI crosses above −DI while ADX shows a trend (≥ threshold), or when ADX rises ' +
    'through the threshold with +DI on top; SELL on the mirror image.',
  category: 'trend',
  params: {
    period: int(14, 2, 500, 'ADX/DMI period.'),
    threshold: num(25, 0, 100, 'ADX level that counts as a trending market.'),
  },
  compute(ctx, p, out: StrategySignals) {
    const { adx, plusDi, minusDi } = ctx.adx(p.period);
    const t = p.threshold;
    for (let i = 1; i < adx.length; i++) {
      const a = adx[i]!;
      if (!(a >= t)) continue;
      const up = plusDi[i]! > minusDi[i]!;
      const wasUp = plusDi[i - 1]! > minusDi[i - 1]!;
      const wasDown = plusDi[i - 1]! < minusDi[i - 1]!;
      const trendStarts = adx[i - 1]! < t;
      const confidence = graded(a - t, 25);
      if (up && (!wasUp || trendStarts)) signal(out, i, BUY, confidence);
      else if (plusDi[i]! < minusDi[i]! && (!wasDown || trendStarts))
        signal(out, i, SELL, confidence);
    }
  },
  explain(ctx, p, i, signals): Reason {
    const { adx, plusDi, minusDi } = ctx.adx(p.period);
    const a = adx[i]!;
    const plus = plusDi[i]!;
    const minus = minusDi[i]!;
    if (warmingUp(a, plus, minus)) return notEnoughData(i);
    const reasonParams = {
      adx: round(a),
      plusDi: round(plus),
      minusDi: round(minus),
      threshold: p.threshold,
    };
    const action = signals.action[i]!;
    const di = `+DI ${fmt(plus)} vs −DI ${fmt(minus)}`;
    if (action !== 0) {
      const up = action === BUY;
      return {
        key: up ? 'uptrend' : 'downtrend',
        reasonParams,
        reason: `Trending ${up ? 'up' : 'down'}: ADX ${fmt(a)} ≥ ${p.threshold} with ${di}.`,
        bias: up ? 1 : -1,
      };
    }
    const trending = a >= p.threshold;
    return {
      key: trending ? 'trend-continues' : 'no-trend',
      reasonParams,
      reason: trending
        ? `Trend continues: ADX ${fmt(a)} with ${di}.`
        : `No trend: ADX ${fmt(a)} is below ${p.threshold} (${di}).`,
      bias: trending ? sign(plus - minus) : 0,
    };
  },
});

type IchimokuParams = { conversion: number; base: number; spanB: number; displacement: number };

export const ichimokuCloud = defineStrategy<IchimokuParams>({
  id: 'ichimoku-cloud',
  name: 'Ichimoku cloud breakout',
  description:
    'BUY when the close rises above the cloud (both senkou spans), SELL when it falls below it; ' +
    'stronger when the conversion line (tenkan) is on the same side of the base line (kijun).',
  category: 'trend',
  params: {
    conversion: int(9, 1, 500, 'Tenkan-sen period.'),
    base: int(26, 1, 500, 'Kijun-sen period.'),
    spanB: int(52, 1, 1000, 'Senkou span B period.'),
    displacement: int(26, 0, 500, 'Bars the cloud is drawn ahead.'),
  },
  compute(ctx, p, out: StrategySignals) {
    const { tenkan, kijun, senkouA, senkouB } = ctx.ichimoku(
      p.conversion,
      p.base,
      p.spanB,
      p.displacement,
    );
    const close = ctx.series.close;
    let previousSide = 0;
    for (let i = 0; i < close.length; i++) {
      const a = senkouA[i]!;
      const b = senkouB[i]!;
      if (a !== a || b !== b) continue; // warming up (no rest-argument array per bar)
      const c = close[i]!;
      const side = c > Math.max(a, b) ? 1 : c < Math.min(a, b) ? -1 : 0;
      if (side === 1 && previousSide !== 1 && i > 0)
        signal(out, i, BUY, tenkan[i]! > kijun[i]! ? 0.8 : 0.55);
      else if (side === -1 && previousSide !== -1 && i > 0)
        signal(out, i, SELL, tenkan[i]! < kijun[i]! ? 0.8 : 0.55);
      if (side !== 0) previousSide = side;
    }
  },
  explain(ctx, p, i, signals): Reason {
    const { tenkan, kijun, senkouA, senkouB } = ctx.ichimoku(
      p.conversion,
      p.base,
      p.spanB,
      p.displacement,
    );
    const a = senkouA[i]!;
    const b = senkouB[i]!;
    if (warmingUp(a, b)) return notEnoughData(i);
    const c = ctx.series.close[i]!;
    const top = Math.max(a, b);
    const bottom = Math.min(a, b);
    const reasonParams = {
      close: round(c),
      cloudTop: round(top),
      cloudBottom: round(bottom),
      tenkan: round(tenkan[i]!),
      kijun: round(kijun[i]!),
    };
    const action = signals.action[i]!;
    if (action !== 0) {
      const up = action === BUY;
      return {
        key: up ? 'above-cloud-breakout' : 'below-cloud-breakdown',
        reasonParams,
        reason: `Close ${fmt(c)} moved ${up ? 'above' : 'below'} the Ichimoku cloud (${fmt(bottom)}–${fmt(top)}).`,
        bias: up ? 1 : -1,
      };
    }
    const where = c > top ? 'above' : c < bottom ? 'below' : 'inside';
    return {
      key: `${where}-cloud`,
      reasonParams,
      reason: `Close ${fmt(c)} is ${where} the Ichimoku cloud (${fmt(bottom)}–${fmt(top)}).`,
      bias: where === 'above' ? 1 : where === 'below' ? -1 : 0,
    };
  },
});

type PsarParams = { step: number; max: number };

export const psarFlip = defineStrategy<PsarParams>({
  id: 'psar-flip',
  name: 'Parabolic SAR flip',
  description: 'BUY when the Parabolic SAR flips below price (uptrend), SELL when it flips above.',
  category: 'trend',
  params: {
    step: num(0.02, 0.001, 1, 'Acceleration step.'),
    max: num(0.2, 0.001, 1, 'Maximum acceleration; at least the step.'),
  },
  check: (p) =>
    p.step <= p.max ? null : { field: 'step', message: `must not exceed max (${p.max})` },
  compute(ctx, p, out: StrategySignals) {
    const { trend } = ctx.psar(p.step, p.max);
    for (let i = 1; i < trend.length; i++) {
      const t = trend[i]!;
      const previous = trend[i - 1]!;
      if (t > 0 && previous < 0) signal(out, i, BUY, 0.6);
      else if (t < 0 && previous > 0) signal(out, i, SELL, 0.6);
    }
  },
  explain(ctx, p, i, signals): Reason {
    const { psar, trend } = ctx.psar(p.step, p.max);
    const value = psar[i]!;
    if (warmingUp(value, trend[i]!)) return notEnoughData(i);
    const reasonParams = { sar: round(value), close: round(ctx.series.close[i]!) };
    const action = signals.action[i]!;
    if (action !== 0) {
      const up = action === BUY;
      return {
        key: up ? 'flips-below' : 'flips-above',
        reasonParams,
        reason: `Parabolic SAR flipped ${up ? 'below' : 'above'} the price (SAR ${fmt(value)}).`,
        bias: up ? 1 : -1,
      };
    }
    const up = trend[i]! > 0;
    return {
      key: up ? 'below-price' : 'above-price',
      reasonParams,
      reason: `No flip: SAR ${fmt(value)} stays ${up ? 'below' : 'above'} the price.`,
      bias: up ? 1 : -1,
    };
  },
});
