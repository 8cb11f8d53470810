/**
 * Prices for portfolio analytics, always many symbols per query:
 * - `latestPrices`: the price "now" per symbol — this process's collector live quote, else the
 *   stored quote, else the last daily close — whichever is for the latest session (ties prefer
 *   the live quote). Each price carries its currency (the instrument's) and the previous close.
 * - `closeSeries`: daily closes of many symbols over a range, plus each symbol's last close before
 *   the range so a backfill can carry it forward from day one.
 */
import { getInstrument } from '@/server/market-data/instruments';
import type { Quote } from '@/server/market-data/types';
import type { PriceQuote } from './valuation';
import type { SqlDb } from './fx-rates';
import type { Currency } from './types';

export type PriceSource = 'live' | 'quote' | 'close';

export interface ResolvedPrice extends PriceQuote {
  price: string;
  previousClose: string | null;
  /** Session the price belongs to. */
  date: string;
  source: PriceSource;
}

export type LiveQuoteLookup = (symbol: string) => Quote | undefined;

const day = (value: Date) => value.toISOString().slice(0, 10);

/** The instrument's trading currency, or `fallback` for symbols outside the master. */
export function currencyOfSymbol(symbol: string, fallback: Currency): Currency {
  return (getInstrument(symbol)?.currency as Currency | undefined) ?? fallback;
}

/**
 * Latest price per symbol as of `asOf` (a session date): sources dated after `asOf` are ignored,
 * so the same function values "now" and "at the close of date D".
 */
export async function latestPrices(
  db: SqlDb,
  symbols: readonly string[],
  options: { asOf: string; liveQuote?: LiveQuoteLookup; currencyOf: (symbol: string) => Currency },
): Promise<Map<string, ResolvedPrice>> {
  const result = new Map<string, ResolvedPrice>();
  if (symbols.length === 0) return result;
  const list = [...new Set(symbols)];
  const [closes, quotes] = await Promise.all([
    // The last two closes per symbol (an index range scan each): the price and the previous close.
    db.$queryRawUnsafe<{ symbol: string; date: Date; close: string }[]>(
      `SELECT s.symbol, b.date, b.close::text AS close
       FROM unnest($1::text[]) AS s(symbol)
       CROSS JOIN LATERAL (SELECT date, close FROM "DailyBar"
         WHERE symbol = s.symbol AND date <= $2::date ORDER BY date DESC LIMIT 2) b
       ORDER BY s.symbol, b.date DESC`,
      list,
      options.asOf,
    ),
    db.$queryRawUnsafe<
      { symbol: string; price: string; previousClose: string | null; tradingDay: Date }[]
    >(
      `SELECT symbol, price::text AS price, "previousClose"::text AS "previousClose", "tradingDay"
       FROM "Quote" WHERE symbol = ANY($1::text[]) AND "tradingDay" <= $2::date`,
      list,
      options.asOf,
    ),
  ]);
  const offer = (symbol: string, candidate: Omit<ResolvedPrice, 'currency'>) => {
    const current = result.get(symbol);
    // Sources arrive weakest first, so a later source wins ties.
    if (current && current.date > candidate.date) return;
    result.set(symbol, { ...candidate, currency: options.currencyOf(symbol) });
  };
  for (let i = 0; i < closes.length; i++) {
    const row = closes[i]!;
    if (i > 0 && closes[i - 1]!.symbol === row.symbol) continue; // the previous close
    const previous = closes[i + 1]?.symbol === row.symbol ? closes[i + 1]!.close : null;
    offer(row.symbol, {
      price: row.close,
      previousClose: previous,
      date: day(row.date),
      source: 'close',
    });
  }
  for (const row of quotes) {
    offer(row.symbol, {
      price: row.price,
      previousClose: row.previousClose,
      date: day(row.tradingDay),
      source: 'quote',
    });
  }
  if (options.liveQuote) {
    for (const symbol of list) {
      const live = options.liveQuote(symbol);
      if (!live || live.tradingDay > options.asOf) continue;
      offer(symbol, {
        price: String(live.price),
        previousClose: live.previousClose === null ? null : String(live.previousClose),
        date: live.tradingDay,
        source: 'live',
      });
    }
  }
  return result;
}

export interface CloseSeries {
  dates: string[];
  closes: string[];
}

/** Closes of `symbols` from `from` to `to`, led by each symbol's last close before `from`. */
export async function closeSeries(
  db: SqlDb,
  symbols: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, CloseSeries>> {
  const result = new Map<string, CloseSeries>();
  if (symbols.length === 0) return result;
  const rows = await db.$queryRawUnsafe<{ symbol: string; date: Date; close: string }[]>(
    `SELECT symbol, date, close::text AS close FROM "DailyBar"
     WHERE symbol = ANY($1::text[]) AND date BETWEEN $2::date AND $3::date
     UNION ALL
     SELECT s.symbol, b.date, b.close::text FROM unnest($1::text[]) AS s(symbol)
     CROSS JOIN LATERAL (SELECT date, close FROM "DailyBar"
       WHERE symbol = s.symbol AND date < $2::date ORDER BY date DESC LIMIT 1) b
     ORDER BY 1, 2`,
    [...new Set(symbols)],
    from,
    to,
  );
  for (const row of rows) {
    let series = result.get(row.symbol);
    if (!series) result.set(row.symbol, (series = { dates: [], closes: [] }));
    series.dates.push(day(row.date));
    series.closes.push(row.close);
  }
  return result;
}

/** Walks a close series forward in date order, answering "last close on or before d". */
export function closeCursor(series: CloseSeries | undefined) {
  let index = -1;
  return (date: string): string | null => {
    if (!series) return null;
    while (index + 1 < series.dates.length && series.dates[index + 1]! <= date) index++;
    return index >= 0 ? series.closes[index]! : null;
  };
}
