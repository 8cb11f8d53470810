import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barSeriesFrom } from '@/server/analysis/bars';
import { computeSignals, evaluateSignals } from '@/server/analysis/strategies/registry';
import { createReportsService } from '@/server/alerts/reports/service';
import { logger } from '@/server/logger';
import { createBarStore } from '@/server/market-data/store/bars';
import { createFundamentalsStore } from '@/server/market-data/store/fundamentals';
import type { Bar, CompanyOverview } from '@/server/market-data/types';
import { createPortfolioAnalyticsService } from '@/server/portfolio/analytics-service';
import { addDays } from '@/server/portfolio/calc-dates';
import { applyLedger } from '@/server/portfolio/ledger';
import { createPortfolioRepo, type TransactionWrite } from '@/server/portfolio/repo';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';
import { createRecordingPublisher } from '@/tests/helpers/test-services';

const TODAY = '2024-03-15'; // a Friday
// 09:00 in Seoul on TODAY; the portfolio's (UTC) day is TODAY too.
const NOW = new Date(`${TODAY}T00:00:00Z`);

let db: TestDatabase;
let alice: string;

/**
 * Weekday bars from 2023-01-02 to TODAY on a wave (so strategies trade), ending with the given
 * previous and last closes.
 */
function bars(base: number, previous: number, last: number): Bar[] {
  const out: Bar[] = [];
  let i = 0;
  for (let date = '2023-01-02'; date <= TODAY; date = addDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const close = Math.round(base * (1 + 0.08 * Math.sin(i / 6) + 0.03 * Math.sin(i / 2.3)));
    out.push({ date, open: close, high: close * 1.01, low: close * 0.99, close, volume: 1000 + i });
    i++;
  }
  out.at(-2)!.close = previous;
  out.at(-1)!.close = last;
  return out;
}

const series = {
  '005930.KS': bars(70_000, 72_000, 73_800), // +2.5%
  '000660.KS': bars(150_000, 160_000, 156_000), // −2.5%
  '035420.KS': bars(200_000, 190_000, 193_800), // +2%
};

async function record(accountId: string, rows: TransactionWrite[]) {
  const repo = createPortfolioRepo(db.prisma);
  await repo.insertTransactions(accountId, rows);
  const [account] = await repo.accountsByIds([accountId]);
  const result = applyLedger(await repo.ledgerOf(accountId), {
    allowNegativeCash: account!.allowNegativeCash,
  });
  await repo.replaceCaches(accountId, result);
}

async function userWithAccount(email: string, data: { timezone?: string } = {}) {
  const user = await db.prisma.user.create({ data: { email, ...data } });
  const account = await createPortfolioRepo(db.prisma).createAccount(user.id, {
    name: 'Main',
    kind: 'brokerage',
    baseCurrency: 'KRW',
    allowNegativeCash: false,
  });
  return { userId: user.id, accountId: account.id };
}

function overview(symbol: string, fields: Partial<CompanyOverview>): CompanyOverview {
  return {
    symbol,
    name: symbol,
    nameKo: null,
    description: null,
    exchange: 'KOSPI',
    currency: 'KRW',
    country: 'KR',
    sector: null,
    industry: null,
    metrics: {},
    dividendDate: null,
    exDividendDate: null,
    quality: 'real',
    provider: 'demo',
    ...fields,
  };
}

function servicesAt(now: Date) {
  const analytics = createPortfolioAnalyticsService({
    db: db.prisma,
    realtime: createRecordingPublisher(),
    log: logger,
    now: () => now.getTime(),
  });
  return createReportsService({ db: db.prisma, analytics, now: () => now.getTime() });
}

const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

