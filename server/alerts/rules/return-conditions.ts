import type { ConditionOf } from './conditions';
import { RuleDecimal } from './decimal';
import type { Evaluation, HoldingInput, PortfolioInput } from './inputs';
import { outcome, unjudged } from './outcome';

/**
 * A return rate (a fraction, as valuation reports it) against a level in percent. The fraction
 * goes through its decimal string so 0.07 compares as exactly 7 %.
 */
function returnReaches(returnRate: number, percent: number, above: boolean) {
  const returnPercent = new RuleDecimal(returnRate).times(100);
  const active = above ? returnPercent.gte(percent) : returnPercent.lte(percent);
  return { active, returnPercent: returnPercent.toNumber() };
}

/** A holding's unrealised return on cost at or above / at or below `percent`. */
export function evaluateHoldingReturn(
  condition: ConditionOf<'holding-return-above' | 'holding-return-below'>,
  input: HoldingInput,
): Evaluation {
  const { symbol, currency } = input;
  if (input.returnRate === null || !Number.isFinite(input.returnRate)) {
    return unjudged('noHoldingReturn', { symbol });
  }
  const above = condition.kind === 'holding-return-above';
  const { active, returnPercent } = returnReaches(input.returnRate, condition.percent, above);
  return outcome(condition.kind, active, returnPercent, {
    symbol,
    currency,
    price: input.price,
    averageCost: input.averageCost,
    returnPercent,
    target: condition.percent,
  });
}

/** The portfolio's simple return at or above / at or below `percent`. */
export function evaluatePortfolioReturn(
  condition: ConditionOf<'portfolio-return-above' | 'portfolio-return-below'>,
  input: PortfolioInput,
): Evaluation {
  if (input.returnRate === null || !Number.isFinite(input.returnRate)) {
    return unjudged('noPortfolioReturn', {});
  }
  const above = condition.kind === 'portfolio-return-above';
  const { active, returnPercent } = returnReaches(input.returnRate, condition.percent, above);
  return outcome(condition.kind, active, returnPercent, {
    currency: input.currency,
    totalValue: input.totalValue,
    returnPercent,
    target: condition.percent,
  });
}
