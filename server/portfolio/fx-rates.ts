/**
 * Daily exchange rates in the FxRate table: filling them (set-based, one multi-row statement per
 * 5,000 rows) and reading a range into F's `createFxTable` lookup.
 *
 * Sources, best first: real rates a caller fetched (e.g. Alpha Vantage FX_DAILY via
 * `storeFxRates(..., 'real')`), else the illustrative USD/KRW series
 * (server/market-data/fx/illustrative-usdkrw.ts). Illustrative rows never overwrite real ones;
 * real rows replace illustrative ones. Every row keeps its quality so DTOs can say which it is.
 */
import type { PrismaClient } from '@/server/generated/prisma/client';
import {
  ILLUSTRATIVE_FX_PROVIDER,
  illustrativeUsdKrwSeries,
} from '@/server/market-data/fx/illustrative-usdkrw';
import { chunks } from '@/server/market-data/store/sql-batch';
import { addDays, toDayNumber } from './calc-dates';
import { createFxTable, type FxLookup, type FxRateRow } from './calc-fx';
import type { Currency } from './types';

export type FxQuality = 'real' | 'simulated' | 'illustrative';

export type SqlDb = Pick<PrismaClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

/** How far back a lookup may carry a rate (weekends, holidays). */
export const FX_MAX_STALE_DAYS = 7;

export interface StoredFxRate extends FxRateRow {
  rate: string;
  provider: string;
  quality: FxQuality;
}

/** Upserts rates; a non-real row never replaces a real one. Returns rows written. */
export async function storeFxRates(
  db: SqlDb,
  base: Currency,
  quote: Currency,
  rows: readonly { date: string; rate: string }[],
  source: { provider: string; quality: FxQuality },
): Promise<number> {
  let written = 0;
  for (const batch of chunks(rows)) {
    written += await db.$executeRawUnsafe(
      `INSERT INTO "FxRate" (base, quote, date, rate, provider, quality)
       SELECT $2, $3, x.date, x.rate, $4, $5
       FROM json_to_recordset($1::json) AS x(date date, rate numeric)
       ON CONFLICT (base, quote, date) DO UPDATE
         SET rate = excluded.rate, provider = excluded.provider, quality = excluded.quality
         WHERE excluded.quality = 'real' OR "FxRate".quality <> 'real'`,
      JSON.stringify(batch),
      base,
      quote,
      source.provider,
      source.quality,
    );
  }
  return written;
}

/**
 * Makes sure USD/KRW has a rate for every weekday from `from` to `to`: days without any row get
 * the illustrative rate (existing rows, real or not, are left alone). One statement per 5,000
 * days; calling it again is a no-op.
 */
export async function ensureFxRates(db: SqlDb, from: string, to: string): Promise<number> {
  toDayNumber(from, 'from');
  toDayNumber(to, 'to');
  if (from > to) return 0;
  // Rows are never deleted, so a range this process already filled needs no statement.
  const covered = ensured.get(db);
  if (covered && covered.from <= from && covered.to >= to) return 0;
  let inserted = 0;
  for (const batch of chunks(illustrativeUsdKrwSeries(from, to))) {
    inserted += await db.$executeRawUnsafe(
      `INSERT INTO "FxRate" (base, quote, date, rate, provider, quality)
       SELECT 'USD', 'KRW', x.date, x.rate, $2, 'illustrative'
       FROM json_to_recordset($1::json) AS x(date date, rate numeric)
       ON CONFLICT (base, quote, date) DO NOTHING`,
      JSON.stringify(batch),
      ILLUSTRATIVE_FX_PROVIDER,
    );
  }
  ensured.set(
    db,
    covered && covered.from <= to && covered.to >= from
      ? { from: covered.from < from ? covered.from : from, to: covered.to > to ? covered.to : to }
      : { from, to },
  );
  return inserted;
}

const ensured = new WeakMap<SqlDb, { from: string; to: string }>();

/** Stored rates dated from `from − maxStaleDays` to `to` (so `from` itself can be looked up). */
export async function readFxRates(
  db: SqlDb,
  from: string | null,
  to: string,
): Promise<StoredFxRate[]> {
  const rows = await db.$queryRawUnsafe<
    { base: string; quote: string; date: Date; rate: string; provider: string; quality: string }[]
  >(
    `SELECT base, quote, date, trim_scale(rate)::text AS rate, provider, quality FROM "FxRate"
     WHERE ($1::date IS NULL OR date >= $1::date) AND date <= $2::date
     ORDER BY base, quote, date`,
    from === null ? null : addDays(from, -FX_MAX_STALE_DAYS),
    to,
  );
  return rows.map((row) => ({
    base: row.base as Currency,
    quote: row.quote as Currency,
    date: row.date.toISOString().slice(0, 10),
    rate: row.rate,
    provider: row.provider,
    quality: row.quality as FxQuality,
  }));
}

export interface LoadedFx {
  lookup: FxLookup;
  rows: StoredFxRate[];
  /** The weakest quality among the rates loaded ('real' when all are real or none needed). */
  quality: FxQuality;
}

/** All rates needed for `from … to` in one query, as a lookup. */
export async function loadFx(db: SqlDb, from: string | null, to: string): Promise<LoadedFx> {
  const rows = await readFxRates(db, from, to);
  return {
    lookup: createFxTable(rows, { maxStaleDays: FX_MAX_STALE_DAYS }),
    rows,
    quality: weakestQuality(rows.map((r) => r.quality)),
  };
}

export function weakestQuality(qualities: Iterable<FxQuality>): FxQuality {
  let weakest: FxQuality = 'real';
  for (const q of qualities) {
    if (q === 'illustrative') return 'illustrative';
    if (q === 'simulated') weakest = 'simulated';
  }
  return weakest;
}

/** The stored row a lookup used for from→to on `date` (for labelling a rate's quality). */
export function fxRowFor(
  rows: readonly StoredFxRate[],
  from: Currency,
  to: Currency,
  date: string,
): StoredFxRate | undefined {
  let found: StoredFxRate | undefined;
  for (const row of rows) {
    const pair = (row.base === from && row.quote === to) || (row.base === to && row.quote === from);
    if (pair && row.date <= date && (!found || row.date > found.date)) found = row;
  }
  if (!found || toDayNumber(date) - toDayNumber(found.date) > FX_MAX_STALE_DAYS) return undefined;
  return found;
}

/**
 * Pulls real daily rates from a provider (e.g. Alpha Vantage FX_DAILY via
 * `createAlphaVantageFx`) into FxRate, replacing illustrative rows for those dates.
 */
export async function importFxRates(
  db: SqlDb,
  source: { fxDaily(base: string, quote: string): Promise<{ date: string; rate: string }[]> },
  pair: { base: Currency; quote: Currency; provider: string },
): Promise<number> {
  const rows = await source.fxDaily(pair.base, pair.quote);
  return storeFxRates(db, pair.base, pair.quote, rows, {
    provider: pair.provider,
    quality: 'real',
  });
}