beforeAll(async () => {
  db = await createTestDatabase();
  const store = createBarStore(db.prisma);
  for (const [symbol, rows] of Object.entries(series)) {
    await store.upsert('DailyBar', symbol, rows, 'demo');
  }
  const fundamentals = createFundamentalsStore(db.prisma);
  await fundamentals.upsertOverview(
    overview('005930.KS', { exDividendDate: '2024-03-28', metrics: { dividendPerShare: 1444 } }),
    NOW,
  );
  // Past ex-dividend date, upcoming payment: listed for the payment.
  await fundamentals.upsertOverview(
    overview('000660.KS', { exDividendDate: '2023-12-27', dividendDate: '2024-04-20' }),
    NOW,
  );
  // Only a past date: nothing upcoming.
  await fundamentals.upsertOverview(overview('035420.KS', { exDividendDate: '2023-12-27' }), NOW);

  const main = await userWithAccount('alice@example.com');
  alice = main.userId;
  await record(main.accountId, [
    { type: 'deposit', tradeDate: '2024-03-01', currency: 'KRW', amount: '3000000' },
    ...(
      [
        ['005930.KS', '10', '70000'],
        ['000660.KS', '5', '150000'],
        ['035420.KS', '2', '200000'],
      ] as const
    ).map(([symbol, quantity, price], sequence): TransactionWrite => ({
      type: 'buy',
      tradeDate: '2024-03-04',
      sequence,
      currency: 'KRW',
      symbol,
      quantity,
      price,
    })),
  ]);
  await db.prisma.alertRule.create({
    data: {
      userId: alice,
      kind: 'strategy-signal',
      symbol: '005930.KS',
      params: { strategy: 'sma-cross' },
      severity: 'info',
    },
  });
  const bob = await db.prisma.user.create({ data: { email: 'bob@example.com' } });
  const note = (userId: string, severity: string, createdAt: Date, type = 'alert') => ({
    userId,
    type,
    kind: 'price-above',
    severity,
    symbol: '005930.KS',
    messageKey: 'alertRules.messages.priceAbove',
    messageValues: { symbol: '005930.KS', price: '73800' },
    link: '/stocks/005930.KS',
    createdAt,
  });
  await db.prisma.notification.createMany({
    data: [
      note(alice, 'warning', hoursBefore(1)),
      note(alice, 'info', hoursBefore(5)),
      note(alice, 'warning', hoursBefore(23)),
      note(alice, 'critical', hoursBefore(25)), // older than a day
      note(alice, 'info', hoursBefore(2), 'system'), // not an alert
      note(bob.id, 'critical', hoursBefore(1)), // someone else's
    ],
  });
}, 120_000);

afterAll(async () => {
  await db?.dispose();
});

