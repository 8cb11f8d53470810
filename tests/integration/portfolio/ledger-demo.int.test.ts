import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoProvider } from '@/server/market-data/providers/demo';
import { DEMO_ACCOUNT_NAMES, seedDemoPortfolio } from '@/server/portfolio/demo-portfolio';
import { createPortfolioRepo } from '@/server/portfolio/repo';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';

describe(`seedDemoPortfolio (${process.env.TEST_DB ?? 'pglite'})`, () => {
  let db: TestDatabase;
  let userId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    userId = (await db.prisma.user.create({ data: { email: 'demo@example.com' } })).id;
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('creates a KRW and a USD account with years of valid, costed history at real closes', async () => {
    const result = await seedDemoPortfolio(db.prisma, userId);
    expect(result.created.map((c) => c.name)).toEqual([
      DEMO_ACCOUNT_NAMES.KRW,
      DEMO_ACCOUNT_NAMES.USD,
    ]);
    const repo = createPortfolioRepo(db.prisma);
    const accounts = await repo.listAccounts(userId);
    expect(accounts.map((a) => a.baseCurrency)).toEqual(['KRW', 'USD']);

    const [krw, usd] = accounts;
    const krwLedger = await repo.ledgerOf(krw!.id);
    const usdLedger = await repo.ledgerOf(usd!.id);
    for (const ledger of [krwLedger, usdLedger]) {
      const types = new Set(ledger.map((t) => t.type));
      expect([...types].sort()).toEqual(['buy', 'deposit', 'dividend', 'sell']);
      const years = new Set(ledger.map((t) => t.tradeDate.slice(0, 4)));
      expect(years.size).toBeGreaterThanOrEqual(4);
    }
    // KRX sells pay the transaction tax; every trade pays a fee; dividends are taxed at source.
    for (const sell of krwLedger.filter((t) => t.type === 'sell'))
      expect(Number(sell.taxes)).toBeGreaterThan(0);
    for (const trade of [...krwLedger, ...usdLedger].filter(
      (t) => t.type === 'buy' || t.type === 'sell',
    )) {
      expect(Number(trade.fees)).toBeGreaterThan(0);
    }
    expect(krwLedger.filter((t) => t.type === 'dividend').every((t) => Number(t.taxes) > 0)).toBe(
      true,
    );

    // Prices are the real close of the trade date in the shipped history.
    const provider = createDemoProvider();
    const firstSamsung = krwLedger.find((t) => t.symbol === '005930.KS' && t.type === 'buy')!;
    const [bar] = await provider.dailyBars('005930.KS', {
      from: firstSamsung.tradeDate,
      to: firstSamsung.tradeDate,
    });
    expect(firstSamsung.price).toBe(String(bar!.close));
    const firstNvda = usdLedger.find((t) => t.symbol === 'NVDA')!;
    const [nvdaBar] = await provider.dailyBars('NVDA', {
      from: firstNvda.tradeDate,
      to: firstNvda.tradeDate,
    });
    expect(Number(firstNvda.price)).toBeCloseTo(nvdaBar!.close, 4);

    // Caches reflect the replay: positions in all nine stocks, positive cash in both currencies.
    const holdings = await repo.holdingsOf([krw!.id, usd!.id]);
    expect(
      holdings
        .filter((h) => h.quantity.gt(0))
        .map((h) => h.symbol)
        .sort(),
    ).toEqual([
      '000660.KS',
      '005930.KS',
      '035420.KS',
      '035720.KS',
      'AAPL',
      'AMZN',
      'MSFT',
      'NVDA',
      'SPY',
    ]);
    expect(holdings.some((h) => h.realizedPnl.gt(0))).toBe(true);
    for (const cash of await repo.cashOf([krw!.id, usd!.id])) expect(cash.balance.gt(0)).toBe(true);
  });

  it('is idempotent: running it again adds nothing', async () => {
    const before = await db.prisma.transaction.count();
    const again = await seedDemoPortfolio(db.prisma, userId);
    expect(again.created).toEqual([]);
    expect(again.skipped).toHaveLength(2);
    expect(await db.prisma.account.count()).toBe(2);
    expect(await db.prisma.transaction.count()).toBe(before);
  });
});
