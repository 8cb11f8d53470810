import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Currency, ProviderId, Quote } from '../types';
import { toDateString } from './bars';

/** The latest quote per symbol. */
export function createQuoteStore(db: PrismaClient) {
  return {
    async upsert(quote: Quote): Promise<void> {
      const data = {
        currency: quote.currency,
        price: String(quote.price),
        open: quote.open === null ? null : String(quote.open),
        high: quote.high === null ? null : String(quote.high),
        low: quote.low === null ? null : String(quote.low),
        previousClose: quote.previousClose === null ? null : String(quote.previousClose),
        volume: quote.volume === null ? null : BigInt(Math.round(quote.volume)),
        tradingDay: new Date(`${quote.tradingDay}T00:00:00Z`),
        asOf: new Date(quote.asOf),
        provider: quote.provider,
      };
      await db.quote.upsert({
        where: { symbol: quote.symbol },
        create: { symbol: quote.symbol, ...data },
        // An older quote (a slow refresh racing the live stream) never overwrites a newer one.
        update: data,
      });
    },

    async get(symbol: string): Promise<(Quote & { updatedAt: Date }) | null> {
      const row = await db.quote.findUnique({ where: { symbol } });
      return row ? toQuote(row) : null;
    },

    async getMany(symbols: readonly string[]): Promise<Map<string, Quote & { updatedAt: Date }>> {
      const rows = await db.quote.findMany({ where: { symbol: { in: [...symbols] } } });
      return new Map(rows.map((row) => [row.symbol, toQuote(row)]));
    },
  };
}

type QuoteRow = {
  symbol: string;
  currency: string;
  price: { toNumber(): number };
  open: { toNumber(): number } | null;
  high: { toNumber(): number } | null;
  low: { toNumber(): number } | null;
  previousClose: { toNumber(): number } | null;
  volume: bigint | null;
  tradingDay: Date;
  asOf: Date;
  provider: string;
  updatedAt: Date;
};

function toQuote(row: QuoteRow): Quote & { updatedAt: Date } {
  const price = row.price.toNumber();
  const previousClose = row.previousClose?.toNumber() ?? null;
  const change = previousClose === null ? null : price - previousClose;
  return {
    symbol: row.symbol,
    currency: row.currency as Currency,
    price,
    open: row.open?.toNumber() ?? null,
    high: row.high?.toNumber() ?? null,
    low: row.low?.toNumber() ?? null,
    previousClose,
    change,
    changePercent:
      change === null || previousClose === null || previousClose === 0
        ? null
        : (change / previousClose) * 100,
    volume: row.volume === null ? null : Number(row.volume),
    tradingDay: toDateString(row.tradingDay),
    asOf: row.asOf.getTime(),
    provider: row.provider as ProviderId,
    updatedAt: row.updatedAt,
  };
}

export type QuoteStore = ReturnType<typeof createQuoteStore>;