describe('generate', () => {
  it('builds the report with exact portfolio figures, movers, alerts and dividends', async () => {
    const { report, created } = await servicesAt(NOW).generate(alice, TODAY);
    expect(created).toBe(true);
    const content = report.content;
    expect(content).toMatchObject({ version: 1, date: TODAY, currency: 'KRW' });
    // Cash 3,000,000 − 700,000 − 750,000 − 400,000 = 1,150,000; positions at the last closes
    // 10 × 73,800 + 5 × 156,000 + 2 × 193,800 = 1,905,600.
    expect(content.portfolio.totalValue).toEqual({ amount: '3055600', currency: 'KRW' });
    // 10 × 1,800 − 5 × 4,000 + 2 × 3,800 = 5,600 on yesterday's 3,050,000.
    expect(content.portfolio.dayChange).toEqual({ amount: '5600', currency: 'KRW' });
    expect(content.portfolio.dayChangeRate).toBeCloseTo(5600 / 3_050_000, 12);
    expect(content.portfolio).toMatchObject({ accounts: 1, holdings: 3 });
    // No earlier report: compared with yesterday's snapshot (closes of 2024-03-14).
    expect(content.portfolio.sincePrevious).toEqual({
      basis: 'snapshot',
      date: '2024-03-14',
      previousValue: { amount: '3050000', currency: 'KRW' },
      change: { amount: '5600', currency: 'KRW' },
      rate: 5600 / 3_050_000,
    });

    expect(content.best.map((m) => [m.symbol, m.dayChangeRate])).toEqual([
      ['005930.KS', 0.025],
      ['035420.KS', 0.02],
    ]);
    expect(content.best[0]).toMatchObject({
      name: 'Samsung Electronics',
      nameKo: '삼성전자',
      price: { amount: '73800', currency: 'KRW' },
      dayChange: { amount: '18000', currency: 'KRW' },
    });
    expect(content.worst).toEqual([
      {
        symbol: '000660.KS',
        name: 'SK hynix',
        nameKo: 'SK하이닉스',
        price: { amount: '156000', currency: 'KRW' },
        dayChangeRate: -0.025,
        dayChange: { amount: '-20000', currency: 'KRW' },
      },
    ]);

    expect(content.alerts).toMatchObject({
      from: hoursBefore(24).toISOString(),
      to: NOW.toISOString(),
      total: 3,
      bySeverity: { info: 1, warning: 2, critical: 0 },
    });
    expect(content.alerts.latest.map((a) => [a.severity, a.createdAt])).toEqual([
      ['warning', hoursBefore(1).toISOString()],
      ['info', hoursBefore(5).toISOString()],
      ['warning', hoursBefore(23).toISOString()],
    ]);
    expect(content.alerts.latest[0]).toMatchObject({
      kind: 'price-above',
      symbol: '005930.KS',
      messageKey: 'alertRules.messages.priceAbove',
      messageValues: { symbol: '005930.KS', price: '73800' },
      link: '/stocks/005930.KS',
    });

    expect(content.dividends).toEqual({
      status: 'known',
      horizonDays: 60,
      items: [
        {
          symbol: '005930.KS',
          name: 'Samsung Electronics',
          nameKo: '삼성전자',
          exDividendDate: '2024-03-28',
          paymentDate: null,
          dividendPerShare: { amount: '1444', currency: 'KRW' },
          quantity: '10',
        },
        {
          symbol: '000660.KS',
          name: 'SK hynix',
          nameKo: 'SK하이닉스',
          exDividendDate: '2023-12-27',
          paymentDate: '2024-04-20',
          dividendPerShare: null,
          quantity: '5',
        },
      ],
    });
  });

  it("lists the engine's BUY/SELL calls on the latest bar of each held symbol", async () => {
    const { content } = await servicesAt(NOW).get(alice, TODAY);
    const expected = Object.entries(series)
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([symbol, rows]) =>
        evaluateSignals(barSeriesFrom(rows))
          .signals.filter((s) => s.action !== 'HOLD')
          .map((s) => [symbol, s.id, s.action, s.date]),
      );
    expect(expected.length).toBeGreaterThan(0);
    expect(content.signals.map((s) => [s.symbol, s.strategy, s.action, s.barDate])).toEqual(
      expected,
    );
    for (const s of content.signals) expect(s.reason.length).toBeGreaterThan(0);
  });

  it('grades the strategies of the user’s strategy-signal rules over the last 252 bars', async () => {
    const { content } = await servicesAt(NOW).get(alice, TODAY);
    expect(content.strategies).toMatchObject({ source: 'rules', horizon: 5, bars: 252 });
    // Pooled by hand: every sma-cross call in the window with 5 bars after it, signed by side.
    const signed: number[] = [];
    for (const rows of Object.values(series)) {
      const { action } = computeSignals(barSeriesFrom(rows), 'sma-cross').signals;
      for (let i = rows.length - 252; i < rows.length - 5; i++) {
        if (action[i] === 0) continue;
        const forward = rows[i + 5]!.close / rows[i]!.close - 1;
        signed.push(action[i]! > 0 ? forward : -forward);
      }
    }
    expect(signed.length).toBeGreaterThan(0);
    const [item] = content.strategies.items;
    expect(content.strategies.items).toHaveLength(1);
    expect(item).toMatchObject({
      strategy: 'sma-cross',
      strategyName: 'SMA crossover',
      symbols: 3,
      signals: signed.length,
    });
    expect(item!.successRate).toBeCloseTo(signed.filter((r) => r > 0).length / signed.length, 12);
    expect(item!.averageReturn).toBeCloseTo(
      signed.reduce((sum, r) => sum + r, 0) / signed.length,
      12,
    );
  });

  it('follows the strategies chosen in the settings, dropping unknown ids', async () => {
    const user = await userWithAccount('follower@example.com');
    await record(user.accountId, [
      { type: 'deposit', tradeDate: '2024-03-01', currency: 'KRW', amount: '1000000' },
      {
        type: 'buy',
        tradeDate: '2024-03-04',
        currency: 'KRW',
        symbol: '005930.KS',
        quantity: '1',
        price: '70000',
      },
    ]);
    await db.prisma.alertSettings.create({
      data: { userId: user.userId, followedStrategies: ['macd-cross', 'no-such-strategy'] },
    });
    const { content } = (await servicesAt(NOW).generate(user.userId, TODAY)).report;
    expect(content.strategies.source).toBe('settings');
    expect(content.strategies.items.map((s) => [s.strategy, s.symbols])).toEqual([
      ['macd-cross', 1],
    ]);
  });

  it('returns the stored report on a second call (retried jobs)', async () => {
    const first = await servicesAt(NOW).get(alice, TODAY);
    const later = new Date(NOW.getTime() + 3_600_000);
    const again = await servicesAt(later).generate(alice, TODAY);
    expect(again.created).toBe(false);
    expect(again.report).toEqual(first);
    expect(await db.prisma.dailyReport.count({ where: { userId: alice } })).toBe(1);
  });

  it('keeps one report when two generations race', async () => {
    const { userId } = await userWithAccount('racer@example.com');
    const service = servicesAt(NOW);
    const results = await Promise.all([
      service.generate(userId, TODAY),
      service.generate(userId, TODAY),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]!.report).toEqual(results[1]!.report);
    expect(await db.prisma.dailyReport.count({ where: { userId } })).toBe(1);
  });

  it("compares the next day's value with the previous report", async () => {
    const tomorrow = addDays(TODAY, 1);
    const { report } = await servicesAt(new Date(`${tomorrow}T00:00:00Z`)).generate(
      alice,
      tomorrow,
    );
    // Saturday: no new closes, so the value is unchanged since Friday's report.
    expect(report.content.portfolio.sincePrevious).toEqual({
      basis: 'report',
      date: TODAY,
      previousValue: { amount: '3055600', currency: 'KRW' },
      change: { amount: '0', currency: 'KRW' },
      rate: 0,
    });
  });

  it('says so when the user holds nothing', async () => {
    const { userId, accountId } = await userWithAccount('cash-only@example.com');
    await record(accountId, [
      { type: 'deposit', tradeDate: '2024-03-01', currency: 'KRW', amount: '500000' },
    ]);
    const { content } = (await servicesAt(NOW).generate(userId, TODAY)).report;
    expect(content.portfolio).toMatchObject({
      totalValue: { amount: '500000', currency: 'KRW' },
      dayChange: null,
      holdings: 0,
    });
    expect(content.best).toEqual([]);
    expect(content.worst).toEqual([]);
    expect(content.signals).toEqual([]);
    expect(content.dividends).toEqual({ status: 'unknown', horizonDays: 60, items: [] });
    expect(content.strategies).toMatchObject({ source: 'default', items: [] });
    expect(content.alerts.total).toBe(0);
  });
});

