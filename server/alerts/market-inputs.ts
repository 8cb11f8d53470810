/**
 * What symbol rules are evaluated on, for many symbols at once (a fixed number of queries per
 * batch, whatever its size): the latest price and previous close (live quote, stored quote or
 * last close — the portfolio's own resolution), the session's volume, and recent daily bars
 * with today's running bar appended, for indicator and strategy rules.
 */
import { barSeriesFrom, type BarSeries, type OhlcvBar } from '@/server/analysis/bars';
import type { PrismaClient } from '@/server/generated/prisma/client';
import {
  currencyOfSymbol,
  latestPrices,
  type LiveQuoteLookup,
} from '@/server/portfolio/analytics-prices';
import { addDays } from '@/server/portfolio/calc-dates';

export interface SymbolMarketData {
  symbol: string;
  currency: string;
  price: string;
  previousClose: string | null;
  volume: number | null;
  /** Session the price belongs to (market date): day-scoped rules re-arm when it changes. */
  date: string;
  /** Oldest → newest, the last one the price's session (running while it trades). */
  bars?: BarSeries;
}

type SessionRow = {
  symbol: string;
  open: string | null;
  high: string | null;
  low: string | null;
  volume: string | null;
  tradingDay: Date;
};
type BarRow = {
  symbol: string;
  date: Date;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
};

const day = (value: Date) => value.toISOString().slice(0, 10);

export async function loadSymbolData(
  db: PrismaClient,
  symbols: readonly string[],
  options: {
    now: Date;
    liveQuote?: LiveQuoteLookup;
    /** Daily bars each symbol's rules need (0 or absent: none). */
    barsNeeded: ReadonlyMap<string, number>;
  },
): Promise<Map<string, SymbolMarketData>> {
  const result = new Map<string, SymbolMarketData>();
  if (symbols.length === 0) return result;
  // Tomorrow (UTC) covers a market whose session date runs ahead of UTC (KRX mornings).
  const asOf = addDays(options.now.toISOString().slice(0, 10), 1);
  const withBars = symbols.filter((s) => (options.barsNeeded.get(s) ?? 0) > 0);
  const limit = Math.max(0, ...withBars.map((s) => options.barsNeeded.get(s)!));
  const [prices, sessions, barRows] = await Promise.all([
    latestPrices(db, symbols, {
      asOf,
      liveQuote: options.liveQuote,
      currencyOf: (symbol) => currencyOfSymbol(symbol, 'USD'),
    }),
    db.$queryRawUnsafe<SessionRow[]>(
      `SELECT symbol, open::text, high::text, low::text, volume::text, "tradingDay"
       FROM "Quote" WHERE symbol = ANY($1::text[])`,
      [...symbols],
    ),
    withBars.length === 0
      ? Promise.resolve([] as BarRow[])
      : db.$queryRawUnsafe<BarRow[]>(
          `SELECT s.symbol, b.date, b.open::text, b.high::text, b.low::text, b.close::text,
                  b.volume::text
           FROM unnest($1::text[]) AS s(symbol)
           CROSS JOIN LATERAL (SELECT date, open, high, low, close, volume FROM "DailyBar"
             WHERE symbol = s.symbol AND date <= $2::date ORDER BY date DESC LIMIT $3) b
           ORDER BY s.symbol, b.date`,
          withBars,
          asOf,
          limit,
        ),
  ]);
  const sessionOf = new Map(sessions.map((row) => [row.symbol, row]));
  const barsOf = new Map<string, OhlcvBar[]>();
  for (const row of barRows) {
    const list = barsOf.get(row.symbol) ?? [];
    list.push({
      date: day(row.date),
      open: Number(row.open),
      high: Number(row.high),
      low: Number(row.low),
      close: Number(row.close),
      volume: Number(row.volume),
    });
    barsOf.set(row.symbol, list);
  }

  for (const symbol of symbols) {
    const price = prices.get(symbol);
    if (!price) continue; // nothing known yet: its rules wait for data
    const live = price.source === 'live' ? options.liveQuote?.(symbol) : undefined;
    const stored = sessionOf.get(symbol);
    const storedToday = stored && day(stored.tradingDay) === price.date ? stored : undefined;
    const bars = barsOf.get(symbol);
    const barToday = bars?.at(-1)?.date === price.date ? bars.at(-1) : undefined;
    const volume =
      live?.volume ??
      (storedToday?.volume != null ? Number(storedToday.volume) : null) ??
      barToday?.volume ??
      null;
    const data: SymbolMarketData = {
      symbol,
      currency: price.currency,
      price: price.price,
      previousClose: price.previousClose,
      volume,
      date: price.date,
    };
    if (bars && (options.barsNeeded.get(symbol) ?? 0) > 0) {
      data.bars = barSeriesFrom(
        withRunningBar(bars, price.date, Number(price.price), {
          open: live?.open ?? num(storedToday?.open),
          high: live?.high ?? num(storedToday?.high),
          low: live?.low ?? num(storedToday?.low),
          volume,
        }),
      );
    }
    result.set(symbol, data);
  }
  return result;
}

const num = (value: string | null | undefined) => (value == null ? null : Number(value));

/** Stored bars with the session of `date` replaced or appended by the running numbers. */
function withRunningBar(
  bars: OhlcvBar[],
  date: string,
  price: number,
  session: { open: number | null; high: number | null; low: number | null; volume: number | null },
): OhlcvBar[] {
  const last = bars.at(-1);
  if (last && last.date > date) return bars;
  const base = last?.date === date ? last : undefined;
  const open = session.open ?? base?.open ?? price;
  const running: OhlcvBar = {
    date,
    open,
    high: Math.max(session.high ?? base?.high ?? price, price, open),
    low: Math.min(session.low ?? base?.low ?? price, price, open),
    close: price,
    volume: session.volume ?? base?.volume ?? 0,
  };
  return base ? [...bars.slice(0, -1), running] : [...bars, running];
}
