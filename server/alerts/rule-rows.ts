/**
 * A rule row ↔ the engine's condition: the row keeps `kind` as a column (indexed, so evaluation
 * finds the rules a move affects) and the rest of the condition as JSON `params`.
 */
import { ruleConditionSchema, type RuleCondition } from './rules/conditions';
import type { Severity } from './rules/severity';

export interface RuleRow {
  id: string;
  userId: string;
  builtinKey: string | null;
  kind: string;
  symbol: string | null;
  params: unknown;
  severity: string;
  cooldownMinutes: number;
  enabled: boolean;
}

export function conditionParams(condition: RuleCondition): Record<string, unknown> {
  const { kind: _kind, ...params } = condition as { kind: string } & Record<string, unknown>;
  void _kind;
  return params;
}

/**
 * The row's condition, re-validated: a row written by an older version with a parameter that is
 * no longer valid is reported (null) instead of evaluated with guesses.
 */
export function conditionOf(row: Pick<RuleRow, 'kind' | 'params'>): RuleCondition | null {
  const params = typeof row.params === 'object' && row.params !== null ? row.params : {};
  const parsed = ruleConditionSchema.safeParse({ ...params, kind: row.kind });
  return parsed.success ? parsed.data : null;
}

export const severityRank: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };
