import type { IndicatorContext } from './context';
import { fmt, graded, notEnoughData, round, signal, warmingUp, type Reason } from './helpers';
import { int, num } from './params';
import { BUY, defineStrategy, SELL, type AnyStrategy, type StrategySignals } from './types';

type ZoneParams = { period: number; oversold: number; overbought: number };

/**
 * Reversal out of an oscillator's extreme zone: BUY when the line rises back above the oversold
 * level, SELL when it falls back below the overbought level. Confidence grows with how deep the
 * excursion went (full at `fullDepth` beyond the level).
 */
function zoneReversal(config: {
  id: string;
  name: string;
  description: string;
  label: string;
  period: number;
  oversold: number;
  overbought: number;
  range: [number, number];
  fullDepth: number;
  line: (ctx: IndicatorContext, period: number) => Float64Array;
}): AnyStrategy {
  const [lo, hi] = config.range;
  const name = (p: ZoneParams) => `${config.label}(${p.period})`;
  return defineStrategy<ZoneParams>({
    id: config.id,
    name: config.name,
    description: config.description,
    category: 'momentum',
    params: {
      period: int(config.period, 2, 500, `${config.label} period (bars).`),
      oversold: num(
        config.oversold,
        lo,
        hi,
        `Oversold level; BUY when ${config.label} rises back above it.`,
      ),
      overbought: num(
        config.overbought,
        lo,
        hi,
        `Overbought level; SELL when ${config.label} falls back below it.`,
      ),
    },
    check: (p) =>
      p.oversold < p.overbought
        ? null
        : { field: 'oversold', message: `must be below overbought (${p.overbought})` },
    compute(ctx, p, out: StrategySignals) {
      const values = config.line(ctx, p.period);
      const n = values.length;
      // Parameters in locals: V8 boxes a number per bar when the loop re-reads them from `p`.
      const { oversold, overbought } = p;
      const fullDepth = config.fullDepth;
      let low = Infinity; // deepest value of the current oversold excursion
      let high = -Infinity;
      for (let i = 0; i < n; i++) {
        const v = values[i]!;
        const prev = i > 0 ? values[i - 1]! : NaN;
        if (v > oversold && prev <= oversold) {
          signal(out, i, BUY, graded(oversold - low, fullDepth));
          low = Infinity;
        } else if (v < overbought && prev >= overbought) {
          signal(out, i, SELL, graded(high - overbought, fullDepth));
          high = -Infinity;
        }
        if (v <= oversold && v < low) low = v;
        if (v >= overbought && v > high) high = v;
      }
    },
    explain(ctx, p, i, signals): Reason {
      const values = config.line(ctx, p.period);
      const v = values[i]!;
      if (warmingUp(v)) return notEnoughData(i);
      const reasonParams = {
        period: p.period,
        value: round(v),
        oversold: p.oversold,
        overbought: p.overbought,
      };
      const action = signals.action[i]!;
      if (action === BUY)
        return {
          key: 'leaves-oversold',
          reasonParams,
          reason: `${name(p)} rose back above the oversold level ${p.oversold} (now ${fmt(v)}).`,
          bias: 1,
        };
      if (action === SELL)
        return {
          key: 'leaves-overbought',
          reasonParams,
          reason: `${name(p)} fell back below the overbought level ${p.overbought} (now ${fmt(v)}).`,
          bias: -1,
        };
      if (v <= p.oversold)
        return {
          key: 'oversold',
          reasonParams,
          reason: `${name(p)} is oversold at ${fmt(v)}; waiting for it to turn back above ${p.oversold}.`,
          bias: 1,
        };
      if (v >= p.overbought)
        return {
          key: 'overbought',
          reasonParams,
          reason: `${name(p)} is overbought at ${fmt(v)}; waiting for it to turn back below ${p.overbought}.`,
          bias: -1,
        };
      return {
        key: 'neutral',
        reasonParams,
        reason: `${name(p)} at ${fmt(v)} is between ${p.oversold} and ${p.overbought}.`,
        bias: 0,
      };
    },
  });
}

export const rsiReversal = zoneReversal({
  id: 'rsi-reversal',
  name: 'RSI oversold / overbought',
  description:
    'BUY when RSI leaves the oversold zone upwards, SELL when it leaves the overbought zone.',
  label: 'RSI',
  period: 14,
  oversold: 30,
  overbought: 70,
  range: [0, 100],
  fullDepth: 15,
  line: (ctx, period) => ctx.rsi(period),
});

export const mfiReversal = zoneReversal({
  id: 'mfi-reversal',
  name: 'Money Flow Index reversal',
  description:
    'The volume-weighted RSI: BUY when MFI leaves the oversold zone, SELL when it leaves overbought.',
  label: 'MFI',
  period: 14,
  oversold: 20,
  overbought: 80,
  range: [0, 100],
  fullDepth: 15,
  line: (ctx, period) => ctx.mfi(period),
});

export const williamsRReversal = zoneReversal({
  id: 'williams-r',
  name: 'Williams %R reversal',
  description: 'BUY when %R rises back above −80, SELL when it falls back below −20.',
  label: 'Williams %R',
  period: 14,
  oversold: -80,
  overbought: -20,
  range: [-100, 0],
  fullDepth: 15,
  line: (ctx, period) => ctx.williamsR(period),
});

export const cciReversal = zoneReversal({
  id: 'cci-reversal',
  name: 'CCI reversal',
  description:
    'BUY when the Commodity Channel Index rises back above −100, SELL when it falls back below +100.',
  label: 'CCI',
  period: 20,
  oversold: -100,
  overbought: 100,
  range: [-1000, 1000],
  fullDepth: 100,
  line: (ctx, period) => ctx.cci(period),
});
