/**
 * Portfolio analytics for the dashboard and the jobs: valuation now (summary, holdings,
 * allocation), performance and history from daily snapshots, FX rates, and the snapshot and
 * refresh work the Inngest functions call.
 *
 * Dates: a portfolio's day is the UTC calendar date. Both markets' sessions close within their own
 * UTC date (KRX 06:30 UTC, US 20:00/21:00 UTC), so the close jobs write the session's date and the
 * midnight UTC job finalises the day that just ended.
 */
import { z } from 'zod';
import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Logger } from '@/server/logger';
import { userChannel } from '@/server/realtime/channels';
import type { RealtimePublisher } from '@/server/realtime/publisher';
import {
  allocationDto,
  holdingsDto,
  summaryDto,
  type AllocationBy,
  type AllocationDto,
  type HoldingDto,
  type SummaryDto,
} from './analytics-dto';
import {
  benchmarkFor,
  benchmarkWindow,
  computeHistory,
  computePerformance,
  rangeOver,
  type HistoryDto,
  type PerformanceDto,
} from './analytics-performance';
import type { LiveQuoteLookup } from './analytics-prices';
import { displayCurrencyOf, valueUser } from './analytics-valuation';
import { addDays, isCalendarDate } from './calc-dates';
import type { PerformanceRange, rangeKeys } from './calc-ranges';
import {
  ensureFxRates,
  importFxRates,
  readFxRates,
  weakestQuality,
  type FxQuality,
} from './fx-rates';
import { createPortfolioRepo } from './repo';
import {
  backfillAccountSnapshots,
  readAccountSnapshots,
  readTotalSnapshots,
  rebuildTotalSnapshots,
} from './snapshots-store';
import { snapshotAllAccounts, type SnapshotAllResult } from './snapshots-all';
import type { Currency } from './types';

const calendarDate = z.string().refine(isCalendarDate, { message: 'must be a date YYYY-MM-DD' });

/** `'1D' | … | 'ALL'` or `{ from, to }` (boundary schema for the router). */
export const performanceRangeSchema = z.union([
  z.enum(['1D', '1W', '1M', '3M', 'YTD', '1Y', 'ALL'] satisfies typeof rangeKeys),
  z
    .object({ from: calendarDate, to: calendarDate })
    .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['from'] }),
]);

export const allocationBySchema = z.enum(['holding', 'sector', 'currency', 'account']);

export interface FxRatesDto {
  base: 'USD';
  quote: 'KRW';
  /** The weakest quality among the rows: 'illustrative' means generated, not market data. */
  quality: FxQuality;
  rates: { date: string; rate: string; quality: FxQuality; provider: string }[];
}

export interface PortfolioUpdatedPayload {
  asOf: string;
  currency: Currency;
  totalValue: string;
  dayChange: string | null;
  dayChangeRate: number | null;
}

export type PortfolioAnalyticsDeps = {
  db: PrismaClient;
  realtime: RealtimePublisher;
  /** This process's live collector quote (undefined when it runs none). */
  liveQuote?: LiveQuoteLookup;
  /** Real daily USD/KRW (Alpha Vantage FX_DAILY when configured; otherwise illustrative rates). */
  fxSource?: {
    provider: string;
    fxDaily(base: string, quote: string): Promise<{ date: string; rate: string }[]>;
  };
  log: Logger;
  now?: () => number;
};

