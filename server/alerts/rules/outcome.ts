import type { BarSeries } from '@/server/analysis/bars';
import { kindKey, type ReasonKey } from './alert-message';
import type { ConditionKind } from './conditions';
import { RuleDecimal } from './decimal';
import type { Evaluation, SymbolInput } from './inputs';

type Values = Record<string, string | number>;

/** A judged condition: the `fired` message when it holds, the `current` one otherwise. */
export function outcome(
  kind: ConditionKind,
  active: boolean,
  observed: number | string,
  values: Values,
): Evaluation {
  const state = active ? 'fired' : 'current';
  return { active, observed, message: { key: `alertRules.${state}.${kindKey(kind)}`, values } };
}

/** Data is missing: the condition counts as not active, and the message says why. */
export function unjudged(reason: ReasonKey, values: Values): Evaluation {
  return { active: false, observed: null, message: { key: `alertRules.reason.${reason}`, values } };
}

/** A decimal string as a Decimal; null for null, empty or non-numeric input. */
export function decimalOrNull(value: string | null | undefined): RuleDecimal | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    const decimal = new RuleDecimal(value);
    return decimal.isFinite() ? decimal : null;
  } catch {
    return null;
  }
}

/** The bars, when there are at least `needed`; otherwise the "not enough bars" outcome. */
export function barsOrReason(input: SymbolInput, needed: number): BarSeries | Evaluation {
  const have = input.bars?.length ?? 0;
  if (input.bars && have >= needed) return input.bars;
  return unjudged('notEnoughBars', { symbol: input.symbol, needed, have });
}

export function isEvaluation(value: BarSeries | Evaluation): value is Evaluation {
  return 'active' in value;
}

/** Every value is a finite number (indicators are NaN while warming up). */
export function allFinite(...values: number[]): boolean {
  return values.every((value) => Number.isFinite(value));
}
