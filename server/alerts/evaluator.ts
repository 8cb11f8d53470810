/**
 * Rule evaluation. Work is proportional to the rules a move affects: `evaluateSymbols` loads only
 * the rules on those symbols (by the indexed `symbol` column) and the holding rules of users who
 * hold them, the market data once per symbol, and writes every crossing state and notification of
 * the batch in one transaction. Notifications are unique by `dedupKey`, so concurrent or retried
 * evaluations of one crossing insert one row (and only the inserting one announces it).
 */
import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Logger } from '@/server/logger';
import type { LiveQuoteLookup } from '@/server/portfolio/analytics-prices';
import { summaryDto } from '@/server/portfolio/analytics-dto';
import { valueUser } from '@/server/portfolio/analytics-valuation';
import { loadSymbolData, type SymbolMarketData } from './market-inputs';
import { conditionOf, type RuleRow } from './rule-rows';
import { conditionScope, type RuleCondition } from './rules/conditions';
import { barsWanted, needsBars } from './rules/needs-bars';
import { evaluateCondition } from './rules/evaluate';
import { isPeriodic, step, type RuleState } from './rules/state';
import type { NotificationPublisher } from './notifications-service';

export interface EvaluationTarget {
  rule: RuleRow;
  condition: RuleCondition;
  subject: string;
  symbol: string | null;
  accountId: string | null;
  periodKey: string | null;
  link: string;
  input: Parameters<typeof evaluateCondition>[1];
}

export interface EvaluationOutcome {
  rules: number;
  evaluated: number;
  fired: number;
  /** Notifications this evaluation inserted (a racing one that lost inserts none). */
  notificationIds: string[];
}

/** Daily bars read per symbol at most (beyond a rule's minimum), about 15 months. */
const MAX_BARS = 320;

const HOLDING_KINDS = ['holding-day-move', 'holding-return-above', 'holding-return-below'];
const PORTFOLIO_KINDS = ['portfolio-return-above', 'portfolio-return-below'];

export type AlertEvaluatorDeps = {
  db: PrismaClient;
  liveQuote?: LiveQuoteLookup;
  notifications: NotificationPublisher;
  log: Logger;
  now?: () => number;
};

