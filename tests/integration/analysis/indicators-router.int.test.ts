import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import type { TRPCContext } from '@/server/api/trpc';
import { logger } from '@/server/logger';
import type { Services } from '@/server/services';
import type { SessionUser } from '@/server/users/service';
import { createTestDatabase } from '@/tests/helpers/test-db';
import { createTestServices } from '@/tests/helpers/test-services';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let services: Services;
let sentEvents: { name: string; data: Record<string, unknown> }[];
let alice: SessionUser;
let bob: SessionUser;

function callerFor(user: SessionUser) {
  const context: TRPCContext = {
    user,
    requestId: 'test-request',
    ip: '198.51.100.7',
    log: logger,
    services: async () => services,
  };
  return createCaller(context);
}

beforeAll(async () => {
  db = await createTestDatabase();
  const built = createTestServices(db.prisma, db.kind);
  services = built.services;
  sentEvents = built.sentEvents;
  const signUp = createCaller({
    user: null,
    requestId: 'sign-up',
    ip: '198.51.100.7',
    log: logger,
    services: async () => services,
  }).auth.signUp;
  const a = await signUp({ email: 'alice@example.com', password: 'correct horse' });
  const b = await signUp({ email: 'bob@example.com', password: 'battery staple' });
  alice = { id: a.id, email: a.email, name: null };
  bob = { id: b.id, email: b.email, name: null };
});