describe('reading', () => {
  it('gets one report, or NOT_FOUND', async () => {
    const service = servicesAt(NOW);
    expect((await service.get(alice, TODAY)).date).toBe(TODAY);
    await expect(service.get(alice, '2024-01-01')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.get(alice, '2024-13-01')).rejects.toMatchObject({ code: 'INVALID' });
  });

  it('lists dates with headline figures, newest first, and pages back', async () => {
    const service = servicesAt(NOW);
    const list = await service.list(alice, { limit: 10 });
    expect(list.map((r) => r.date)).toEqual(['2024-03-16', TODAY]);
    expect(list[1]!.headline).toEqual({
      totalValue: { amount: '3055600', currency: 'KRW' },
      dayChange: { amount: '5600', currency: 'KRW' },
      dayChangeRate: 5600 / 3_050_000,
      holdings: 3,
      alerts: 3,
    });
    expect((await service.list(alice, { limit: 1 })).map((r) => r.date)).toEqual(['2024-03-16']);
    expect(
      (await service.list(alice, { limit: 10, before: '2024-03-16' })).map((r) => r.date),
    ).toEqual([TODAY]);
  });

  it('names the neighbouring report dates', async () => {
    const service = servicesAt(NOW);
    expect(await service.adjacent(alice, TODAY)).toEqual({ previous: null, next: '2024-03-16' });
    expect(await service.adjacent(alice, '2024-03-16')).toEqual({
      previous: TODAY,
      next: null,
    });
  });
});

