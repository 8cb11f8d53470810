import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Tick } from '../types';
import { chunks, decimalText, integerText } from './sql-batch';

/** A tick with the collector-assigned id that makes persisting it idempotent. */
export type IdentifiedTick = Tick & { id: bigint };

/**
 * Persist a batch of ticks and roll them into 1-minute bars in the same statement. Ticks conflict
 * on their id, and only the rows actually inserted (RETURNING) are rolled up, so retrying a batch
 * after an unknown outcome neither duplicates ticks nor double-counts volume.
 */
const INSERT_AND_ROLL_UP = `
WITH inserted AS (
  INSERT INTO "Tick" (id, symbol, time, price, size)
  SELECT id, symbol, to_timestamp(t / 1000.0), price, size
  FROM json_to_recordset($1::json) AS x(id bigint, symbol text, t bigint, price numeric, size bigint)
  ON CONFLICT (id) DO NOTHING
  RETURNING id, symbol, time, price, size
), minutes AS (
  SELECT symbol, date_trunc('minute', time) AS minute,
    (array_agg(price ORDER BY time, id))[1] AS open,
    max(price) AS high, min(price) AS low,
    (array_agg(price ORDER BY time DESC, id DESC))[1] AS close,
    sum(size) AS volume, count(*)::int AS n, min(time) AS first, max(time) AS last
  FROM inserted GROUP BY symbol, date_trunc('minute', time)
), merged AS (
  INSERT INTO "IntradayBar" AS bar
    (symbol, time, open, high, low, close, volume, "tickCount", "openTime", "closeTime")
  SELECT symbol, minute, open, high, low, close, volume, n, first, last FROM minutes
  ON CONFLICT (symbol, time) DO UPDATE SET
    open = CASE WHEN excluded."openTime" < bar."openTime" THEN excluded.open ELSE bar.open END,
    "openTime" = LEAST(bar."openTime", excluded."openTime"),
    close = CASE WHEN excluded."closeTime" >= bar."closeTime" THEN excluded.close ELSE bar.close END,
    "closeTime" = GREATEST(bar."closeTime", excluded."closeTime"),
    high = GREATEST(bar.high, excluded.high),
    low = LEAST(bar.low, excluded.low),
    volume = bar.volume + excluded.volume,
    "tickCount" = bar."tickCount" + excluded."tickCount"
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM merged)::int AS bars`;

export function createTickStore(db: PrismaClient) {
  return {
    /** Returns how many ticks were new (the rest were already stored by an earlier attempt). */
    async insert(ticks: readonly IdentifiedTick[]): Promise<{ inserted: number; bars: number }> {
      let inserted = 0;
      let bars = 0;
      for (const batch of chunks(ticks, 10_000)) {
        const rows = batch.map((tick) => ({
          id: tick.id.toString(),
          symbol: tick.symbol,
          t: Math.trunc(tick.time),
          price: decimalText(tick.price),
          size: integerText(tick.size),
        }));
        const result = await db.$queryRawUnsafe<{ inserted: number; bars: number }[]>(
          INSERT_AND_ROLL_UP,
          JSON.stringify(rows),
        );
        inserted += result[0]?.inserted ?? 0;
        bars += result[0]?.bars ?? 0;
      }
      return { inserted, bars };
    },

    /** Drop ticks older than the retention window; their minute bars were written with them. */
    async pruneBefore(before: Date): Promise<number> {
      return db.$executeRawUnsafe(`DELETE FROM "Tick" WHERE time < $1`, before);
    },

    async count(symbol?: string): Promise<number> {
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "Tick" WHERE $1::text IS NULL OR symbol = $1`,
        symbol ?? null,
      );
      return rows[0]?.n ?? 0;
    },
  };
}

export type TickStore = ReturnType<typeof createTickStore>;
