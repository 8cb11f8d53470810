import { z } from 'zod';
import { DomainError } from '@/server/errors';
import { isCalendarDate } from '@/server/portfolio/calc-dates';
import { buildDailyReport, type DailyReportDeps } from './build';
import { dailyReportContentSchema, parseReportContent, type DailyReportContent } from './content';
import { localClock } from './local-clock';

export type ReportsServiceDeps = DailyReportDeps & { now?: () => number };

export interface StoredDailyReport {
  id: string;
  date: string;
  createdAt: string;
  content: DailyReportContent;
}

/** One row of the reports list: the date and the figures a reader scans for. */
export interface DailyReportListItem {
  date: string;
  createdAt: string;
  /** Null when the stored content cannot be read by this version. */
  headline: {
    totalValue: DailyReportContent['portfolio']['totalValue'];
    dayChange: DailyReportContent['portfolio']['dayChange'];
    dayChangeRate: number | null;
    holdings: number;
    alerts: number;
  } | null;
}

/** Defaults of a user without an AlertSettings row (see prisma/schema.prisma). */
export const DEFAULT_REPORT_TIME = '08:00';
export const MAX_LIST_LIMIT = 366;

const headlineSchema = z.object({
  portfolio: dailyReportContentSchema.shape.portfolio,
  alerts: z.object({ total: z.number().int().nonnegative() }),
});

const dayKey = (date: Date) => date.toISOString().slice(0, 10);
const dateValue = (date: string) => new Date(`${date}T00:00:00Z`);

function checkDate(date: string): string {
  if (!isCalendarDate(date)) {
    throw new DomainError('INVALID', 'date must be a calendar date YYYY-MM-DD', { field: 'date' });
  }
  return date;
}

function stored(row: { id: string; date: Date; createdAt: Date; content: unknown }) {
  return {
    id: row.id,
    date: dayKey(row.date),
    createdAt: row.createdAt.toISOString(),
    content: parseReportContent(row.content),
  } satisfies StoredDailyReport;
}

/**
 * Daily reports: built once per user and local date (retried jobs get the stored one), read by the
 * report pages, and the sweep that finds who is due.
 */
