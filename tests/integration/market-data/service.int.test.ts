import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';
import { createTestServices } from '@/tests/helpers/test-services';

let database: TestDatabase;
let ctx: ReturnType<typeof createTestServices>;

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = createTestServices(database.prisma, database.kind);
}, 60_000);

afterAll(async () => {
  await database?.dispose();
});

describe('market data service on the demo provider', () => {
  it('serves a daily chart from the database after collecting it once', async () => {
    const { marketData } = ctx.services;
    const chart = await marketData.chart({ symbol: '005930.KS', interval: 'daily', period: '1y' });
    expect(chart.currency).toBe('KRW');
    expect(chart.bars.length).toBeGreaterThan(200);
    const stored = await database.prisma.dailyBar.count({ where: { symbol: '005930.KS' } });
    expect(stored).toBeGreaterThan(chart.bars.length);
    const status = await marketData.collectionStatus('005930.KS');
    expect(status.find((s) => s.dataset === 'daily')).toMatchObject({ status: 'complete' });
    // Bars past the shipped history are marked simulated; earlier ones are real.
    expect(chart.bars.some((bar) => bar.simulated)).toBe(true);
    expect(chart.bars[0]!.simulated).toBe(false);
  }, 60_000);

  it('reads weekly bars, the overview and statements', async () => {
    const { marketData } = ctx.services;
    const weekly = await marketData.chart({ symbol: 'AAPL', interval: 'weekly', period: '2y' });
    expect(weekly.bars.length).toBeGreaterThan(90);
    const overview = await marketData.overview('AAPL');
    expect(overview.overview?.name).toMatch(/Apple/);
    const income = await marketData.statements({
      symbol: 'AAPL',
      kind: 'income',
      period: 'annual',
    });
    expect(income.statements.length).toBeGreaterThan(0);
    expect(income.statements[0]!.quality).toBe('illustrative');
  }, 60_000);

  it('searches in Korean, by initials and by ticker', async () => {
    const { marketData } = ctx.services;
    expect((await marketData.search('삼성'))[0]?.symbol).toBe('005930.KS');
    expect((await marketData.search('ㅅㅅㅈㅈ'))[0]?.symbol).toBe('005930.KS');
    expect((await marketData.search('aapl'))[0]?.symbol).toBe('AAPL');
  });

  it('tracking a new stock asks the jobs to collect it, once', async () => {
    const { marketData } = ctx.services;
    const first = await marketData.track('000660.KS');
    const second = await marketData.track('000660.KS');
    expect(first.newlyTracked).toBe(true);
    expect(second.newlyTracked).toBe(false);
    expect(ctx.sentEvents.filter((e) => e.name === 'market/stock.tracked')).toEqual([
      { name: 'market/stock.tracked', data: { symbol: '000660.KS' } },
    ]);
  });

  it('rejects unknown symbols and impossible chart periods', async () => {
    const { marketData } = ctx.services;
    await expect(marketData.get('ZZZQ')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      marketData.chart({ symbol: 'AAPL', interval: 'weekly', period: '1d' }),
    ).rejects.toMatchObject({ code: 'INVALID' });
  });
});

describe('scheduled refresh gates and tick retention', () => {
  it('runs quote refreshes only while the exchange is open, bar collection only on trading days', async () => {
    const at = (iso: string) =>
      createTestServices(database.prisma, database.kind, { now: () => Date.parse(iso) }).services
        .marketData;
    // Monday 2026-11-23 10:00 KST = 01:00 UTC: KRX open, New York closed (20:00 Sunday).
    expect(at('2026-11-23T01:00:00Z').isDue('KR', 'session-open')).toBe(true);
    expect(at('2026-11-23T01:00:00Z').isDue('US', 'session-open')).toBe(false);
    // Saturday: nothing is open, and it is not a trading day anywhere.
    expect(at('2026-11-21T15:00:00Z').isDue('US', 'session-open')).toBe(false);
    expect(at('2026-11-21T07:10:00Z').isDue('KR', 'trading-day')).toBe(false);
    // Thanksgiving 2026-11-26: NYSE closed all day.
    expect(at('2026-11-26T21:30:00Z').isDue('US', 'trading-day')).toBe(false);
    expect(at('2026-11-27T21:30:00Z').isDue('US', 'trading-day')).toBe(true);
  });

  it('deletes ticks past the retention window and keeps their minute bars', async () => {
    const now = Date.parse('2026-11-20T06:00:00Z');
    const { services } = createTestServices(database.prisma, database.kind, { now: () => now });
    const store = services.marketDataLayer.stores.ticks;
    await store.insert([
      { id: 9_000_001n, symbol: 'NVDA', time: now - 49 * 3_600_000, price: 100, size: 1 },
      { id: 9_000_002n, symbol: 'NVDA', time: now - 47 * 3_600_000, price: 101, size: 1 },
    ]);
    expect(await services.marketData.pruneTicks()).toBe(1);
    expect(await store.count('NVDA')).toBe(1);
    expect(await database.prisma.intradayBar.count({ where: { symbol: 'NVDA' } })).toBe(2);
  });
});
