import { DomainError } from '@/server/errors';
import { conditionScope, type RuleCondition } from './conditions';
import {
  evaluateAverageCross,
  evaluateBollingerBreak,
  evaluateMacdCross,
  evaluateRsi,
} from './indicator-conditions';
import type {
  Evaluation,
  HoldingInput,
  InputFor,
  PortfolioInput,
  ScopeInputs,
  SymbolInput,
} from './inputs';
import { evaluateDayMove, evaluatePriceLevel, evaluateVolumeSpike } from './market-conditions';
import { evaluateHoldingReturn, evaluatePortfolioReturn } from './return-conditions';
import { evaluateStrategySignal } from './strategy-condition';

const scopeChecks: { [S in keyof ScopeInputs]: (input: object) => boolean } = {
  symbol: (input) => 'symbol' in input && 'price' in input,
  holding: (input) => 'symbol' in input && 'accountId' in input,
  portfolio: (input) => 'totalValue' in input,
};

/**
 * Judges one condition against the current data. Pure and total over data: missing data (no
 * previous close, too few bars, no cost basis) gives `active: false` with a reason message, never
 * an exception. Handing a condition the input of another scope is a programming error and throws.
 */
export function evaluateCondition<C extends RuleCondition>(
  condition: C,
  input: InputFor<C['kind']>,
): Evaluation {
  const scope = conditionScope(condition.kind);
  if (!scopeChecks[scope](input)) {
    throw new DomainError('INVALID', `${condition.kind} is evaluated on ${scope} data`, {
      field: 'input',
    });
  }
  const c: RuleCondition = condition;
  switch (c.kind) {
    case 'price-above':
    case 'price-below':
      return evaluatePriceLevel(c, input as SymbolInput);
    case 'day-change':
    case 'holding-day-move':
      return evaluateDayMove(c, input as SymbolInput);
    case 'holding-return-above':
    case 'holding-return-below':
      return evaluateHoldingReturn(c, input as HoldingInput);
    case 'portfolio-return-above':
    case 'portfolio-return-below':
      return evaluatePortfolioReturn(c, input as PortfolioInput);
    case 'volume-spike':
      return evaluateVolumeSpike(c, input as SymbolInput);
    case 'rsi-below':
    case 'rsi-above':
      return evaluateRsi(c, input as SymbolInput);
    case 'macd-cross':
      return evaluateMacdCross(c, input as SymbolInput);
    case 'golden-cross':
    case 'death-cross':
      return evaluateAverageCross(c, input as SymbolInput);
    case 'bollinger-break':
      return evaluateBollingerBreak(c, input as SymbolInput);
    case 'strategy-signal':
      return evaluateStrategySignal(c, input as SymbolInput);
  }
}