export function createReportsService(deps: ReportsServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? Date.now;

  async function find(userId: string, date: string) {
    return db.dailyReport.findUnique({ where: { userId_date: { userId, date: dateValue(date) } } });
  }

  return {
    /**
     * The report for the user's local `date`, built now unless it exists. Two concurrent calls may
     * both build; the unique (userId, date) keeps the first stored and both return that one.
     */
    async generate(
      userId: string,
      date: string,
    ): Promise<{ report: StoredDailyReport; created: boolean }> {
      checkDate(date);
      const existing = await find(userId, date);
      if (existing) return { report: stored(existing), created: false };
      const settings = await db.alertSettings.findUnique({
        where: { userId },
        select: { followedStrategies: true },
      });
      const content = await buildDailyReport(deps, {
        userId,
        date,
        now: new Date(now()),
        followedStrategies: settings?.followedStrategies ?? [],
      });
      const { count } = await db.dailyReport.createMany({
        data: [{ userId, date: dateValue(date), content }],
        skipDuplicates: true,
      });
      const row = await find(userId, date);
      if (!row) throw new Error(`Daily report ${userId}/${date} vanished after insert`);
      return { report: stored(row), created: count === 1 };
    },

    async get(userId: string, date: string): Promise<StoredDailyReport> {
      const row = await find(userId, checkDate(date));
      if (!row) throw new DomainError('NOT_FOUND', `No daily report for ${date}`);
      return stored(row);
    },

    /** Newest first; `before` (exclusive) pages back through older reports. */
    async list(
      userId: string,
      options: { limit: number; before?: string },
    ): Promise<DailyReportListItem[]> {
      const limit = Math.min(Math.max(1, Math.trunc(options.limit)), MAX_LIST_LIMIT);
      const before = options.before === undefined ? null : checkDate(options.before);
      // Only the headline parts of the JSON: the full content (signals, alerts) is not needed.
      const rows = await db.$queryRawUnsafe<
        { date: Date; createdAt: Date; portfolio: unknown; alerts: unknown }[]
      >(
        `SELECT date, "createdAt", content->'portfolio' AS portfolio,
           jsonb_build_object('total', content->'alerts'->'total') AS alerts
         FROM "DailyReport"
         WHERE "userId" = $1 AND ($2::date IS NULL OR date < $2::date)
         ORDER BY date DESC LIMIT $3`,
        userId,
        before,
        limit,
      );
      return rows.map((row) => {
        const parsed = headlineSchema.safeParse({ portfolio: row.portfolio, alerts: row.alerts });
        return {
          date: dayKey(row.date),
          createdAt: row.createdAt.toISOString(),
          headline: parsed.success
            ? {
                totalValue: parsed.data.portfolio.totalValue,
                dayChange: parsed.data.portfolio.dayChange,
                dayChangeRate: parsed.data.portfolio.dayChangeRate,
                holdings: parsed.data.portfolio.holdings,
                alerts: parsed.data.alerts.total,
              }
            : null,
        };
      });
    },

    /** The dates of the user's reports just before and after `date` (page navigation). */
    async adjacent(
      userId: string,
      date: string,
    ): Promise<{ previous: string | null; next: string | null }> {
      const at = dateValue(checkDate(date));
      const [previous, next] = await Promise.all([
        db.dailyReport.findFirst({
          where: { userId, date: { lt: at } },
          orderBy: { date: 'desc' },
          select: { date: true },
        }),
        db.dailyReport.findFirst({
          where: { userId, date: { gt: at } },
          orderBy: { date: 'asc' },
          select: { date: true },
        }),
      ]);
      return {
        previous: previous ? dayKey(previous.date) : null,
        next: next ? dayKey(next.date) : null,
      };
    },

    /**
     * Users whose report is due at `now`: they have an account, the report is on (no settings row
     * means on, at 08:00), their local time has reached their report time, and they have no report
     * for their local date yet. Two statements whatever the number of users: the distinct time
     * zones in use, then the due users with each zone's local date and time computed here
     * (DST-aware, and a zone the server does not know is skipped instead of failing the sweep).
     */
    async dueReports(at: Date): Promise<{ userId: string; date: string }[]> {
      const zones = await db.$queryRawUnsafe<{ timezone: string }[]>(
        `SELECT DISTINCT u.timezone FROM "User" u
         LEFT JOIN "AlertSettings" s ON s."userId" = u.id
         WHERE COALESCE(s."dailyReportEnabled", true)
           AND EXISTS (SELECT 1 FROM "Account" a WHERE a."userId" = u.id)`,
      );
      const clocks = zones.flatMap(({ timezone }) => {
        const clock = localClock(at, timezone);
        return clock ? [{ timezone, ...clock }] : [];
      });
      if (clocks.length === 0) return [];
      const rows = await db.$queryRawUnsafe<{ userId: string; date: string }[]>(
        `SELECT u.id AS "userId", z.date
         FROM json_to_recordset($1::json) AS z(timezone text, date text, time text)
         JOIN "User" u ON u.timezone = z.timezone
         LEFT JOIN "AlertSettings" s ON s."userId" = u.id
         WHERE COALESCE(s."dailyReportEnabled", true)
           AND COALESCE(s."dailyReportTime", $2) COLLATE "C" <= z.time
           AND EXISTS (SELECT 1 FROM "Account" a WHERE a."userId" = u.id)
           AND NOT EXISTS (SELECT 1 FROM "DailyReport" r
             WHERE r."userId" = u.id AND r.date = z.date::date)
         ORDER BY u.id`,
        JSON.stringify(clocks),
        DEFAULT_REPORT_TIME,
      );
      return rows.map((row) => ({ userId: row.userId, date: row.date }));
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
