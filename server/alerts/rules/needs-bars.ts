import { getIndicator } from '@/server/analysis/indicators';
import { listStrategies } from '@/server/analysis/strategies/registry';
import type { RuleCondition } from './conditions';

/** Warm-up of an indicator for raw parameters: index of its first full value. */
function warmup(name: string, params: Record<string, unknown>): number {
  const definition = getIndicator(name);
  return definition.warmup(definition.params.parse(params));
}

function stableBars(name: string, params: Record<string, unknown>): number {
  const definition = getIndicator(name);
  return definition.stableBars(definition.params.parse(params));
}

/** Fewest bars any strategy-signal rule asks for (a month of sessions). */
const STRATEGY_MIN_BARS = 30;

/**
 * The analysis engine does not publish strategies' warm-ups, so this bounds them: every strategy
 * chains indicators whose warm-ups add up to at most twice the sum of its integer parameters
 * (periods and look-backs, e.g. ADX's 2 × period, MACD's slow + signal, Ichimoku's span B +
 * displacement), plus the two bars a fresh signal compares. A unit test checks the bound against
 * every registered strategy.
 */
function strategyBars(strategy: string, params: Record<string, number> | undefined): number {
  const info = listStrategies().find((s) => s.id === strategy);
  if (!info) return STRATEGY_MIN_BARS;
  const sum = info.params
    .filter((p) => p.type === 'int')
    .reduce((total, p) => total + (params?.[p.name] ?? p.default), 0);
  return Math.max(STRATEGY_MIN_BARS, 2 * sum + 2);
}

/**
 * Daily bars (today's live bar included) a condition needs to be judged at all; 0 for kinds that
 * read only the quote or the portfolio. With fewer bars the evaluation is inactive with the
 * `notEnoughBars` reason. Crosses need the value on the last two bars.
 */
export function needsBars(condition: RuleCondition): number {
  switch (condition.kind) {
    case 'price-above':
    case 'price-below':
    case 'day-change':
    case 'holding-day-move':
    case 'holding-return-above':
    case 'holding-return-below':
    case 'portfolio-return-above':
    case 'portfolio-return-below':
      return 0;
    case 'volume-spike':
      return condition.lookback + 1;
    case 'rsi-below':
    case 'rsi-above':
      return warmup('rsi', { period: condition.period }) + 1;
    case 'macd-cross': {
      const { fast, slow, signal } = condition;
      return warmup('macd', { fast, slow, signal }) + 2;
    }
    case 'golden-cross':
    case 'death-cross':
      return warmup(condition.average, { period: condition.slow }) + 2;
    case 'bollinger-break': {
      const { period, stddev } = condition;
      return warmup('bollinger', { period, stddev }) + 1;
    }
    case 'strategy-signal':
      return strategyBars(condition.strategy, condition.params);
  }
}

/**
 * Bars to load so the value no longer depends on where the series starts (exponential and Wilder
 * smoothing converge slowly: RSI(14) needs ~265 bars to match the stock page to 1e-8). Loading
 * fewer — but at least `needsBars` — still evaluates, with values that may differ slightly from
 * the chart's.
 */
export function barsWanted(condition: RuleCondition): number {
  switch (condition.kind) {
    case 'rsi-below':
    case 'rsi-above':
      return stableBars('rsi', { period: condition.period }) + 1;
    case 'macd-cross': {
      const { fast, slow, signal } = condition;
      return Math.max(needsBars(condition), stableBars('macd', { fast, slow, signal }) + 1);
    }
    case 'golden-cross':
    case 'death-cross':
      return stableBars(condition.average, { period: condition.slow }) + 1;
    default:
      return needsBars(condition);
  }
}
