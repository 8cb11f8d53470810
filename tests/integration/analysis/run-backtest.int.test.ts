import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inngest } from '@/inngest/client';
import { backtestRequested } from '@/inngest/events';
import { runBacktestFunction } from '@/inngest/functions/run-backtest';
import { runBacktest } from '@/server/analysis/backtest';
import { barSeriesFrom } from '@/server/analysis/bars';
import { createCaller } from '@/server/api/root';
import { logger } from '@/server/logger';
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

/** Signs a user up, queues a backtest through the router and runs its job on the local runner. */
async function queueAndRun(email: string, request: Record<string, unknown>) {
  const ctx = createTestServices(db.prisma, db.kind);
  setServicesForTesting(ctx.services);
  const context = (user: { id: string; email: string; name: null } | null) => ({
    user,
    requestId: 'test',
    ip: '198.51.100.7',
    log: logger,
    services: async () => ctx.services,
  });
  const signedUp = await createCaller(context(null)).auth.signUp({
    email,
    password: 'correct horse',
  });
  const user = { id: signedUp.id, email: signedUp.email, name: null };
  const api = createCaller(context(user));
  const { runId } = await api.indicators.backtest(request as never);

  // The router's event goes to the recording fake; hand it to the real runner.
  const sent = ctx.sentEvents.find((e) => e.name === backtestRequested.name);
  expect(sent?.data).toEqual({ runId });
  runner = createLocalRunner({
    client: inngest,
    functions: [runBacktestFunction],
    logger,
    backoff: { baseMs: 10, maxMs: 20 },
  });
  runner.start();
  await inngest.send(backtestRequested.create({ runId }));
  const run = await vi.waitFor(
    () => {
      const last = runner?.status().functions[0]?.lastRun;
      if (!last) throw new Error('no run yet');
      return last;
    },
    { timeout: 60_000, interval: 50 },
  );
  return { run, runId, api, user, ctx };
}

describe('run-backtest', () => {
  it('runs a queued backtest, reporting progress live, and stores metrics and the full result', async () => {
    const config = {
      initialCash: 10_000_000,
      commissionRate: 0.00015,
      slippageBps: 5,
      sellTaxRate: 0.0018,
      fill: 'next-open' as const,
      sizing: { mode: 'all-in' as const },
      allowShort: false,
    };
    const { run, runId, api, user, ctx } = await queueAndRun('runner@example.com', {
      symbol: '005930.KS',
      strategy: 'sma-cross',
      params: { fast: 10, slow: 30 },
      ...config,
    });
    expect(run.outcome).toBe('completed');

    const stored = await api.indicators.backtestRun({ id: runId });
    expect(stored).toMatchObject({ status: 'complete', progress: 1, error: null });
    expect(stored.startedAt).not.toBeNull();
    expect(stored.finishedAt).not.toBeNull();
    const result = stored.result!;
    expect(result.symbol).toBe('005930.KS');
    expect(result.currency).toBe('KRW');
    expect(result.curves.equity).toHaveLength(stored.metrics!.bars);
    expect(result.close).toHaveLength(stored.metrics!.bars);
    expect(result.trades.length).toBeGreaterThan(0);

    // The stored figures are the engine's own on the same bars and settings.
    const chart = await ctx.services.marketData.chart({
      symbol: '005930.KS',
      interval: 'daily',
      period: 'max',
    });
    const series = barSeriesFrom(chart.bars.map((bar) => ({ ...bar, date: String(bar.time) })));
    const direct = runBacktest(series, {
      strategy: 'sma-cross',
      params: { fast: 10, slow: 30 },
      ...config,
    });
    expect(stored.metrics!.totalReturn).toBeCloseTo(direct.metrics.totalReturn, 10);
    expect(stored.metrics!.trades).toBe(direct.metrics.trades);
    expect(stored.metrics!.totalTax).toBeGreaterThan(0);

    const mine = ctx.realtime.published.filter((p) => p.channel === `private-user-${user.id}`);
    const progress = mine
      .filter((p) => p.event === 'backtest.progress')
      .map((p) => (p.payload as { progress: number }).progress);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(mine.at(-1)).toEqual({
      channel: `private-user-${user.id}`,
      event: 'backtest.finished',
      payload: { runId, status: 'complete', error: null },
    });

    const [listed] = await api.indicators.backtestRuns();
    expect(listed).toMatchObject({ id: runId, status: 'complete' });
    expect(listed!.metrics!.totalReturn).toBe(stored.metrics!.totalReturn);
    expect(listed).not.toHaveProperty('result');
  }, 90_000);

  it('marks a run that cannot succeed as failed, with the reason, without retrying', async () => {
    const { run, runId, api, user, ctx } = await queueAndRun('failing@example.com', {
      symbol: 'AAPL',
      strategy: 'sma-cross',
      initialCash: 10_000,
      from: '1980-01-01',
      to: '1980-02-01',
    });
    expect(run.outcome).toBe('completed');
    const stored = await api.indicators.backtestRun({ id: runId });
    expect(stored.status).toBe('failed');
    expect(stored.error).toMatch(/at least 2 bars/);
    expect(stored.result).toBeNull();
    const finished = ctx.realtime.published.filter(
      (p) => p.channel === `private-user-${user.id}` && p.event === 'backtest.finished',
    );
    expect(finished).toEqual([
      {
        channel: `private-user-${user.id}`,
        event: 'backtest.finished',
        payload: { runId, status: 'failed', error: stored.error },
      },
    ]);
  }, 90_000);
});
