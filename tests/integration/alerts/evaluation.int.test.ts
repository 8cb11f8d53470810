import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Quote } from '@/server/market-data/types';
import { createPortfolioRepo } from '@/server/portfolio/repo';
import { applyLedger } from '@/server/portfolio/ledger';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';
import { createTestServices } from '@/tests/helpers/test-services';

const TODAY = '2026-03-10';
let clock = Date.parse(`${TODAY}T02:00:00Z`); // 11:00 in Seoul, the KRX session is open
let db: TestDatabase;
let ctx: ReturnType<typeof createTestServices>;
let alice: string;
let bob: string;

function quote(symbol: string, price: number, previousClose: number, currency = 'KRW'): Quote {
  return {
    symbol,
    currency,
    price,
    open: previousClose,
    high: Math.max(price, previousClose),
    low: Math.min(price, previousClose),
    previousClose,
    change: price - previousClose,
    changePercent: ((price - previousClose) / previousClose) * 100,
    volume: 1_000_000,
    tradingDay: TODAY,
    asOf: clock,
    provider: 'demo',
  } as Quote;
}

async function setPrice(symbol: string, price: number, previousClose: number, currency = 'KRW') {
  await ctx.services.marketDataLayer.stores.quotes.upsert(
    quote(symbol, price, previousClose, currency),
  );
}

const notificationsOf = (userId: string) =>
  db.prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = createTestServices(db.prisma, db.kind, { now: () => clock });
  alice = (await db.prisma.user.create({ data: { email: 'alice@example.com', locale: 'en' } })).id;
  bob = (await db.prisma.user.create({ data: { email: 'bob@example.com' } })).id;
}, 120_000);

afterAll(async () => {
  await db?.dispose();
});

beforeEach(async () => {
  await db.prisma.notification.deleteMany();
  await db.prisma.alertRule.deleteMany();
  ctx.realtime.published.length = 0;
  ctx.sentEvents.length = 0;
});

describe('price rules', () => {
  it('fires once on the crossing, not again while it holds, and again after re-arming', async () => {
    const { rules, evaluator } = ctx.services.alerts;
    await rules.create(alice, {
      condition: { kind: 'price-above', price: '80000' },
      symbol: '005930.KS',
      severity: 'warning',
      cooldownMinutes: 0,
    });
    await setPrice('005930.KS', 79_000, 78_000);
    expect((await evaluator.evaluateSymbols(['005930.KS'])).fired).toBe(0);

    await setPrice('005930.KS', 80_500, 78_000);
    expect((await evaluator.evaluateSymbols(['005930.KS'])).fired).toBe(1);
    expect((await evaluator.evaluateSymbols(['005930.KS'])).fired).toBe(0); // still above
    await setPrice('005930.KS', 81_000, 78_000);
    expect((await evaluator.evaluateSymbols(['005930.KS'])).fired).toBe(0);

    await setPrice('005930.KS', 79_500, 78_000); // clears: re-arms
    expect((await evaluator.evaluateSymbols(['005930.KS'])).fired).toBe(0);
    await setPrice('005930.KS', 80_100, 78_000);
    expect((await evaluator.evaluateSymbols(['005930.KS'])).fired).toBe(1);

    const notifications = await notificationsOf(alice);
    expect(notifications).toHaveLength(2);
    expect(notifications[0]).toMatchObject({
      type: 'alert',
      kind: 'price-above',
      severity: 'warning',
      symbol: '005930.KS',
      link: '/stocks/005930.KS',
      readAt: null,
    });
    // The bell updates live with the new unread count.
    const created = ctx.realtime.published.filter((p) => p.event === 'notification.created');
    expect(created).toHaveLength(2);
    expect(created.at(-1)).toMatchObject({
      channel: `private-user-${alice}`,
      payload: { unread: 2, severity: 'warning' },
    });
  });

  it('keeps quiet during the cooldown even when the condition crosses again', async () => {
    const { rules, evaluator } = ctx.services.alerts;
    await rules.create(alice, {
      condition: { kind: 'price-below', price: '70000' },
      symbol: '005930.KS',
      severity: 'info',
      cooldownMinutes: 60,
    });
    await setPrice('005930.KS', 69_000, 71_000);
    expect((await evaluator.evaluateSymbols(['005930.KS'])).fired).toBe(1);
    await setPrice('005930.KS', 71_000, 71_000);
    await evaluator.evaluateSymbols(['005930.KS']);
    clock += 10 * 60_000;
    await setPrice('005930.KS', 68_000, 71_000); // crosses again 10 minutes later
    expect((await evaluator.evaluateSymbols(['005930.KS'])).fired).toBe(0);
    await setPrice('005930.KS', 71_000, 71_000);
    await evaluator.evaluateSymbols(['005930.KS']);
    clock += 60 * 60_000;
    await setPrice('005930.KS', 68_500, 71_000); // after the cooldown
    expect((await evaluator.evaluateSymbols(['005930.KS'])).fired).toBe(1);
    expect(await notificationsOf(alice)).toHaveLength(2);
  });

  it('creates one notification when evaluations of the same crossing race', async () => {
    const { rules, evaluator } = ctx.services.alerts;
    await rules.create(alice, {
      condition: { kind: 'price-above', price: '100' },
      symbol: 'AAPL',
      severity: 'info',
      cooldownMinutes: 0,
    });
    await setPrice('AAPL', 101, 99, 'USD');
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => evaluator.evaluateSymbols(['AAPL'])),
    );
    expect(outcomes.reduce((sum, o) => sum + o.fired, 0)).toBe(1);
    expect(await notificationsOf(alice)).toHaveLength(1);
    expect(ctx.realtime.published.filter((p) => p.event === 'notification.created')).toHaveLength(
      1,
    );
  });

  it('evaluates only the rules of the moved symbol', async () => {
    const { rules, evaluator } = ctx.services.alerts;
    for (const symbol of ['AAPL', 'MSFT', 'NVDA']) {
      await rules.create(bob, {
        condition: { kind: 'price-above', price: '1' },
        symbol,
        severity: 'info',
        cooldownMinutes: 0,
      });
    }
    await setPrice('MSFT', 400, 390, 'USD');
    const outcome = await evaluator.evaluateSymbols(['MSFT']);
    expect(outcome).toMatchObject({ rules: 1, evaluated: 1, fired: 1 });
  });
});

