import { evaluateSignals } from '@/server/analysis/strategies/registry';
import type { ConditionOf } from './conditions';
import type { Evaluation, SymbolInput } from './inputs';
import { barsOrReason, isEvaluation, outcome, unjudged } from './outcome';

/** Bars below which no strategy can signal: a fresh signal compares two bars. */
const MIN_BARS = 2;

/**
 * A strategy of the analysis engine signals `action` on the latest bar (the decision it takes at
 * that bar's close, here on today's live bar). The strategy's own reason travels with the message.
 */
export function evaluateStrategySignal(
  condition: ConditionOf<'strategy-signal'>,
  input: SymbolInput,
): Evaluation {
  const { symbol, currency } = input;
  const bars = barsOrReason(input, MIN_BARS);
  if (isEvaluation(bars)) return bars;
  const { strategy, action } = condition;
  const [signal] = evaluateSignals(bars, {
    ids: [strategy],
    params: condition.params ? { [strategy]: condition.params } : undefined,
  }).signals;
  if (!signal || signal.reasonKey === `${strategy}.insufficient-data`) {
    return unjudged('strategyWarmingUp', { symbol, strategy, have: bars.length });
  }
  const reason = signal.reasonKey.slice(strategy.length + 1);
  return outcome(condition.kind, signal.action === action, signal.action, {
    // The reason's own values first (e.g. `passed` for triple-confirmation): ours win on a clash.
    ...signal.reasonParams,
    symbol,
    currency,
    price: input.price,
    strategy,
    action,
    signalAction: signal.action,
    reason,
  });
}
