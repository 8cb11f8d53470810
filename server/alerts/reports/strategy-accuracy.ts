import type { BarSeries } from '@/server/analysis/bars';
import { evaluateSignalQuality } from '@/server/analysis/backtest/signal-quality';
import { IndicatorContext } from '@/server/analysis/strategies/context';
import { computeSignals, strategyRegistry } from '@/server/analysis/strategies/registry';
import type { ReportStrategyAccuracy } from './content';

/** Bars the accuracy looks back over (a trading year) and the forward horizon each call is graded on. */
export const ACCURACY_BARS = 252;
export const ACCURACY_HORIZON = 5;
/** Extra bars read before the window so long indicators (200-day SMA, Ichimoku) are warmed up. */
export const WARMUP_BARS = 250;
const BARS_PER_YEAR = 252;

/** Followed when the user chose none and has no strategy-signal rules. */
export const DEFAULT_STRATEGIES = ['sma-cross', 'macd-cross', 'rsi-reversal'] as const;

export type StrategySource = 'settings' | 'rules' | 'default';

/**
 * The strategies whose accuracy the report shows: the user's followed list, else the strategies of
 * their strategy-signal alert rules, else the defaults. Unknown ids (a strategy since removed) are
 * dropped; duplicates kept once, in first-seen order.
 */
export function resolveStrategies(
  followed: readonly string[],
  fromRules: readonly string[],
): { source: StrategySource; ids: string[] } {
  const known = (ids: readonly string[]) =>
    [...new Set(ids)].filter((id) => strategyRegistry.has(id));
  const settings = known(followed);
  if (settings.length > 0) return { source: 'settings', ids: settings };
  const rules = known(fromRules);
  if (rules.length > 0) return { source: 'rules', ids: rules };
  return { source: 'default', ids: known(DEFAULT_STRATEGIES) };
}

/**
 * Each strategy's signal quality over the last ACCURACY_BARS bars of every series, pooled over the
 * symbols: success rate = successes / signals and average return = mean signed forward return of
 * all their signals together (each signal weighs the same, whichever symbol it came from).
 */
export function strategyAccuracy(
  ids: readonly string[],
  series: ReadonlyMap<string, BarSeries>,
  contexts: ReadonlyMap<string, IndicatorContext>,
): ReportStrategyAccuracy[] {
  return ids.map((id) => {
    let symbols = 0;
    let signals = 0;
    let successes = 0;
    let returnSum = 0;
    let name = strategyRegistry.get(id)?.name ?? id;
    for (const [symbol, bars] of series) {
      if (bars.length === 0) continue;
      const ctx = contexts.get(symbol) ?? new IndicatorContext(bars);
      const computed = computeSignals(ctx, id);
      name = computed.strategy.name;
      const quality = evaluateSignalQuality(bars, computed.signals.action, {
        horizon: ACCURACY_HORIZON,
        barsPerYear: BARS_PER_YEAR,
        range: { start: Math.max(0, bars.length - ACCURACY_BARS), end: bars.length },
      });
      symbols++;
      if (quality.signals === 0) continue;
      signals += quality.signals;
      // successRate × signals is a whole count, up to float error.
      successes += Math.round((quality.successRate ?? 0) * quality.signals);
      returnSum += (quality.averageReturn ?? 0) * quality.signals;
    }
    return {
      strategy: id,
      strategyName: name,
      symbols,
      signals,
      successRate: signals > 0 ? successes / signals : null,
      averageReturn: signals > 0 ? returnSum / signals : null,
    };
  });
}
