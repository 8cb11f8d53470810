import { fmt, graded, notEnoughData, round, signal, warmingUp, type Reason } from './helpers';
import { int, num } from './params';
import { BUY, defineStrategy, SELL, type StrategySignals } from './types';

type ObvParams = { period: number };

export const obvTrend = defineStrategy<ObvParams>({
  id: 'obv-trend',
  name: 'OBV trend confirmation',
  description:
    'BUY when price is above its SMA and on-balance volume above its own SMA (volume confirms ' +
    'the up-move) and this was not so on the previous bar; SELL on the mirror image.',
  category: 'volume',
  params: { period: int(20, 2, 1000, 'SMA period for both price and OBV.') },
  compute(ctx, p, out: StrategySignals) {
    const close = ctx.series.close;
    const average = ctx.sma(p.period);
    const obv = ctx.obv();
    const obvAverage = ctx.obvSma(p.period);
    let previous = 0;
    for (let i = 0; i < close.length; i++) {
      const c = close[i]!;
      const m = average[i]!;
      const o = obv[i]!;
      const om = obvAverage[i]!;
      const state = c > m && o > om ? 1 : c < m && o < om ? -1 : 0;
      if (state === 1 && previous !== 1 && i > 0) signal(out, i, BUY, graded((c - m) / m, 0.03));
      else if (state === -1 && previous !== -1 && i > 0)
        signal(out, i, SELL, graded((m - c) / m, 0.03));
      previous = state;
    }
  },
  explain(ctx, p, i, signals): Reason {
    const c = ctx.series.close[i]!;
    const m = ctx.sma(p.period)[i]!;
    const o = ctx.obv()[i]!;
    const om = ctx.obvSma(p.period)[i]!;
    if (warmingUp(m, om)) return notEnoughData(i);
    const reasonParams = {
      close: round(c),
      average: round(m),
      obv: round(o, 0),
      obvAverage: round(om, 0),
    };
    const action = signals.action[i]!;
    if (action !== 0) {
      const up = action === BUY;
      return {
        key: up ? 'confirmed-up' : 'confirmed-down',
        reasonParams,
        reason: `Price ${up ? 'above' : 'below'} its ${p.period}-bar SMA (${fmt(m)}) with OBV ${up ? 'above' : 'below'} its average: volume confirms the move.`,
        bias: up ? 1 : -1,
      };
    }
    const priceUp = c > m;
    const volumeUp = o > om;
    return {
      key: priceUp === volumeUp ? (priceUp ? 'aligned-up' : 'aligned-down') : 'diverging',
      reasonParams,
      reason:
        priceUp === volumeUp
          ? `Price and OBV stay ${priceUp ? 'above' : 'below'} their ${p.period}-bar averages.`
          : `Price is ${priceUp ? 'above' : 'below'} its average but OBV is ${volumeUp ? 'above' : 'below'} its own: no confirmation.`,
      bias: priceUp === volumeUp ? (priceUp ? 1 : -1) : 0,
    };
  },
});

type SpikeParams = { period: number; multiplier: number };

export const volumeSpike = defineStrategy<SpikeParams>({
  id: 'volume-spike',
  name: 'Volume spike',
  description:
    'Volume at least `multiplier` × the average of the previous `period` bars: BUY when the close ' +
    'is up on the previous close, SELL when it is down.',
  category: 'volume',
  params: {
    period: int(20, 2, 1000, 'Bars in the average volume (the spike bar excluded).'),
    multiplier: num(2, 1, 100, 'Volume / average volume that counts as a spike.'),
  },
  compute(ctx, p, out: StrategySignals) {
    const { close, volume } = ctx.series;
    const average = ctx.volumeSma(p.period);
    const multiplier = p.multiplier; // local: see zoneReversal in oscillators.ts
    for (let i = 1; i < close.length; i++) {
      const ratio = volume[i]! / average[i - 1]!;
      if (!(ratio >= multiplier)) continue;
      const confidence = graded(ratio - multiplier, multiplier);
      if (close[i]! > close[i - 1]!) signal(out, i, BUY, confidence);
      else if (close[i]! < close[i - 1]!) signal(out, i, SELL, confidence);
    }
  },
  explain(ctx, p, i, signals): Reason {
    if (i < 1) return notEnoughData(i);
    const average = ctx.volumeSma(p.period)[i - 1]!;
    if (warmingUp(average)) return notEnoughData(i);
    const ratio = ctx.series.volume[i]! / average;
    const change = ctx.series.close[i]! / ctx.series.close[i - 1]! - 1;
    const reasonParams = { ratio: round(ratio), changePct: round(change * 100) };
    const action = signals.action[i]!;
    if (action !== 0) {
      const up = action === BUY;
      return {
        key: up ? 'spike-up' : 'spike-down',
        reasonParams,
        reason: `Volume ${fmt(ratio)}× its ${p.period}-bar average on a ${up ? 'rising' : 'falling'} close (${fmt(change * 100)}%).`,
        bias: up ? 1 : -1,
      };
    }
    return {
      key: 'normal',
      reasonParams,
      reason: `Volume ${fmt(ratio)}× its ${p.period}-bar average: ${ratio >= p.multiplier ? 'a spike, but the close is unchanged' : 'no spike'}.`,
      bias: 0,
    };
  },
});