export function createAlertEvaluator(deps: AlertEvaluatorDeps) {
  const { db } = deps;
  const now = () => new Date((deps.now ?? Date.now)());

  async function symbolTargets(symbols: readonly string[]): Promise<EvaluationTarget[]> {
    const [symbolRules, holdingRules] = await Promise.all([
      db.$queryRawUnsafe<RuleRow[]>(
        `SELECT id, "userId", "builtinKey", kind, symbol, params, severity, "cooldownMinutes", enabled
         FROM "AlertRule" WHERE enabled AND symbol = ANY($1::text[])`,
        [...symbols],
      ),
      db.$queryRawUnsafe<
        (RuleRow & {
          accountId: string;
          holdingSymbol: string;
          quantity: string;
          averageCost: string;
        })[]
      >(
        `SELECT r.id, r."userId", r."builtinKey", r.kind, r.symbol, r.params, r.severity,
                r."cooldownMinutes", r.enabled, h."accountId", h.symbol AS "holdingSymbol",
                h.quantity::text AS quantity, h."averageCost"::text AS "averageCost"
         FROM "Holding" h
         JOIN "Account" a ON a.id = h."accountId"
         JOIN "AlertRule" r ON r."userId" = a."userId" AND r.enabled AND r.kind = ANY($2::text[])
         WHERE h.symbol = ANY($1::text[]) AND h.quantity > 0`,
        [...symbols],
        HOLDING_KINDS,
      ),
    ]);
    const conditions = new Map<string, RuleCondition | null>();
    const conditionFor = (rule: RuleRow) => {
      if (!conditions.has(rule.id)) conditions.set(rule.id, conditionOf(rule));
      return conditions.get(rule.id) ?? null;
    };
    const barsNeeded = new Map<string, number>();
    const need = (symbol: string, condition: RuleCondition) => {
      // Enough for smoothed indicators to match the stock page, within a bounded read.
      const bars = Math.max(needsBars(condition), Math.min(barsWanted(condition), MAX_BARS));
      if (bars > (barsNeeded.get(symbol) ?? 0)) barsNeeded.set(symbol, bars);
    };
    for (const rule of symbolRules) {
      const condition = conditionFor(rule);
      if (condition) need(rule.symbol!, condition);
    }
    for (const rule of holdingRules) {
      const condition = conditionFor(rule);
      if (condition) need(rule.holdingSymbol, condition);
    }
    const market = await loadSymbolData(db, symbols, {
      now: now(),
      liveQuote: deps.liveQuote,
      barsNeeded,
    });

    const targets: EvaluationTarget[] = [];
    for (const rule of symbolRules) {
      const condition = conditionFor(rule);
      const data = market.get(rule.symbol!);
      if (!condition || !data || conditionScope(condition.kind) !== 'symbol') continue;
      targets.push({
        rule,
        condition,
        subject: data.symbol,
        symbol: data.symbol,
        accountId: null,
        periodKey: isPeriodic(condition.kind) ? data.date : null,
        link: `/stocks/${encodeURIComponent(data.symbol)}`,
        input: symbolInput(data),
      });
    }
    // A day move is the symbol's: one alert per user even when two accounts hold it.
    const seenDayMoves = new Set<string>();
    for (const rule of holdingRules) {
      const condition = conditionFor(rule);
      const data = market.get(rule.holdingSymbol);
      if (!condition || !data) continue;
      const dayMove = condition.kind === 'holding-day-move';
      const subject = dayMove ? data.symbol : `${rule.accountId}:${data.symbol}`;
      if (dayMove) {
        if (seenDayMoves.has(`${rule.id}|${subject}`)) continue;
        seenDayMoves.add(`${rule.id}|${subject}`);
      }
      const averageCost = new Decimal(rule.averageCost);
      targets.push({
        rule,
        condition,
        subject,
        symbol: data.symbol,
        accountId: rule.accountId,
        periodKey: isPeriodic(condition.kind) ? data.date : null,
        link: dayMove
          ? `/stocks/${encodeURIComponent(data.symbol)}`
          : `/portfolios/${encodeURIComponent(rule.accountId)}`,
        input: {
          ...symbolInput(data),
          accountId: rule.accountId,
          quantity: rule.quantity,
          averageCost: rule.averageCost,
          returnRate: averageCost.isZero()
            ? null
            : new Decimal(data.price).minus(averageCost).div(averageCost).toNumber(),
        },
      });
    }
    return targets;
  }

  async function portfolioTargets(userIds?: readonly string[]): Promise<EvaluationTarget[]> {
    const rules = await db.$queryRawUnsafe<RuleRow[]>(
      `SELECT id, "userId", "builtinKey", kind, symbol, params, severity, "cooldownMinutes", enabled
       FROM "AlertRule" r WHERE enabled AND kind = ANY($1::text[])
         AND ($2::text[] IS NULL OR "userId" = ANY($2::text[]))
         AND EXISTS (SELECT 1 FROM "Account" a WHERE a."userId" = r."userId")`,
      PORTFOLIO_KINDS,
      userIds ? [...userIds] : null,
    );
    const byUser = new Map<string, RuleRow[]>();
    for (const rule of rules) byUser.set(rule.userId, [...(byUser.get(rule.userId) ?? []), rule]);
    const targets: EvaluationTarget[] = [];
    const asOf = now().toISOString().slice(0, 10);
    for (const [userId, userRules] of byUser) {
      const summary = summaryDto(await valueUser(db, userId, { asOf, liveQuote: deps.liveQuote }));
      for (const rule of userRules) {
        const condition = conditionOf(rule);
        if (!condition) continue;
        targets.push({
          rule,
          condition,
          subject: 'portfolio',
          symbol: null,
          accountId: null,
          periodKey: null,
          link: '/dashboard',
          input: {
            returnRate: summary.totalReturn.rate,
            totalValue: summary.totalValue,
            currency: summary.currency,
          },
        });
      }
    }
    return targets;
  }

  /** Evaluate, step every crossing state, and write states and notifications at once. */
  async function run(targets: EvaluationTarget[]): Promise<EvaluationOutcome> {
    const ruleIds = new Set(targets.map((t) => t.rule.id));
    if (targets.length === 0) return { rules: 0, evaluated: 0, fired: 0, notificationIds: [] };
    const at = now();
    const stored = await db.$queryRawUnsafe<
      (Omit<RuleState, 'lastFiredAt'> & {
        ruleId: string;
        subject: string;
        lastFiredAt: Date | null;
      })[]
    >(
      `SELECT s."ruleId", s.subject, s.armed, s.generation, s."lastActive", s."periodKey",
              s."lastFiredAt"
       FROM "AlertRuleState" s
       JOIN json_to_recordset($1::json) AS k("ruleId" text, subject text)
         ON k."ruleId" = s."ruleId" AND k.subject = s.subject`,
      JSON.stringify(targets.map((t) => ({ ruleId: t.rule.id, subject: t.subject }))),
    );
    const states = new Map(
      stored.map((s) => [
        `${s.ruleId}|${s.subject}`,
        {
          armed: s.armed,
          generation: s.generation,
          lastActive: s.lastActive,
          periodKey: s.periodKey,
          lastFiredAt: s.lastFiredAt ? s.lastFiredAt.toISOString() : null,
        } satisfies RuleState,
      ]),
    );

    const stateRows: Record<string, unknown>[] = [];
    const notificationRows: Record<string, unknown>[] = [];
    for (const target of targets) {
      let evaluation;
      try {
        evaluation = evaluateCondition(target.condition, target.input);
      } catch (error) {
        // One broken rule must not stop the others in the batch.
        deps.log.warn(
          { ruleId: target.rule.id, err: String(error) },
          'alert rule evaluation failed',
        );
        continue;
      }
      const key = `${target.rule.id}|${target.subject}`;
      const next = step(states.get(key) ?? null, evaluation, {
        now: at,
        cooldownMinutes: target.rule.cooldownMinutes,
        periodKey: target.periodKey,
      });
      stateRows.push({
        ruleId: target.rule.id,
        subject: target.subject,
        armed: next.state.armed,
        generation: next.state.generation,
        lastActive: next.state.lastActive,
        periodKey: next.state.periodKey,
        lastFiredAt: next.state.lastFiredAt,
        lastEvaluatedAt: at.toISOString(),
      });
      if (next.fire) {
        notificationRows.push({
          id: randomUUID(),
          userId: target.rule.userId,
          kind: target.condition.kind,
          severity: target.rule.severity,
          ruleId: target.rule.id,
          subject: target.subject,
          episode: next.episode,
          symbol: target.symbol,
          accountId: target.accountId,
          messageKey: evaluation.message.key,
          messageValues: evaluation.message.values,
          dedupKey: `${target.rule.id}|${target.subject}|${next.episode}`,
          link: target.link,
          createdAt: at.toISOString(),
        });
      }
    }

    const inserted = await db.$transaction(async (tx) => {
      if (stateRows.length > 0) {
        await tx.$executeRawUnsafe(
          `INSERT INTO "AlertRuleState" ("ruleId", subject, armed, generation, "lastActive",
             "periodKey", "lastFiredAt", "lastEvaluatedAt")
           SELECT "ruleId", subject, armed, generation, "lastActive", "periodKey",
                  "lastFiredAt"::timestamptz, "lastEvaluatedAt"::timestamptz
           FROM json_to_recordset($1::json) AS r("ruleId" text, subject text, armed boolean,
             generation int, "lastActive" boolean, "periodKey" text, "lastFiredAt" text,
             "lastEvaluatedAt" text)
           WHERE EXISTS (SELECT 1 FROM "AlertRule" a WHERE a.id = r."ruleId")
           ON CONFLICT ("ruleId", subject) DO UPDATE SET armed = excluded.armed,
             generation = excluded.generation, "lastActive" = excluded."lastActive",
             "periodKey" = excluded."periodKey", "lastFiredAt" = excluded."lastFiredAt",
             "lastEvaluatedAt" = excluded."lastEvaluatedAt"`,
          JSON.stringify(stateRows),
        );
      }
      if (notificationRows.length === 0) return [];
      return tx.$queryRawUnsafe<{ id: string; userId: string; severity: string }[]>(
        `INSERT INTO "Notification" (id, "userId", type, kind, severity, "ruleId", subject,
           episode, symbol, "accountId", "messageKey", "messageValues", "dedupKey", link,
           "createdAt")
         SELECT id, "userId", 'alert', kind, severity, "ruleId", subject, episode, symbol,
                "accountId", "messageKey", "messageValues", "dedupKey", link,
                "createdAt"::timestamptz
         FROM json_to_recordset($1::json) AS n(id text, "userId" text, kind text, severity text,
           "ruleId" text, subject text, episode text, symbol text, "accountId" text,
           "messageKey" text, "messageValues" jsonb, "dedupKey" text, link text, "createdAt" text)
         ON CONFLICT ("dedupKey") DO NOTHING
         RETURNING id, "userId", severity`,
        JSON.stringify(notificationRows),
      );
    });
    if (inserted.length > 0) await deps.notifications.announce(inserted);
    return {
      rules: ruleIds.size,
      evaluated: stateRows.length,
      fired: inserted.length,
      notificationIds: inserted.map((n) => n.id),
    };
  }

  return {
    /** Rules on these symbols and holding rules of users who hold them. */
    async evaluateSymbols(symbols: readonly string[]): Promise<EvaluationOutcome> {
      const unique = [...new Set(symbols)];
      if (unique.length === 0) return { rules: 0, evaluated: 0, fired: 0, notificationIds: [] };
      return run(await symbolTargets(unique));
    },

    /** Portfolio-return rules (hourly sweep), of some users or everyone who has one. */
    async evaluatePortfolios(userIds?: readonly string[]): Promise<EvaluationOutcome> {
      return run(await portfolioTargets(userIds));
    },

    /** Symbols any enabled rule or holding watches (the minute sweep picks the open ones). */
    async watchedSymbols(): Promise<string[]> {
      const rows = await db.$queryRawUnsafe<{ symbol: string }[]>(
        `SELECT DISTINCT symbol FROM "AlertRule" WHERE enabled AND symbol IS NOT NULL
         UNION
         SELECT DISTINCT h.symbol FROM "Holding" h
         JOIN "Account" a ON a.id = h."accountId"
         WHERE h.quantity > 0 AND EXISTS (SELECT 1 FROM "AlertRule" r
           WHERE r."userId" = a."userId" AND r.enabled AND r.kind = ANY($1::text[]))`,
        HOLDING_KINDS,
      );
      return rows.map((r) => r.symbol).sort();
    },
  };
}

function symbolInput(data: SymbolMarketData) {
  return {
    symbol: data.symbol,
    currency: data.currency,
    price: data.price,
    previousClose: data.previousClose,
    volume: data.volume,
    bars: data.bars,
  };
}

export type AlertEvaluator = ReturnType<typeof createAlertEvaluator>;