afterAll(async () => {
  await db?.dispose();
});

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('indicators.compute', () => {
  it('aligns every line to the chart bars of the period, warmed up from earlier history', async () => {
    const api = callerFor(alice);
    const chart = await api.stocks.chart({ symbol: '005930.KS', interval: 'daily', period: '1y' });
    const all = await api.stocks.chart({ symbol: '005930.KS', interval: 'daily', period: 'max' });
    const result = await api.indicators.compute({
      symbol: '005930.KS',
      interval: 'daily',
      period: '1y',
      indicators: [
        { name: 'sma', params: { period: 20 } },
        { name: 'macd', params: {} },
        { name: 'bollinger', params: { period: 20, stddev: 2 } },
      ],
    });
    expect(result.times).toEqual(chart.bars.map((bar) => bar.time));
    for (const indicator of result.indicators) {
      for (const [line, values] of Object.entries(indicator.lines)) {
        expect(values, `${indicator.name}.${line}`).toHaveLength(chart.bars.length);
        // A year of bars starts long after every warm-up: no gaps at the start.
        expect(values[0], `${indicator.name}.${line}`).not.toBeNull();
      }
    }
    const sma = result.indicators[0]!;
    expect(sma).toMatchObject({ name: 'sma', placement: 'overlay', params: { period: 20 } });
    const closes = all.bars.map((bar) => bar.close);
    expect(sma.lines.sma!.at(-1)).toBeCloseTo(mean(closes.slice(-20)), 6);
    expect(sma.lines.sma![0]).toBeCloseTo(
      mean(
        closes.slice(closes.length - chart.bars.length - 19, closes.length - chart.bars.length + 1),
      ),
      6,
    );
    expect(result.indicators[1]!.lines).toHaveProperty('histogram');
    const bands = result.indicators[2]!.lines;
    expect(bands.upper!.at(-1)!).toBeGreaterThan(bands.lower!.at(-1)!);
    // The browser recomputes the live bar from the shown bars plus a warm-up tail.
    expect(result.recent.close).toHaveLength(result.recent.tailLength + chart.bars.length);
    expect(result.recent.close.at(-1)).toBe(closes.at(-1));
  });

  it('marks the warm-up with nulls when the period starts at the first bar', async () => {
    const result = await callerFor(alice).indicators.compute({
      symbol: '005930.KS',
      interval: 'daily',
      period: 'max',
      indicators: [{ name: 'rsi', params: { period: 14 } }],
    });
    const rsi = result.indicators[0]!.lines.rsi!;
    expect(rsi.slice(0, 14).every((v) => v === null)).toBe(true);
    expect(rsi[14]).not.toBeNull();
    expect(result.recent.tailLength).toBe(0);
  });

  it('rejects a bad indicator parameter with a message naming it', async () => {
    await expect(
      callerFor(alice).indicators.compute({
        symbol: 'AAPL',
        interval: 'daily',
        period: '1y',
        indicators: [{ name: 'sma', params: { period: 0 } }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('period') });
  });
});

describe('indicators.signals', () => {
  it('gives every strategy’s call with a translatable reason, and the composite', async () => {
    const strategies = await callerFor(alice).indicators.strategies();
    const result = await callerFor(alice).indicators.signals({ symbol: 'AAPL' });
    expect(result.signals.map((s) => s.id)).toEqual(strategies.map((s) => s.id));
    expect(result.signals.length).toBeGreaterThanOrEqual(20);
    for (const signal of result.signals) {
      expect(['BUY', 'SELL', 'HOLD']).toContain(signal.action);
      expect(signal.confidence).toBeGreaterThanOrEqual(0);
      expect(signal.confidence).toBeLessThanOrEqual(1);
      expect(signal.reasonKey.startsWith(`${signal.id}.`)).toBe(true);
      expect(signal.reason.length).toBeGreaterThan(0);
      expect(signal.date).toBe(result.date);
    }
    expect(result.composite.score).toBeGreaterThanOrEqual(-1);
    expect(result.composite.score).toBeLessThanOrEqual(1);
    expect(result.composite.reasonParams.counted).toBeGreaterThan(0);
  });

  it('lists strategies with their parameters, defaults and bounds', async () => {
    const strategies = await callerFor(alice).indicators.strategies();
    const smaCross = strategies.find((s) => s.id === 'sma-cross');
    expect(smaCross?.params.map((p) => p.name)).toEqual(expect.arrayContaining(['fast', 'slow']));
    for (const param of smaCross!.params) {
      expect(param.default).toBeGreaterThanOrEqual(param.min);
      expect(param.default).toBeLessThanOrEqual(param.max);
    }
  });
});

describe('indicators.backtest (request validation and scoping)', () => {
  it('queues a run, sends the job event, and lists it only for its owner', async () => {
    const api = callerFor(alice);
    const { runId } = await api.indicators.backtest({
      symbol: '005930.KS',
      strategy: 'sma-cross',
      params: { fast: 10, slow: 30 },
      initialCash: 10_000_000,
      commissionRate: 0.00015,
      slippageBps: 5,
      sellTaxRate: 0.0018,
      fill: 'next-open',
      sizing: { mode: 'all-in' },
      allowShort: false,
    });
    expect(sentEvents.at(-1)).toEqual({ name: 'analysis/backtest.requested', data: { runId } });
    const [listed] = await api.indicators.backtestRuns();
    expect(listed).toMatchObject({
      id: runId,
      symbol: '005930.KS',
      strategy: 'sma-cross',
      status: 'queued',
      params: { fast: 10, slow: 30 },
      config: { initialCash: 10_000_000, sellTaxRate: 0.0018 },
    });

    const asBob = callerFor(bob);
    expect(await asBob.indicators.backtestRuns()).toEqual([]);
    await expect(asBob.indicators.backtestRun({ id: runId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(asBob.indicators.deleteBacktestRun({ id: runId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await api.indicators.backtestRun({ id: runId })).id).toBe(runId);

    await api.indicators.deleteBacktestRun({ id: runId });
    await expect(api.indicators.backtestRun({ id: runId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses invalid strategy parameters before queuing anything', async () => {
    const before = sentEvents.length;
    await expect(
      callerFor(alice).indicators.backtest({
        symbol: 'AAPL',
        strategy: 'sma-cross',
        params: { fast: 50, slow: 10 },
        initialCash: 10_000,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('fast') });
    await expect(
      callerFor(alice).indicators.backtest({
        symbol: 'AAPL',
        strategy: 'no-such-strategy',
        initialCash: 10_000,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(sentEvents.length).toBe(before);
    expect(await db.prisma.backtestRun.count({ where: { symbol: 'AAPL' } })).toBe(0);
  });
});
