/**
 * Snapshot persistence: multi-row upserts (json_to_recordset, 5,000 rows per statement), reads,
 * and the per-account backfill — ledger (1 query), closes of all its symbols over the range
 * (1 query), FX (1 query), computed in memory, written with one delete + upsert in one
 * transaction, then the user's totals. No per-holding or per-day round trips. The all-accounts
 * daily snapshot is in ./snapshots-all.ts.
 */
import type Decimal from 'decimal.js';
import { chunks } from '@/server/market-data/store/sql-batch';
import { DomainError } from '@/server/errors';
import { closeSeries } from './analytics-prices';
import { ensureFxRates, loadFx, type SqlDb } from './fx-rates';
import { ZERO, toDecimal } from './money';
import { createPortfolioRepo } from './repo';
import { computeAccountSnapshots, computeTotalSnapshots, type SnapshotValues } from './snapshots';
import type { Currency } from './types';
import type { PrismaClient } from '@/server/generated/prisma/client';

const money = (value: Decimal) => value.toDecimalPlaces(4).toFixed();
const day = (value: Date) => value.toISOString().slice(0, 10);

function recordOf(row: SnapshotValues) {
  return {
    date: row.date,
    currency: row.currency,
    value: money(row.value),
    cash: money(row.cash),
    marketValue: money(row.marketValue),
    invested: money(row.invested),
    inflow: money(row.inflow),
    outflow: money(row.outflow),
  };
}

const SNAPSHOT_COLUMNS = `date date, currency text, value numeric, cash numeric,
  "marketValue" numeric, invested numeric, inflow numeric, outflow numeric`;
const SNAPSHOT_UPDATE = `currency = excluded.currency, value = excluded.value,
  cash = excluded.cash, "marketValue" = excluded."marketValue", invested = excluded.invested,
  inflow = excluded.inflow, outflow = excluded.outflow, "updatedAt" = now()`;

export async function upsertAccountSnapshots(
  db: SqlDb,
  rows: readonly (SnapshotValues & { accountId: string })[],
): Promise<number> {
  let written = 0;
  for (const batch of chunks(rows)) {
    written += await db.$executeRawUnsafe(
      `INSERT INTO "PortfolioSnapshot" ("accountId", date, currency, value, cash, "marketValue",
         invested, inflow, outflow, "updatedAt")
       SELECT "accountId", date, currency, value, cash, "marketValue", invested, inflow, outflow,
         now()
       FROM json_to_recordset($1::json) AS x("accountId" text, ${SNAPSHOT_COLUMNS})
       ON CONFLICT ("accountId", date) DO UPDATE SET ${SNAPSHOT_UPDATE}`,
      JSON.stringify(batch.map((row) => ({ accountId: row.accountId, ...recordOf(row) }))),
    );
  }
  return written;
}

export async function upsertTotalSnapshots(
  db: SqlDb,
  rows: readonly (SnapshotValues & { userId: string })[],
): Promise<number> {
  let written = 0;
  for (const batch of chunks(rows)) {
    written += await db.$executeRawUnsafe(
      `INSERT INTO "PortfolioTotalSnapshot" ("userId", date, currency, value, cash, "marketValue",
         invested, inflow, outflow, "updatedAt")
       SELECT "userId", date, currency, value, cash, "marketValue", invested, inflow, outflow, now()
       FROM json_to_recordset($1::json) AS x("userId" text, ${SNAPSHOT_COLUMNS})
       ON CONFLICT ("userId", date) DO UPDATE SET ${SNAPSHOT_UPDATE}`,
      JSON.stringify(batch.map((row) => ({ userId: row.userId, ...recordOf(row) }))),
    );
  }
  return written;
}

type SnapshotRow = {
  key: string;
  date: Date;
  currency: string;
  value: string;
  cash: string;
  marketValue: string;
  invested: string;
  inflow: string;
  outflow: string;
};

function fromRow(row: SnapshotRow): SnapshotValues & { key: string } {
  return {
    key: row.key,
    date: day(row.date),
    currency: row.currency as Currency,
    value: toDecimal(row.value),
    cash: toDecimal(row.cash),
    marketValue: toDecimal(row.marketValue),
    invested: toDecimal(row.invested),
    inflow: toDecimal(row.inflow),
    outflow: toDecimal(row.outflow),
  };
}

const SELECT_VALUES = `date, currency, value::text, cash::text, "marketValue"::text,
  invested::text, inflow::text, outflow::text`;

/** Snapshots of some accounts (null = all of the user's) in a date range, by date. */
export async function readAccountSnapshots(
  db: SqlDb,
  userId: string,
  range: { from?: string | null; to: string; accountId?: string | null },
): Promise<(SnapshotValues & { key: string })[]> {
  const rows = await db.$queryRawUnsafe<SnapshotRow[]>(
    `SELECT s."accountId" AS key, ${SELECT_VALUES} FROM "PortfolioSnapshot" s
     JOIN "Account" a ON a.id = s."accountId"
     WHERE a."userId" = $1 AND ($2::text IS NULL OR s."accountId" = $2)
       AND ($3::date IS NULL OR s.date >= $3::date) AND s.date <= $4::date
     ORDER BY s.date, s."accountId"`,
    userId,
    range.accountId ?? null,
    range.from ?? null,
    range.to,
  );
  return rows.map(fromRow);
}

