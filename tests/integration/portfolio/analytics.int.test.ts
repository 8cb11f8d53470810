import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '@/server/logger';
import { illustrativeUsdKrw } from '@/server/market-data/fx/illustrative-usdkrw';
import { createBarStore } from '@/server/market-data/store/bars';
import type { Bar } from '@/server/market-data/types';
import { createPortfolioAnalyticsService } from '@/server/portfolio/analytics-service';
import { addDays } from '@/server/portfolio/calc-dates';
import { ensureFxRates, importFxRates } from '@/server/portfolio/fx-rates';
import { applyLedger } from '@/server/portfolio/ledger';
import {
  moneyWeightedReturn,
  resolveRange,
  timeWeightedReturn,
  twrDaysFromSnapshots,
} from '@/server/portfolio/performance';
import { createPortfolioRepo, type TransactionWrite } from '@/server/portfolio/repo';
import { readTotalSnapshots } from '@/server/portfolio/snapshots-store';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';
import { createRecordingPublisher } from '@/tests/helpers/test-services';

const TODAY = '2024-03-15';
const NOW = Date.parse(`${TODAY}T12:00:00Z`);

let db: TestDatabase;
const realtime = createRecordingPublisher();
let analytics: ReturnType<typeof createPortfolioAnalyticsService>;
let alice: string;
let bob: string;
let krwAccount: string;
let usdAccount: string;

/** Weekday closes from `from` to TODAY: start price growing by `step` per day. */
function bars(from: string, start: number, step: number): Bar[] {
  const out: Bar[] = [];
  let price = start;
  for (let date = from; date <= TODAY; date = addDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    out.push({ date, open: price, high: price, low: price, close: price, volume: 1000 });
    price = Math.round((price + step) * 100) / 100;
  }
  return out;
}

async function record(accountId: string, rows: TransactionWrite[]) {
  const repo = createPortfolioRepo(db.prisma);
  await repo.insertTransactions(accountId, rows);
  const [account] = await repo.accountsByIds([accountId]);
  const result = applyLedger(await repo.ledgerOf(accountId), {
    allowNegativeCash: account!.allowNegativeCash,
  });
  await repo.replaceCaches(accountId, result);
}

beforeAll(async () => {
  db = await createTestDatabase();
  analytics = createPortfolioAnalyticsService({
    db: db.prisma,
    realtime,
    log: logger,
    now: () => NOW,
  });
  alice = (await db.prisma.user.create({ data: { email: 'a@example.com' } })).id;
  bob = (await db.prisma.user.create({ data: { email: 'b@example.com', displayCurrency: 'USD' } }))
    .id;
  const repo = createPortfolioRepo(db.prisma);
  krwAccount = (
    await repo.createAccount(alice, {
      name: 'KR',
      kind: 'brokerage',
      baseCurrency: 'KRW',
      allowNegativeCash: false,
    })
  ).id;
  usdAccount = (
    await repo.createAccount(alice, {
      name: 'US',
      kind: 'brokerage',
      baseCurrency: 'USD',
      allowNegativeCash: false,
    })
  ).id;
  const store = createBarStore(db.prisma);
  await store.upsert('DailyBar', '005930.KS', bars('2024-01-02', 70_000, 100), 'demo');
  await store.upsert('DailyBar', 'AAPL', bars('2024-01-02', 180, 0.5), 'demo');
  await store.upsert('DailyBar', '^KS11', bars('2023-12-20', 2600, 2), 'demo');
  await store.upsert('DailyBar', '^GSPC', bars('2023-12-20', 4700, 3), 'demo');
  await record(krwAccount, [
    { type: 'deposit', tradeDate: '2024-02-01', currency: 'KRW', amount: '10000000' },
    {
      type: 'buy',
      tradeDate: '2024-02-01',
      sequence: 1,
      currency: 'KRW',
      symbol: '005930.KS',
      quantity: '100',
      price: '72000',
      fees: '500',
    },
    { type: 'deposit', tradeDate: '2024-02-20', currency: 'KRW', amount: '2000000' },
  ]);
  await record(usdAccount, [
    { type: 'deposit', tradeDate: '2024-02-01', currency: 'USD', amount: '5000' },
    {
      type: 'buy',
      tradeDate: '2024-02-02',
      currency: 'USD',
      symbol: 'AAPL',
      quantity: '10',
      price: '190',
    },
  ]);
}, 120_000);

