import { barSeriesFrom, type BarSeries, type OhlcvBar } from '@/server/analysis/bars';
import type { PrismaClient } from '@/server/generated/prisma/client';

type BarRow = {
  symbol: string;
  date: Date;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
};

/**
 * The last `count` daily bars on or before `asOf` of every symbol, in one statement (an index range
 * scan per symbol), as engine series in date order. Symbols without bars are absent. The engine
 * works on floats, so prices are read as double precision.
 */
export async function readDailySeries(
  db: PrismaClient,
  symbols: readonly string[],
  asOf: string,
  count: number,
): Promise<Map<string, BarSeries>> {
  const result = new Map<string, BarSeries>();
  if (symbols.length === 0) return result;
  const rows = await db.$queryRawUnsafe<BarRow[]>(
    `SELECT s.symbol, b.date, b.open::float8 AS open, b.high::float8 AS high, b.low::float8 AS low,
       b.close::float8 AS close, b.volume::float8 AS volume
     FROM unnest($1::text[]) AS s(symbol)
     CROSS JOIN LATERAL (SELECT date, open, high, low, close, volume FROM "DailyBar"
       WHERE symbol = s.symbol AND date <= $2::date ORDER BY date DESC LIMIT $3) b
     ORDER BY s.symbol, b.date`,
    [...new Set(symbols)],
    asOf,
    count,
  );
  const bySymbol = new Map<string, OhlcvBar[]>();
  for (const row of rows) {
    const bars = bySymbol.get(row.symbol) ?? [];
    bars.push({
      date: row.date.toISOString().slice(0, 10),
      open: Number(row.open),
      high: Number(row.high),
      low: Number(row.low),
      close: Number(row.close),
      volume: Number(row.volume),
    });
    bySymbol.set(row.symbol, bars);
  }
  for (const [symbol, bars] of bySymbol) result.set(symbol, barSeriesFrom(bars));
  return result;
}
