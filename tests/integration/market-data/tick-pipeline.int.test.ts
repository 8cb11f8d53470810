import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '@/server/logger';
import { createTickIdGenerator } from '@/server/market-data/live/tick-ids';
import { createTickWriter } from '@/server/market-data/live/tick-writer';
import { createTickStore, type IdentifiedTick } from '@/server/market-data/store/ticks';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);

afterAll(async () => {
  await database?.dispose();
});

const minute = Date.UTC(2026, 10, 20, 0, 30); // 09:30 KST

function ticks(symbol: string, specs: [offsetMs: number, price: number, size: number][]) {
  const nextId = createTickIdGenerator(1);
  return specs.map(([offset, price, size]): IdentifiedTick => ({
    id: nextId(),
    symbol,
    time: minute + offset,
    price,
    size,
  }));
}

describe('tick store', () => {
  it('rolls ticks into minute bars with the right OHLCV', async () => {
    const store = createTickStore(database.prisma);
    const batch = ticks('005930.KS', [
      [1_000, 71_000, 10],
      [20_000, 71_300, 5],
      [40_000, 70_900, 7],
      [59_999, 71_100, 3],
      [61_000, 71_200, 4], // the next minute
    ]);
    expect(await store.insert(batch)).toEqual({ inserted: 5, bars: 2 });
    const bars = await database.prisma.intradayBar.findMany({
      where: { symbol: '005930.KS' },
      orderBy: { time: 'asc' },
    });
    expect(
      bars.map((b) => [b.time.getTime(), +b.open, +b.high, +b.low, +b.close, Number(b.volume)]),
    ).toEqual([
      [minute, 71_000, 71_300, 70_900, 71_100, 25],
      [minute + 60_000, 71_200, 71_200, 71_200, 71_200, 4],
    ]);
  });

  it('a retried batch adds nothing: no duplicate ticks, no double-counted volume', async () => {
    const store = createTickStore(database.prisma);
    const batch = ticks('000660.KS', [
      [5_000, 200_000, 2],
      [6_000, 200_500, 3],
    ]);
    await store.insert(batch);
    expect(await store.insert(batch)).toEqual({ inserted: 0, bars: 0 });
    const bar = await database.prisma.intradayBar.findFirstOrThrow({
      where: { symbol: '000660.KS' },
    });
    expect([Number(bar.volume), bar.tickCount]).toEqual([5, 2]);
    expect(await store.count('000660.KS')).toBe(2);
  });

  it('merges batches that arrive out of order into one minute', async () => {
    const store = createTickStore(database.prisma);
    const all = ticks('AAPL', [
      [1_000, 190, 1],
      [2_000, 195, 1],
      [3_000, 185, 1],
      [4_000, 191, 1],
    ]);
    await store.insert([all[2]!, all[3]!]);
    await store.insert([all[0]!, all[1]!]);
    const bar = await database.prisma.intradayBar.findFirstOrThrow({ where: { symbol: 'AAPL' } });
    expect([+bar.open, +bar.high, +bar.low, +bar.close, Number(bar.volume)]).toEqual([
      190, 195, 185, 191, 4,
    ]);
  });
});

describe('tick writer', () => {
  it('persists everything buffered on close, in batches, and loses nothing when a flush fails', async () => {
    const real = createTickStore(database.prisma);
    let failNext = true;
    const flaky = {
      ...real,
      async insert(batch: readonly IdentifiedTick[]) {
        if (failNext) {
          failNext = false;
          throw new Error('connection reset');
        }
        return real.insert(batch);
      },
    };
    const writer = createTickWriter(flaky, logger, {
      maxBatch: 1_000,
      flushIntervalMs: 10_000,
      retryDelayMs: 5,
    });
    const nextId = createTickIdGenerator(2);
    const many: IdentifiedTick[] = Array.from({ length: 2_500 }, (_, i) => ({
      id: nextId(),
      symbol: 'MSFT',
      time: minute + i * 10,
      price: 400 + (i % 7) * 0.01,
      size: 1,
    }));
    writer.push(many);
    await writer.close();
    expect(await real.count('MSFT')).toBe(2_500);
    const stats = writer.stats();
    expect(stats).toMatchObject({ buffered: 0, persisted: 2_500, failedFlushes: 1 });
    const volume = await database.prisma.intradayBar.aggregate({
      where: { symbol: 'MSFT' },
      _sum: { volume: true, tickCount: true },
    });
    expect(Number(volume._sum.volume)).toBe(2_500);
    expect(volume._sum.tickCount).toBe(2_500);
  });
});
