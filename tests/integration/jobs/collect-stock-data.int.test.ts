import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inngest } from '@/inngest/client';
import { stockTracked } from '@/inngest/events';
import { collectStockData } from '@/inngest/functions/collect-stock-data';
import { logger } from '@/server/logger';
import { ProviderError } from '@/server/market-data/errors';
import { createDemoProvider } from '@/server/market-data/providers/demo';
import type { MarketDataProvider } from '@/server/market-data/types';
import { createLocalRunner, type LocalRunner } from '@/server/scheduler/local-runner';
import { setServicesForTesting } from '@/server/services';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';
import { createTestServices } from '@/tests/helpers/test-services';

let db: TestDatabase;
let runner: LocalRunner | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);

afterEach(async () => {
  await runner?.stop();
  setServicesForTesting(undefined);
});

afterAll(async () => {
  await db?.dispose();
});

async function runFor(symbol: string, providers?: MarketDataProvider[]) {
  const ctx = createTestServices(db.prisma, db.kind, { marketDataProviders: providers });
  setServicesForTesting(ctx.services);
  runner = createLocalRunner({ client: inngest, functions: [collectStockData], logger });
  runner.start();
  await inngest.send(stockTracked.create({ symbol }));
  const run = await vi.waitFor(
    () => {
      const last = runner?.status().functions[0]?.lastRun;
      if (!last) throw new Error('no run yet');
      return last;
    },
    { timeout: 60_000, interval: 50 },
  );
  return { run, ctx };
}

describe('collect-stock-data', () => {
  it('collects overview, daily and weekly bars and statements, reporting progress live', async () => {
    const { run, ctx } = await runFor('NVDA');
    expect(run.outcome).toBe('completed');
    const status = await ctx.services.marketData.collectionStatus('NVDA');
    const byDataset = Object.fromEntries(status.map((s) => [s.dataset, s]));
    for (const dataset of ['overview', 'daily', 'weekly', 'statements']) {
      expect(byDataset[dataset], dataset).toMatchObject({ status: 'complete', error: null });
      expect(byDataset[dataset]!.rows, dataset).toBeGreaterThan(0);
    }
    expect(await db.prisma.dailyBar.count({ where: { symbol: 'NVDA' } })).toBe(
      byDataset.daily!.rows,
    );
    const events = ctx.realtime.published.filter((p) => p.channel === 'stock-NVDA');
    expect(events.filter((e) => e.event === 'collection.progress').length).toBeGreaterThanOrEqual(
      8,
    );
    expect(events.at(-1)).toMatchObject({
      event: 'collection.finished',
      payload: { symbol: 'NVDA' },
    });
  }, 90_000);

  it('records a dataset the provider cannot serve as failed with the reason, and still collects the rest', async () => {
    const demo = createDemoProvider({ seed: 7 });
    const noStatements: MarketDataProvider = Object.assign(
      Object.create(demo) as MarketDataProvider,
      {
        id: demo.id,
        markets: demo.markets,
        statements: async () => {
          throw new ProviderError('demo', 'not-found', 'No statements for this company');
        },
      },
    );
    const { run, ctx } = await runFor('MSFT', [noStatements]);
    expect(run.outcome).toBe('completed');
    const status = await ctx.services.marketData.collectionStatus('MSFT');
    expect(status.find((s) => s.dataset === 'statements')).toMatchObject({
      status: 'failed',
      error: 'No statements for this company',
    });
    expect(status.find((s) => s.dataset === 'daily')).toMatchObject({ status: 'complete' });
  }, 90_000);
});