describe('dueReports', () => {
  // 12:00 UTC on a Friday after the US switched to daylight time (10 March 2024): 21:00 in Seoul,
  // 08:00 in New York (it would be 07:00 on standard time).
  const AT = new Date('2024-03-22T12:00:00Z');

  it('finds users whose local report time has come, per time zone and setting', async () => {
    const seoul = await userWithAccount('seoul@example.com');
    const newYork = await userWithAccount('ny@example.com', { timezone: 'America/New_York' });
    const laterInNewYork = await userWithAccount('ny-late@example.com', {
      timezone: 'America/New_York',
    });
    await db.prisma.alertSettings.create({
      data: { userId: laterInNewYork.userId, dailyReportTime: '08:30' },
    });
    const disabled = await userWithAccount('off@example.com');
    await db.prisma.alertSettings.create({
      data: { userId: disabled.userId, dailyReportEnabled: false },
    });
    const noAccount = await db.prisma.user.create({ data: { email: 'none@example.com' } });
    // A zone the server does not know is skipped, not fatal for everyone else.
    const unknownZone = await userWithAccount('mars@example.com', { timezone: 'Mars/Olympus' });

    const service = servicesAt(AT);
    const due = await service.dueReports(AT);
    const dueFor = (userId: string) => due.filter((d) => d.userId === userId);
    expect(dueFor(seoul.userId)).toEqual([{ userId: seoul.userId, date: '2024-03-22' }]);
    expect(dueFor(newYork.userId)).toEqual([{ userId: newYork.userId, date: '2024-03-22' }]);
    expect(dueFor(laterInNewYork.userId)).toEqual([]);
    expect(dueFor(disabled.userId)).toEqual([]);
    expect(dueFor(noAccount.id)).toEqual([]);
    expect(dueFor(unknownZone.userId)).toEqual([]);

    // A minute earlier New York is still before 08:00; Seoul is due all evening.
    const before = await service.dueReports(new Date(AT.getTime() - 60_000));
    expect(before.some((d) => d.userId === newYork.userId)).toBe(false);
    expect(before.some((d) => d.userId === seoul.userId)).toBe(true);
  });

  it('is no longer due once the report for the local date exists', async () => {
    const { userId } = await userWithAccount('once@example.com');
    const at = new Date(`${TODAY}T00:00:00Z`); // 09:00 in Seoul
    const service = servicesAt(at);
    expect((await service.dueReports(at)).filter((d) => d.userId === userId)).toEqual([
      { userId, date: TODAY },
    ]);
    await service.generate(userId, TODAY);
    expect((await service.dueReports(at)).some((d) => d.userId === userId)).toBe(false);
    // Before 08:00 the next morning it is not due again; after, it is (for the new date).
    const tomorrow = addDays(TODAY, 1);
    const early = new Date(`${TODAY}T22:59:00Z`); // 07:59 in Seoul
    const late = new Date(`${TODAY}T23:00:00Z`); // 08:00 in Seoul
    expect((await service.dueReports(early)).some((d) => d.userId === userId)).toBe(false);
    expect((await service.dueReports(late)).filter((d) => d.userId === userId)).toEqual([
      { userId, date: tomorrow },
    ]);
  });
});
