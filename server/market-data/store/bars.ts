import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Bar, IntradayBar, ProviderId } from '../types';
import { chunks, decimalText, integerText } from './sql-batch';

export type BarTable = 'DailyBar' | 'WeeklyBar';
export type BarQuality = 'real' | 'simulated';

export type StoredBar = Bar & { quality: BarQuality };

/** Daily/weekly bars and rolled-up minute bars. Writes are idempotent batch upserts. */
export function createBarStore(db: PrismaClient) {
  return {
    /**
     * Insert or replace bars for one symbol, in batches inside one transaction, so a reader never
     * sees half a history and a retried job writes the same rows again harmlessly.
     */
    async upsert(
      table: BarTable,
      symbol: string,
      bars: readonly Bar[],
      provider: ProviderId,
      qualityOf: (bar: Bar) => BarQuality = () => 'real',
    ): Promise<number> {
      if (bars.length === 0) return 0;
      await db.$transaction(
        async (tx) => {
          for (const batch of chunks(bars)) {
            const rows = batch.map((bar) => ({
              symbol,
              date: bar.date,
              open: decimalText(bar.open),
              high: decimalText(bar.high),
              low: decimalText(bar.low),
              close: decimalText(bar.close),
              volume: integerText(bar.volume),
              provider,
              quality: qualityOf(bar),
            }));
            await tx.$executeRawUnsafe(
              `INSERT INTO "${table}" (symbol, date, open, high, low, close, volume, provider, quality)
               SELECT symbol, date, open, high, low, close, volume, provider, quality
               FROM json_to_recordset($1::json) AS x(symbol text, date date, open numeric,
                 high numeric, low numeric, close numeric, volume bigint, provider text, quality text)
               ON CONFLICT (symbol, date) DO UPDATE SET open = excluded.open, high = excluded.high,
                 low = excluded.low, close = excluded.close, volume = excluded.volume,
                 provider = excluded.provider, quality = excluded.quality`,
              JSON.stringify(rows),
            );
          }
        },
        { timeout: 60_000 },
      );
      return bars.length;
    },

    async read(
      table: BarTable,
      symbol: string,
      range: { from?: string; to?: string } = {},
    ): Promise<StoredBar[]> {
      const rows = await db.$queryRawUnsafe<
        {
          date: Date;
          open: string;
          high: string;
          low: string;
          close: string;
          volume: string;
          quality: string;
        }[]
      >(
        `SELECT date, open::text, high::text, low::text, close::text, volume::text, quality
         FROM "${table}" WHERE symbol = $1
           AND ($2::date IS NULL OR date >= $2::date) AND ($3::date IS NULL OR date <= $3::date)
         ORDER BY date`,
        symbol,
        range.from ?? null,
        range.to ?? null,
      );
      return rows.map((row) => ({
        date: toDateString(row.date),
        open: Number(row.open),
        high: Number(row.high),
        low: Number(row.low),
        close: Number(row.close),
        volume: Number(row.volume),
        quality: row.quality === 'simulated' ? 'simulated' : 'real',
      }));
    },

    async lastDate(table: BarTable, symbol: string): Promise<string | null> {
      const rows = await db.$queryRawUnsafe<{ last: Date | null }[]>(
        `SELECT max(date) AS last FROM "${table}" WHERE symbol = $1`,
        symbol,
      );
      const last = rows[0]?.last;
      return last ? toDateString(last) : null;
    },

    async count(table: BarTable, symbol: string): Promise<number> {
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE symbol = $1`,
        symbol,
      );
      return rows[0]?.n ?? 0;
    },

    /** Minute bars between two instants (inclusive start, exclusive end). */
    async readIntraday(symbol: string, from: Date, to: Date): Promise<IntradayBar[]> {
      const rows = await db.intradayBar.findMany({
        where: { symbol, time: { gte: from, lt: to } },
        orderBy: { time: 'asc' },
      });
      return rows.map((row) => ({
        time: row.time.getTime(),
        open: row.open.toNumber(),
        high: row.high.toNumber(),
        low: row.low.toNumber(),
        close: row.close.toNumber(),
        volume: Number(row.volume),
      }));
    },
  };
}

export type BarStore = ReturnType<typeof createBarStore>;

/** A DATE column arrives as midnight UTC; its calendar date is the UTC date. */
export function toDateString(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
