/**
 * Alert rules of one user: CRUD with validation, and the built-in defaults (created on first use,
 * adjustable, never duplicated: unique per user and key).
 */
import type { AppLocale } from '@/i18n/locale';
import type { PrismaClient } from '@/server/generated/prisma/client';
import { DomainError } from '@/server/errors';
import { getInstrument } from '@/server/market-data/instruments';
import { describeCondition, localeOf, renderAlertText } from './messages';
import { conditionOf, conditionParams } from './rule-rows';
import { conditionScope, type RuleCondition } from './rules/conditions';
import { builtinRules } from './rules/defaults';
import type { Severity } from './rules/severity';
import { ALERT_LIMITS, type AlertRuleDto } from './schemas';

export interface RuleFields {
  condition: RuleCondition;
  symbol?: string | null;
  severity: Severity;
  cooldownMinutes: number;
  enabled?: boolean;
}

export function createAlertRulesService(deps: { db: PrismaClient }) {
  const { db } = deps;

  /** The symbol the rule row stores: required by symbol-scoped kinds, dropped by the others. */
  function symbolFor(condition: RuleCondition, symbol: string | null | undefined): string | null {
    if (conditionScope(condition.kind) !== 'symbol') return null;
    if (!symbol) throw new DomainError('INVALID', 'This rule needs a stock symbol.');
    if (!getInstrument(symbol)) throw new DomainError('NOT_FOUND', `Unknown symbol '${symbol}'.`);
    return symbol;
  }

  async function requireOwned(userId: string, id: string) {
    const row = await db.alertRule.findFirst({ where: { id, userId } });
    if (!row) throw new DomainError('NOT_FOUND', 'Alert rule not found.');
    return row;
  }

  async function toDtos(
    userId: string,
    rows: Awaited<ReturnType<typeof db.alertRule.findMany>>,
    readerLocale?: AppLocale,
  ) {
    const locale = readerLocale ?? (await localeOf(db, userId));
    const fired = await db.alertRuleState.groupBy({
      by: ['ruleId'],
      where: { ruleId: { in: rows.map((r) => r.id) } },
      _max: { lastFiredAt: true },
    });
    const lastFired = new Map(fired.map((f) => [f.ruleId, f._max.lastFiredAt]));
    const dtos: AlertRuleDto[] = [];
    for (const row of rows) {
      const condition = conditionOf(row);
      if (!condition) continue; // unreadable params: not shown, not evaluated
      dtos.push({
        id: row.id,
        builtinKey: row.builtinKey,
        condition,
        symbol: row.symbol,
        severity: row.severity as Severity,
        cooldownMinutes: row.cooldownMinutes,
        enabled: row.enabled,
        description: renderAlertText(
          locale,
          describeCondition(condition, {
            currency: row.symbol ? getInstrument(row.symbol)?.currency : undefined,
          }),
        ),
        lastFiredAt: lastFired.get(row.id) ?? null,
        createdAt: row.createdAt,
      });
    }
    return dtos;
  }

  return {
    /** Create the user's built-in rules that do not exist yet (idempotent, race-safe). */
    async ensureBuiltins(userId: string): Promise<void> {
      await db.alertRule.createMany({
        data: builtinRules().map((rule) => ({
          userId,
          builtinKey: rule.key,
          kind: rule.condition.kind,
          params: conditionParams(rule.condition) as object,
          severity: rule.severity,
          cooldownMinutes: rule.cooldownMinutes,
        })),
        skipDuplicates: true,
      });
    },

    async list(userId: string, locale?: AppLocale): Promise<AlertRuleDto[]> {
      await this.ensureBuiltins(userId);
      const rows = await db.alertRule.findMany({
        where: { userId },
        orderBy: [{ builtinKey: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      });
      return toDtos(userId, rows, locale);
    },

    async create(userId: string, fields: RuleFields, locale?: AppLocale): Promise<AlertRuleDto> {
      const count = await db.alertRule.count({ where: { userId, builtinKey: null } });
      if (count >= ALERT_LIMITS.rulesPerUser) {
        throw new DomainError(
          'INVALID',
          `You can have at most ${ALERT_LIMITS.rulesPerUser} alert rules.`,
        );
      }
      const row = await db.alertRule.create({
        data: {
          userId,
          kind: fields.condition.kind,
          symbol: symbolFor(fields.condition, fields.symbol),
          params: conditionParams(fields.condition) as object,
          severity: fields.severity,
          cooldownMinutes: fields.cooldownMinutes,
          enabled: fields.enabled ?? true,
        },
      });
      return (await toDtos(userId, [row], locale))[0]!;
    },

    /**
     * Edit a rule. A changed condition starts over (its crossing state is dropped), so the new
     * threshold fires on its own first crossing; severity, cooldown and enabled keep the state.
     */
    async update(
      userId: string,
      id: string,
      fields: Partial<RuleFields>,
      locale?: AppLocale,
    ): Promise<AlertRuleDto> {
      const current = await requireOwned(userId, id);
      const condition = fields.condition ?? conditionOf(current);
      if (!condition) throw new DomainError('INVALID', 'This rule can no longer be read.');
      if (current.builtinKey && condition.kind !== current.kind) {
        throw new DomainError('INVALID', 'A built-in rule keeps its kind.');
      }
      const symbol = symbolFor(
        condition,
        fields.symbol === undefined ? current.symbol : fields.symbol,
      );
      const conditionChanged = fields.condition !== undefined || symbol !== current.symbol;
      const row = await db.$transaction(async (tx) => {
        if (conditionChanged) await tx.alertRuleState.deleteMany({ where: { ruleId: id } });
        return tx.alertRule.update({
          where: { id },
          data: {
            kind: condition.kind,
            symbol,
            params: conditionParams(condition) as object,
            severity: fields.severity,
            cooldownMinutes: fields.cooldownMinutes,
            enabled: fields.enabled,
          },
        });
      });
      return (await toDtos(userId, [row], locale))[0]!;
    },

    /** User rules are deleted; built-in ones can only be switched off (they would come back). */
    async delete(userId: string, id: string): Promise<{ id: string }> {
      const row = await requireOwned(userId, id);
      if (row.builtinKey) {
        throw new DomainError('INVALID', 'Built-in rules cannot be deleted; switch them off.');
      }
      await db.alertRule.delete({ where: { id } });
      return { id };
    },
  };
}

export type AlertRulesService = ReturnType<typeof createAlertRulesService>;