export function createPortfolioAnalyticsService(deps: PortfolioAnalyticsDeps) {
  const now = deps.now ?? Date.now;
  const today = () => new Date(now()).toISOString().slice(0, 10);
  const log = deps.log.child({ module: 'portfolio-analytics' });
  const value = (userId: string, accountId?: string) =>
    valueUser(deps.db, userId, { asOf: today(), accountId, liveQuote: deps.liveQuote });

  /**
   * Total snapshots in the display currency, backfilling accounts that have a ledger but no
   * snapshots yet, and rebuilding the totals after the user changed display currency.
   */
  async function totalSnapshots(userId: string, currency: Currency) {
    const end = today();
    let rows = await readTotalSnapshots(deps.db, userId, { to: end });
    if (rows.some((row) => row.currency !== currency)) {
      await rebuildTotalSnapshots(deps.db, userId, null, end);
      rows = await readTotalSnapshots(deps.db, userId, { to: end });
    }
    const missing = await deps.db.$queryRawUnsafe<{ id: string; first: Date }[]>(
      `SELECT a.id, min(t."tradeDate") AS first FROM "Account" a
       JOIN "Transaction" t ON t."accountId" = a.id
       WHERE a."userId" = $1
         AND NOT EXISTS (SELECT 1 FROM "PortfolioSnapshot" s WHERE s."accountId" = a.id)
       GROUP BY a.id`,
      userId,
    );
    if (missing.length > 0) {
      for (const account of missing) {
        await backfillAccountSnapshots(deps.db, {
          accountId: account.id,
          fromDate: account.first.toISOString().slice(0, 10),
          today: end,
        });
      }
      rows = await readTotalSnapshots(deps.db, userId, { to: end });
    }
    return rows;
  }

  /**
   * The daily series performance and history read: the user's totals in the display currency,
   * or one account's snapshots in its base currency (backfilled on first read).
   */
  async function seriesFor(userId: string, accountId?: string) {
    if (!accountId) {
      const currency = await displayCurrencyOf(deps.db, userId);
      return { currency, rows: await totalSnapshots(userId, currency) };
    }
    const account = await createPortfolioRepo(deps.db).getAccount(userId, accountId);
    const end = today();
    const read = () => readAccountSnapshots(deps.db, userId, { to: end, accountId });
    let rows = await read();
    if (rows.length === 0) {
      const first = await deps.db.transaction.findFirst({
        where: { accountId },
        orderBy: { tradeDate: 'asc' },
        select: { tradeDate: true },
      });
      if (first) {
        await backfillAccountSnapshots(deps.db, {
          accountId,
          fromDate: first.tradeDate.toISOString().slice(0, 10),
          today: end,
        });
        rows = await read();
      }
    }
    return { currency: account.baseCurrency, rows };
  }

  async function benchmarkCloses(currency: Currency, window: { from: string; to: string } | null) {
    const info = benchmarkFor(currency);
    if (!window) return { ...info, closes: [] };
    const rows = await deps.db.$queryRawUnsafe<{ date: Date; close: string }[]>(
      `SELECT date, close::text AS close FROM "DailyBar"
       WHERE symbol = $1 AND date BETWEEN $2::date AND $3::date ORDER BY date`,
      info.symbol,
      window.from,
      window.to,
    );
    return {
      ...info,
      closes: rows.map((r) => ({ date: r.date.toISOString().slice(0, 10), close: r.close })),
    };
  }

  async function publishUpdated(userId: string, payload: PortfolioUpdatedPayload) {
    try {
      await deps.realtime.publish(userChannel(userId), 'portfolio.updated', payload);
    } catch (error) {
      // A realtime outage must not fail the refresh; the next one publishes again.
      log.warn({ userId, err: String(error) }, 'portfolio.updated publish failed');
    }
  }

  async function publishSummary(userId: string) {
    const summary = summaryDto(await value(userId));
    await publishUpdated(userId, {
      asOf: summary.asOf,
      currency: summary.currency,
      totalValue: summary.totalValue,
      dayChange: summary.dayChange,
      dayChangeRate: summary.dayChangeRate,
    });
  }

  return {
    today,

    async summary(userId: string, input: { accountId?: string } = {}): Promise<SummaryDto> {
      return summaryDto(await value(userId, input.accountId));
    },

    async holdings(userId: string, input: { accountId?: string } = {}): Promise<HoldingDto[]> {
      return holdingsDto(await value(userId, input.accountId), input.accountId !== undefined);
    },

    async allocation(
      userId: string,
      input: { by: AllocationBy; accountId?: string },
    ): Promise<AllocationDto> {
      return allocationDto(await value(userId, input.accountId), input.by);
    },

    async performance(
      userId: string,
      input: { range: PerformanceRange; accountId?: string },
    ): Promise<PerformanceDto> {
      const { currency, rows } = await seriesFor(userId, input.accountId);
      const range = rangeOver(rows, input.range, today());
      const bench = await benchmarkCloses(currency, benchmarkWindow(range));
      return computePerformance(currency, rows, input.range, today(), bench);
    },

    async history(
      userId: string,
      input: { range: PerformanceRange; accountId?: string },
    ): Promise<HistoryDto> {
      const { currency, rows } = await seriesFor(userId, input.accountId);
      const range = rangeOver(rows, input.range, today());
      const bench = await benchmarkCloses(currency, benchmarkWindow(range));
      return computeHistory(currency, rows, input.range, today(), bench);
    },

    /** USD/KRW daily rates (default: the last year), filled with the illustrative series. */
    async fxRates(input: { from?: string; to?: string } = {}): Promise<FxRatesDto> {
      const to = input.to ?? today();
      const from = input.from ?? addDays(to, -365);
      await ensureFxRates(deps.db, from, to);
      const rows = (await readFxRates(deps.db, from, to)).filter(
        (r) => r.base === 'USD' && r.quote === 'KRW' && r.date >= from,
      );
      return {
        base: 'USD',
        quote: 'KRW',
        quality: weakestQuality(rows.map((r) => r.quality)),
        rates: rows.map((r) => ({
          date: r.date,
          rate: r.rate,
          quality: r.quality,
          provider: r.provider,
        })),
      };
    },

    // ── Jobs ────────────────────────────────────────────────────────────────────────────────

    /**
     * After a ledger change: rewrite the account's snapshots from `fromDate` to today. An account
     * deleted meanwhile (its snapshots went with it) leaves the user's totals to rebuild.
     */
    async backfillSnapshots(input: { accountId: string; userId: string; fromDate: string }) {
      const exists = await deps.db.account.count({ where: { id: input.accountId } });
      if (exists === 0) {
        const user = await deps.db.user.count({ where: { id: input.userId } });
        const rows =
          user > 0 ? await rebuildTotalSnapshots(deps.db, input.userId, null, today()) : 0;
        return { accountId: input.accountId, userId: input.userId, rows, from: null };
      }
      const result = await backfillAccountSnapshots(deps.db, {
        accountId: input.accountId,
        fromDate: input.fromDate,
        today: today(),
      });
      // Open dashboards refetch history and figures.
      await publishSummary(result.userId);
      return result;
    },

    /** Snapshots of every account for `date` (default today) at the latest prices. */
    async snapshotAll(date = today()): Promise<Omit<SnapshotAllResult, 'userIds'>> {
      const { userIds: _users, ...result } = await snapshotAllAccounts(deps.db, {
        date,
        liveQuote: date === today() ? deps.liveQuote : undefined,
      });
      void _users;
      return result;
    },

    /**
     * Hourly: today's snapshots for everyone, then a small `portfolio.updated` per user (their
     * new total), so open dashboards refetch.
     */
    async refreshAll(): Promise<Omit<SnapshotAllResult, 'userIds'> & { notified: number }> {
      const date = today();
      const { userIds, ...result } = await snapshotAllAccounts(deps.db, {
        date,
        liveQuote: deps.liveQuote,
      });
      const totals = await deps.db.portfolioTotalSnapshot.findMany({
        where: { userId: { in: userIds }, date: new Date(`${date}T00:00:00Z`) },
        select: { userId: true, currency: true, value: true },
      });
      for (const total of totals) {
        await publishUpdated(total.userId, {
          asOf: date,
          currency: total.currency as Currency,
          totalValue: total.value.toFixed(),
          dayChange: null,
          dayChangeRate: null,
        });
      }
      return { ...result, notified: totals.length };
    },

    /**
     * Daily: store the latest real USD/KRW closes, replacing illustrative rows for those dates.
     * Without a real source nothing changes (the illustrative series stays, labelled as such).
     */
    async refreshFxRates(): Promise<{ provider: string | null; rows: number }> {
      if (!deps.fxSource) return { provider: null, rows: 0 };
      const rows = await importFxRates(deps.db, deps.fxSource, {
        base: 'USD',
        quote: 'KRW',
        provider: deps.fxSource.provider,
      });
      return { provider: deps.fxSource.provider, rows };
    },

    /**
     * Accounts whose ledger trades the symbol, with the first trade date: their snapshots were
     * valued without its closes if those arrived later (a newly collected history).
     */
    async accountsTrading(
      symbol: string,
    ): Promise<{ accountId: string; userId: string; fromDate: string }[]> {
      const rows = await deps.db.$queryRawUnsafe<
        { accountId: string; userId: string; first: Date }[]
      >(
        `SELECT t."accountId", a."userId", min(t."tradeDate") AS first
         FROM "Transaction" t JOIN "Account" a ON a.id = t."accountId"
         WHERE t.symbol = $1 GROUP BY t."accountId", a."userId"`,
        symbol,
      );
      return rows.map((r) => ({
        accountId: r.accountId,
        userId: r.userId,
        fromDate: r.first.toISOString().slice(0, 10),
      }));
    },

    /** Accounts with an open position in the symbol (their valuation moves with its price). */
    async accountsHolding(symbol: string): Promise<string[]> {
      const rows = await deps.db.holding.findMany({
        where: { symbol, quantity: { gt: 0 } },
        select: { accountId: true },
      });
      return rows.map((row) => row.accountId);
    },

    /**
     * Debounced per account: recompute the owner's valuation and today's snapshots, and publish
     * `portfolio.updated` with the new summary figures on the owner's channel.
     */
    async refreshAccount(accountId: string): Promise<{ userId: string } | null> {
      const account = await deps.db.account.findUnique({
        where: { id: accountId },
        select: { userId: true },
      });
      if (!account) return null; // deleted meanwhile: nothing to refresh
      await snapshotAllAccounts(deps.db, {
        date: today(),
        userIds: [account.userId],
        liveQuote: deps.liveQuote,
      });
      await publishSummary(account.userId);
      return { userId: account.userId };
    },
  };
}

export type PortfolioAnalyticsService = ReturnType<typeof createPortfolioAnalyticsService>;