afterAll(async () => {
  await db?.dispose();
});

const lastClose = (series: Bar[]) => series.at(-1)!.close;

describe('valuation now', () => {
  it('values KRW and USD accounts in the display currency with the labelled FX rate', async () => {
    const summary = await analytics.summary(alice);
    const rate = Number(illustrativeUsdKrw(TODAY));
    const samsung = lastClose(bars('2024-01-02', 70_000, 100));
    const apple = lastClose(bars('2024-01-02', 180, 0.5));
    const krwCash = 10_000_000 - 7_200_000 - 500 + 2_000_000;
    const usdCash = 5000 - 1900;
    expect(summary.currency).toBe('KRW');
    expect(summary.fx).toMatchObject({ pair: 'USD/KRW', quality: 'illustrative', date: TODAY });
    expect(Number(summary.fx!.rate)).toBe(rate);
    expect(Number(summary.marketValue)).toBeCloseTo(100 * samsung + 10 * apple * rate, 4);
    expect(Number(summary.cash)).toBeCloseTo(krwCash + usdCash * rate, 4);
    expect(Number(summary.totalValue)).toBeCloseTo(
      Number(summary.cash) + Number(summary.marketValue),
      6,
    );
    // Day change: Samsung +100 KRW/share, Apple +0.5 USD/share since the previous close.
    expect(Number(summary.dayChange)).toBeCloseTo(100 * 100 + 10 * 0.5 * rate, 4);
    expect(summary.totalReturn.method).toBe('simple');
    expect(summary.accounts).toBe(2);
  });

  it('lists holdings with live-or-last prices, local and display values and weights', async () => {
    const holdings = await analytics.holdings(alice);
    expect(holdings.map((h) => h.symbol).sort()).toEqual(['005930.KS', 'AAPL']);
    const aapl = holdings.find((h) => h.symbol === 'AAPL')!;
    const rate = Number(illustrativeUsdKrw(TODAY));
    expect(aapl).toMatchObject({
      accountId: usdAccount,
      currency: 'USD',
      quantity: '10',
      priceSource: 'close',
      priceDate: TODAY,
      displayCurrency: 'KRW',
    });
    expect(Number(aapl.marketValueLocal)).toBeCloseTo(10 * Number(aapl.price), 8);
    expect(Number(aapl.marketValue)).toBeCloseTo(10 * Number(aapl.price) * rate, 4);
    const onlyUs = await analytics.holdings(alice, { accountId: usdAccount });
    expect(onlyUs.map((h) => h.symbol)).toEqual(['AAPL']);
    expect(onlyUs[0]!.weight).toBeLessThan(1);
  });

  it('allocates 100% of total assets whichever way it is grouped', async () => {
    for (const by of ['holding', 'sector', 'currency', 'account'] as const) {
      const allocation = await analytics.allocation(alice, { by });
      const sum = allocation.slices.reduce((s, slice) => s + (slice.weight ?? 0), 0);
      expect(sum, by).toBeCloseTo(1, 9);
      const value = allocation.slices.reduce((s, slice) => s + Number(slice.value), 0);
      expect(value, by).toBeCloseTo(Number(allocation.total), 4);
    }
    const byCurrency = await analytics.allocation(alice, { by: 'currency' });
    expect(byCurrency.slices.map((s) => s.key).sort()).toEqual(['KRW', 'USD']);
  });

  it('scopes everything to the user: another user’s account is NOT_FOUND', async () => {
    await expect(analytics.holdings(bob, { accountId: krwAccount })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const summary = await analytics.summary(bob);
    expect(summary).toMatchObject({ currency: 'USD', totalValue: '0', accounts: 0 });
    const performance = await analytics.performance(bob, { range: 'ALL' });
    expect(performance.range).toBeNull();
    expect(performance.moneyWeighted.noSolution).not.toBeNull();
  });
});

describe('snapshots and performance', () => {
  it('backfills daily snapshots and matches F’s TWR and XIRR on the same data', async () => {
    const performance = await analytics.performance(alice, { range: 'ALL' });
    const rows = await readTotalSnapshots(db.prisma, alice, { to: TODAY });
    expect(rows[0]!.date).toBe('2024-02-01');
    expect(rows.at(-1)!.date).toBe(TODAY);
    expect(rows).toHaveLength(44); // every calendar day 2024-02-01 … 2024-03-15
    const range = resolveRange('ALL', TODAY, rows[0]!.date);
    const twr = timeWeightedReturn(twrDaysFromSnapshots(rows, 0));
    expect(performance.timeWeighted.cumulative).toBeCloseTo(twr.cumulative, 12);
    expect(performance.timeWeighted.annualized).toBeCloseTo(twr.annualized!, 12);
    const mwr = moneyWeightedReturn({
      startDate: range.base,
      startValue: 0,
      endDate: TODAY,
      endValue: rows.at(-1)!.value,
      flows: rows.map((r) => ({ date: r.date, inflow: r.inflow, outflow: r.outflow })),
    });
    expect(mwr.ok).toBe(true);
    expect(performance.moneyWeighted.rate).toBeCloseTo(mwr.ok ? mwr.rate : NaN, 10);
    expect(performance.moneyWeighted.noSolution).toBeNull();
    // The last snapshot equals today's valuation.
    const summary = await analytics.summary(alice);
    expect(Number(rows.at(-1)!.value)).toBeCloseTo(Number(summary.totalValue), 3);
    expect(Number(rows.at(-1)!.invested)).toBeCloseTo(Number(summary.invested), 3);
    expect(performance.benchmark).toMatchObject({ symbol: '^KS11' });
    expect(performance.benchmark.benchmarkReturn).toBeGreaterThan(0);
    expect(performance.maxDrawdown.value).toBeGreaterThanOrEqual(0);
  });

  it('rewrites snapshots from the date of a transaction added in the past', async () => {
    const before = await readTotalSnapshots(db.prisma, alice, { to: TODAY });
    await record(krwAccount, [
      { type: 'deposit', tradeDate: '2024-01-15', currency: 'KRW', amount: '1000000' },
    ]);
    await analytics.backfillSnapshots({
      accountId: krwAccount,
      userId: alice,
      fromDate: '2024-01-15',
    });
    expect(realtime.published.at(-1)).toMatchObject({
      channel: `private-user-${alice}`,
      event: 'portfolio.updated',
    });
    const after = await readTotalSnapshots(db.prisma, alice, { to: TODAY });
    expect(after[0]!.date).toBe('2024-01-15');
    expect(after).toHaveLength(before.length + 17);
    expect(after[0]).toMatchObject({ date: '2024-01-15' });
    expect(after[0]!.inflow.toString()).toBe('1000000');
    const last = after.at(-1)!;
    expect(last.value.minus(before.at(-1)!.value).toString()).toBe('1000000');
    expect(last.invested.minus(before.at(-1)!.invested).toString()).toBe('1000000');
    const account = await db.prisma.portfolioSnapshot.findMany({
      where: { accountId: krwAccount },
      orderBy: { date: 'asc' },
    });
    expect(account[0]!.date.toISOString().slice(0, 10)).toBe('2024-01-15');
  });

  it('names the accounts trading a symbol, from their first trade (to revalue after a new history)', async () => {
    expect(await analytics.accountsTrading('AAPL')).toEqual([
      { accountId: usdAccount, userId: alice, fromDate: '2024-02-02' },
    ]);
    expect(await analytics.accountsTrading('MSFT')).toEqual([]);
  });

  it('serves one account in its own currency against its own benchmark', async () => {
    const [summary, performance, history, allocation] = await Promise.all([
      analytics.summary(alice, { accountId: usdAccount }),
      analytics.performance(alice, { range: 'ALL', accountId: usdAccount }),
      analytics.history(alice, { range: 'ALL', accountId: usdAccount }),
      analytics.allocation(alice, { by: 'holding', accountId: usdAccount }),
    ]);
    expect(summary.accounts).toBe(1);
    expect(allocation.slices.map((s) => s.key).sort()).toEqual(['AAPL', 'cash']);
    expect(performance.currency).toBe('USD');
    expect(performance.benchmark.symbol).toBe('^GSPC');
    // Deposit 5,000 on 02-01, bought 10 AAPL at 190 on 02-02: value = 3,100 cash + 10 × close.
    const aaplClose = lastClose(bars('2024-01-02', 180, 0.5));
    expect(performance.endValue).toBe(String(3100 + 10 * aaplClose));
    expect(performance.inflow).toBe('5000');
    expect(history.points[0]!.date).toBe('2024-02-01');
    expect(history.points.at(-1)!.date).toBe(TODAY);
    await expect(
      analytics.performance(bob, { range: 'ALL', accountId: usdAccount }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves history with the benchmark rebased to the start value', async () => {
    const history = await analytics.history(alice, { range: '1M' });
    expect(history.range).toMatchObject({ base: '2024-02-15', end: TODAY });
    expect(history.points[0]!.date).toBe('2024-02-15');
    expect(history.points.at(-1)!.date).toBe(TODAY);
    expect(history.benchmark.points[0]!.value).toBe(
      Number(history.points[0]!.value)
        .toFixed(4)
        .replace(/\.?0+$/, ''),
    );
  });

  it('writes one day of snapshots for all accounts and notifies owners', async () => {
    const result = await analytics.refreshAll();
    expect(result).toMatchObject({
      date: TODAY,
      users: 1,
      accounts: 2,
      accountRows: 2,
      totalRows: 1,
    });
    expect(realtime.published.at(-1)).toMatchObject({
      channel: `private-user-${alice}`,
      event: 'portfolio.updated',
    });
    const refreshed = await analytics.refreshAccount(usdAccount);
    expect(refreshed).toEqual({ userId: alice });
    const summary = await analytics.summary(alice);
    expect(realtime.published.at(-1)).toMatchObject({
      event: 'portfolio.updated',
      payload: { totalValue: summary.totalValue, currency: 'KRW' },
    });
  });

  it('rebuilds totals in the new display currency and compares with its benchmark', async () => {
    const krw = await analytics.performance(alice, { range: 'ALL' });
    await db.prisma.user.update({ where: { id: alice }, data: { displayCurrency: 'USD' } });
    try {
      const usd = await analytics.performance(alice, { range: 'ALL' });
      expect(usd).toMatchObject({ currency: 'USD', benchmark: { symbol: '^GSPC' } });
      const rows = await readTotalSnapshots(db.prisma, alice, { to: TODAY });
      expect(new Set(rows.map((r) => r.currency))).toEqual(new Set(['USD']));
      const rate = Number(illustrativeUsdKrw(TODAY));
      expect(Number(usd.endValue)).toBeCloseTo(Number(krw.endValue) / rate, 2);
    } finally {
      await db.prisma.user.update({ where: { id: alice }, data: { displayCurrency: 'KRW' } });
    }
  });

  it('serves USD/KRW rates with their quality', async () => {
    const fx = await analytics.fxRates({ from: '2024-03-11', to: TODAY });
    expect(fx.quality).toBe('illustrative');
    expect(fx.rates.map((r) => r.date)).toEqual([
      '2024-03-11',
      '2024-03-12',
      '2024-03-13',
      '2024-03-14',
      '2024-03-15',
    ]);
  });

  it('lets real rates replace illustrative ones, never the other way round', async () => {
    const source = { fxDaily: async () => [{ date: '2024-03-14', rate: '1321.5' }] };
    expect(
      await importFxRates(db.prisma, source, {
        base: 'USD',
        quote: 'KRW',
        provider: 'alphavantage',
      }),
    ).toBe(1);
    await ensureFxRates(db.prisma, '2024-03-01', TODAY);
    const fx = await analytics.fxRates({ from: '2024-03-14', to: TODAY });
    expect(fx.quality).toBe('illustrative');
    expect(fx.rates).toEqual([
      { date: '2024-03-14', rate: '1321.5', quality: 'real', provider: 'alphavantage' },
      {
        date: TODAY,
        rate: String(Number(illustrativeUsdKrw(TODAY))),
        quality: 'illustrative',
        provider: 'illustrative',
      },
    ]);
  });

  it('stores the daily real USD/KRW from the configured source, and keeps quiet without one', async () => {
    expect(await analytics.refreshFxRates()).toEqual({ provider: null, rows: 0 });
    const withSource = createPortfolioAnalyticsService({
      db: db.prisma,
      realtime,
      log: logger,
      now: () => NOW,
      fxSource: {
        provider: 'alphavantage',
        fxDaily: async (base, quote) => {
          expect([base, quote]).toEqual(['USD', 'KRW']);
          return [{ date: TODAY, rate: '1330.25' }];
        },
      },
    });
    expect(await withSource.refreshFxRates()).toEqual({ provider: 'alphavantage', rows: 1 });
    const fx = await withSource.fxRates({ from: TODAY, to: TODAY });
    expect(fx).toMatchObject({
      quality: 'real',
      rates: [{ date: TODAY, rate: '1330.25', quality: 'real', provider: 'alphavantage' }],
    });
  });
});