export async function readTotalSnapshots(
  db: SqlDb,
  userId: string,
  range: { from?: string | null; to: string },
): Promise<(SnapshotValues & { key: string })[]> {
  const rows = await db.$queryRawUnsafe<SnapshotRow[]>(
    `SELECT "userId" AS key, ${SELECT_VALUES} FROM "PortfolioTotalSnapshot"
     WHERE "userId" = $1 AND ($2::date IS NULL OR date >= $2::date) AND date <= $3::date
     ORDER BY date`,
    userId,
    range.from ?? null,
    range.to,
  );
  return rows.map(fromRow);
}

/**
 * Recomputes the user's total snapshots from `from` (null: all) to `to` from the account
 * snapshots, carrying `invested` on from the total row before `from` (when it is in the same
 * display currency; otherwise everything is rebuilt).
 */
export async function rebuildTotalSnapshots(
  db: PrismaClient,
  userId: string,
  from: string | null,
  to: string,
): Promise<number> {
  const [user] = await db.$queryRawUnsafe<{ displayCurrency: string }[]>(
    `SELECT "displayCurrency" FROM "User" WHERE id = $1`,
    userId,
  );
  if (!user) throw new DomainError('NOT_FOUND', 'User not found.', { userId });
  const display = user.displayCurrency as Currency;
  let start = from;
  let investedBefore: Decimal = ZERO;
  if (start !== null) {
    const [previous] = await db.$queryRawUnsafe<{ invested: string; currency: string }[]>(
      `SELECT invested::text, currency FROM "PortfolioTotalSnapshot"
       WHERE "userId" = $1 AND date < $2::date ORDER BY date DESC LIMIT 1`,
      userId,
      start,
    );
    if (previous && previous.currency !== display) start = null;
    else if (previous) investedBefore = toDecimal(previous.invested);
  }
  const accountRows = await readAccountSnapshots(db, userId, { from: start, to });
  const fx = await loadFx(db, accountRows[0]?.date ?? start ?? to, to);
  const totals = computeTotalSnapshots({
    displayCurrency: display,
    accountRows,
    fx: fx.lookup,
    investedBefore,
  });
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `DELETE FROM "PortfolioTotalSnapshot" WHERE "userId" = $1
         AND ($2::date IS NULL OR date >= $2::date)`,
        userId,
        start,
      );
      return upsertTotalSnapshots(
        tx,
        totals.map((row) => ({ ...row, userId })),
      );
    },
    { timeout: 60_000 },
  );
}

/**
 * Rewrites one account's snapshots from `fromDate` to `today` from its ledger and daily closes
 * (rows before its first trade date are removed, e.g. after deleting its first transaction), then
 * the user's totals from the same date.
 */
export async function backfillAccountSnapshots(
  db: PrismaClient,
  input: { accountId: string; fromDate: string; today: string },
): Promise<{ accountId: string; userId: string; rows: number; from: string | null }> {
  const [account] = await db.$queryRawUnsafe<{ userId: string; baseCurrency: string }[]>(
    `SELECT "userId", "baseCurrency" FROM "Account" WHERE id = $1`,
    input.accountId,
  );
  if (!account) {
    throw new DomainError('NOT_FOUND', 'Account not found.', { accountId: input.accountId });
  }
  const transactions = await createPortfolioRepo(db).ledgerOf(input.accountId);
  const firstDate = transactions[0]?.tradeDate ?? null;
  const start = firstDate === null ? null : input.fromDate > firstDate ? input.fromDate : firstDate;
  let rows: SnapshotValues[] = [];
  if (firstDate !== null && start !== null && start <= input.today) {
    await ensureFxRates(db, firstDate, input.today);
    const symbols = [...new Set(transactions.flatMap((tx) => (tx.symbol ? [tx.symbol] : [])))];
    const [fx, closes] = await Promise.all([
      loadFx(db, firstDate, input.today),
      closeSeries(db, symbols, start, input.today),
    ]);
    rows = computeAccountSnapshots({
      currency: account.baseCurrency as Currency,
      transactions,
      closes,
      fx: fx.lookup,
      from: start,
      to: input.today,
    });
  }
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `DELETE FROM "PortfolioSnapshot" WHERE "accountId" = $1
         AND (date >= $2::date OR $3::date IS NULL OR date < $3::date)`,
        input.accountId,
        input.fromDate,
        firstDate,
      );
      await upsertAccountSnapshots(
        tx,
        rows.map((row) => ({ ...row, accountId: input.accountId })),
      );
    },
    { timeout: 60_000 },
  );
  // From fromDate, not start: days before a (new, later) first trade date lost this account.
  await rebuildTotalSnapshots(db, account.userId, input.fromDate, input.today);
  return { accountId: input.accountId, userId: account.userId, rows: rows.length, from: start };
}