describe('built-in holding rules', () => {
  it('tell a holder about a 3% day move once, and at 5% as a warning', async () => {
    const { rules, evaluator } = ctx.services.alerts;
    const repo = createPortfolioRepo(db.prisma);
    const account = await repo.createAccount(alice, {
      name: 'Main',
      kind: 'brokerage',
      baseCurrency: 'KRW',
      allowNegativeCash: true,
    });
    await repo.insertTransactions(account.id, [
      {
        type: 'buy',
        tradeDate: '2026-03-02',
        currency: 'KRW',
        symbol: '000660.KS',
        quantity: '10',
        price: '200000',
      },
    ]);
    await repo.replaceCaches(
      account.id,
      applyLedger(await repo.ledgerOf(account.id), { allowNegativeCash: true }),
    );
    await rules.ensureBuiltins(alice);
    await rules.ensureBuiltins(alice); // idempotent
    expect(await db.prisma.alertRule.count({ where: { userId: alice } })).toBe(
      (await rules.list(alice)).length,
    );

    await setPrice('000660.KS', 206_400, 200_000); // +3.2%
    await evaluator.evaluateSymbols(['000660.KS']);
    await evaluator.evaluateSymbols(['000660.KS']);
    let notifications = await notificationsOf(alice);
    expect(notifications.map((n) => [n.kind, n.severity])).toEqual([['holding-day-move', 'info']]);
    expect(notifications[0]!.subject).toBe('000660.KS');

    await setPrice('000660.KS', 211_000, 200_000); // +5.5%
    await evaluator.evaluateSymbols(['000660.KS']);
    notifications = await notificationsOf(alice);
    expect(notifications.map((n) => n.severity).sort()).toEqual(['info', 'warning']);
    // Bob holds nothing: nothing for him.
    expect(await notificationsOf(bob)).toHaveLength(0);
  });
});

describe('notification centre', () => {
  it('lists with filters, marks read one or all, and scopes to the owner', async () => {
    const { rules, evaluator, notifications } = ctx.services.alerts;
    await rules.create(alice, {
      condition: { kind: 'price-above', price: '10' },
      symbol: 'NVDA',
      severity: 'critical',
      cooldownMinutes: 0,
    });
    await rules.create(alice, {
      condition: { kind: 'price-above', price: '10' },
      symbol: 'MSFT',
      severity: 'info',
      cooldownMinutes: 0,
    });
    await setPrice('NVDA', 120, 118, 'USD');
    await setPrice('MSFT', 400, 390, 'USD');
    await evaluator.evaluateSymbols(['NVDA', 'MSFT']);
    const all = await notifications.list(alice, { limit: 30 });
    expect(all.items).toHaveLength(2);
    expect(all.unread).toBe(2);
    const critical = await notifications.list(alice, { limit: 30, severity: 'critical' });
    expect(critical.items.map((n) => n.symbol)).toEqual(['NVDA']);
    // Bob cannot mark Alice's notification read.
    expect((await notifications.markRead(bob, { ids: [critical.items[0]!.id] })).updated).toBe(0);
    const marked = await notifications.markRead(alice, { ids: [critical.items[0]!.id] });
    expect(marked).toEqual({ updated: 1, unread: 1 });
    expect((await notifications.list(alice, { limit: 30, read: 'unread' })).items).toHaveLength(1);
    expect((await notifications.markRead(alice, { all: true })).unread).toBe(0);
    expect(
      ctx.realtime.published.filter((p) => p.event === 'notification.read').at(-1),
    ).toMatchObject({ payload: { unread: 0 } });
  });
});
