import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Instrument } from '../types';

/** The Stock rows: instruments we hold data for, and which of them users track. */
export function createStockStore(db: PrismaClient) {
  return {
    async ensure(instrument: Instrument, tracked = false): Promise<{ newlyTracked: boolean }> {
      const data = {
        code: instrument.code,
        market: instrument.market,
        exchange: instrument.exchange,
        currency: instrument.currency,
        kind: instrument.kind,
        name: instrument.nameEn,
        nameKo: instrument.nameKo,
        sector: instrument.sector,
      };
      const existing = await db.stock.findUnique({
        where: { symbol: instrument.symbol },
        select: { trackedAt: true },
      });
      if (!existing) {
        await db.stock.upsert({
          where: { symbol: instrument.symbol },
          create: { symbol: instrument.symbol, ...data, trackedAt: tracked ? new Date() : null },
          update: data,
        });
        return { newlyTracked: tracked };
      }
      if (tracked && !existing.trackedAt) {
        // Only the caller whose update flips trackedAt from null starts the collection.
        const { count } = await db.stock.updateMany({
          where: { symbol: instrument.symbol, trackedAt: null },
          data: { trackedAt: new Date() },
        });
        return { newlyTracked: count === 1 };
      }
      return { newlyTracked: false };
    },

    async tracked(market?: 'KR' | 'US'): Promise<{ symbol: string; market: string }[]> {
      return db.stock.findMany({
        where: { trackedAt: { not: null }, ...(market && { market }) },
        select: { symbol: true, market: true },
        orderBy: { symbol: 'asc' },
      });
    },
  };
}

export type StockStore = ReturnType<typeof createStockStore>;
