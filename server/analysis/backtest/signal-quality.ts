import type { BarSeries } from '@/server/analysis/bars';
import type { BarRange } from './options';
import { finiteOrNull, mean, sampleStd } from './stats';

/**
 * How good a strategy's raw calls were, independent of sizing and costs (the seed design's
 * per-strategy evaluation). For every BUY or SELL at bar t with t + horizon inside the window, the
 * forward return f = close[t + horizon] / close[t] − 1 is taken in the call's direction
 * (f for BUY, −f for SELL). A call succeeds when that signed return is positive.
 * Sharpe = mean / std (ddof 1) of the signed returns × √(barsPerYear / horizon).
 * This looks ahead on purpose: it grades past decisions, it never makes one.
 */
export interface SignalQuality {
  horizon: number;
  signals: number;
  buySignals: number;
  sellSignals: number;
  successRate: number | null;
  averageReturn: number | null;
  averageBuyReturn: number | null;
  averageSellReturn: number | null;
  sharpe: number | null;
}

export function evaluateSignalQuality(
  series: BarSeries,
  action: Int8Array,
  options: { horizon: number; barsPerYear: number; range: BarRange },
): SignalQuality {
  const { horizon, barsPerYear, range } = options;
  const close = series.close;
  const last = range.end - horizon;
  let count = 0;
  for (let i = range.start; i < last; i++) if (action[i] !== 0) count++;
  const signed = new Float64Array(count);
  let k = 0;
  let buys = 0;
  let sells = 0;
  let successes = 0;
  let buySum = 0;
  let sellSum = 0;
  for (let i = range.start; i < last; i++) {
    const a = action[i]!;
    if (a === 0) continue;
    const forward = close[i + horizon]! / close[i]! - 1;
    const r = a > 0 ? forward : -forward;
    signed[k++] = r;
    if (r > 0) successes++;
    if (a > 0) {
      buys++;
      buySum += r;
    } else {
      sells++;
      sellSum += r;
    }
  }
  const std = sampleStd(signed);
  return {
    horizon,
    signals: count,
    buySignals: buys,
    sellSignals: sells,
    successRate: count > 0 ? successes / count : null,
    averageReturn: finiteOrNull(mean(signed)),
    averageBuyReturn: buys > 0 ? finiteOrNull(buySum / buys) : null,
    averageSellReturn: sells > 0 ? finiteOrNull(sellSum / sells) : null,
    sharpe: std > 0 ? finiteOrNull((mean(signed) / std) * Math.sqrt(barsPerYear / horizon)) : null,
  };
}
