import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, createCaller } from '@/server/api/root';
import type { TRPCContext } from '@/server/api/trpc';
import { logger } from '@/server/logger';
import type { Services } from '@/server/services';
import type { SessionUser } from '@/server/users/service';
import { createTestDatabase } from '@/tests/helpers/test-db';
import { createTestServices, type PublishedEvent } from '@/tests/helpers/test-services';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let services: Services;
let published: PublishedEvent[];
let alice: SessionUser;
let bob: SessionUser;

function contextFor(user: SessionUser | null): TRPCContext {
  return {
    user,
    requestId: 'test-request',
    ip: '198.51.100.7',
    log: logger,
    services: async () => services,
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  const built = createTestServices(db.prisma, db.kind);
  services = built.services;
  published = built.realtime.published;
  const signUp = createCaller(contextFor(null)).auth.signUp;
  const a = await signUp({ email: 'Alice@Example.com', password: 'correct horse' });
  const b = await signUp({ email: 'bob@example.com', password: 'battery staple' });
  alice = { id: a.id, email: a.email, name: null };
  bob = { id: b.id, email: b.email, name: null };
});

afterAll(async () => {
  await db?.dispose();
});

describe('data isolation between users', () => {
  it('a second user can neither read nor change the first user’s watchlist', async () => {
    const asAlice = createCaller(contextFor(alice));
    const asBob = createCaller(contextFor(bob));
    const list = await asAlice.watchlists.create({ name: 'Korea' });
    await asAlice.watchlists.addSymbol({ id: list.id, symbol: '005930.ks' });

    expect(await asBob.watchlists.list()).toEqual([]);
    const attempts = [
      () => asBob.watchlists.rename({ id: list.id, name: 'Mine now' }),
      () => asBob.watchlists.addSymbol({ id: list.id, symbol: 'AAPL' }),
      () => asBob.watchlists.removeSymbol({ id: list.id, symbol: '005930.KS' }),
      () => asBob.watchlists.delete({ id: list.id }),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }

    const [unchanged] = await asAlice.watchlists.list();
    expect(unchanged).toMatchObject({ id: list.id, name: 'Korea', symbols: ['005930.KS'] });
  });

  it('each user sees only their own profile', async () => {
    expect(await createCaller(contextFor(alice)).users.me()).toMatchObject({
      id: alice.id,
      email: 'alice@example.com',
    });
    expect(await createCaller(contextFor(bob)).users.me()).toMatchObject({ id: bob.id });
  });

  it('tells the owner’s other tabs about a change, on the owner’s private channel only', async () => {
    published.length = 0;
    const list = await createCaller(contextFor(bob)).watchlists.create({ name: 'US' });
    expect(published).toEqual([
      {
        channel: `private-user-${bob.id}`,
        event: 'watchlist.changed',
        payload: { watchlistId: list.id },
      },
    ]);
  });
});

describe('unauthenticated calls', () => {
  async function call(path: string, init: RequestInit = {}) {
    return fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request(`http://localhost/api/trpc/${path}`, init),
      router: appRouter,
      createContext: () => contextFor(null),
    });
  }

  it('get HTTP 401 from every protected query and mutation', async () => {
    expect((await call('watchlists.list')).status).toBe(401);
    expect((await call('users.me')).status).toBe(401);
    const mutation = await call('watchlists.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { name: 'x' } }),
    });
    expect(mutation.status).toBe(401);
    expect(await db.prisma.watchlist.count({ where: { name: 'x' } })).toBe(0);
  });

  it('can still read the public system status', async () => {
    const response = await call('system.status');
    expect(response.status).toBe(200);
  });
});

describe('input validation', () => {
  it('rejects a malformed symbol with a field error and stores nothing', async () => {
    const asAlice = createCaller(contextFor(alice));
    const [list] = await asAlice.watchlists.list();
    await expect(
      asAlice.watchlists.addSymbol({ id: list!.id, symbol: 'not a symbol!' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const [after] = await asAlice.watchlists.list();
    expect(after!.symbols).toEqual(['005930.KS']);
  });

  it('refuses a duplicate email at sign-up, whatever its case', async () => {
    await expect(
      createCaller(contextFor(null)).auth.signUp({
        email: 'ALICE@example.com',
        password: 'another one',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('manual heartbeats', () => {
  it('are limited per user so nobody can flood the job queue', async () => {
    const asBob = createCaller(contextFor(bob));
    for (let i = 0; i < 5; i++) {
      expect(await asBob.system.requestHeartbeat()).toEqual({ sent: true });
    }
    await expect(asBob.system.requestHeartbeat()).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    // Another user is not affected.
    expect(await createCaller(contextFor(alice)).system.requestHeartbeat()).toEqual({ sent: true });
  });
});

describe('portfolios and analysis through tRPC', () => {
  it('serves a user their own portfolio and answers NOT_FOUND to anyone else', async () => {
    const asAlice = createCaller(contextFor(alice));
    const asBob = createCaller(contextFor(bob));
    const account = await asAlice.portfolios.accounts.create({
      name: 'Main',
      kind: 'brokerage',
      baseCurrency: 'KRW',
      allowNegativeCash: false,
    });
    await asAlice.portfolios.transactions.create({
      accountId: account.id,
      type: 'deposit',
      tradeDate: '2024-01-02',
      currency: 'KRW',
      amount: '10000000',
    });
    await asAlice.portfolios.transactions.create({
      accountId: account.id,
      type: 'buy',
      tradeDate: '2024-01-03',
      currency: 'KRW',
      symbol: '005930',
      quantity: '10',
      price: '77000',
      fees: '100',
    });
    const holdings = await asAlice.portfolios.holdings({});
    expect(holdings.map((h: { symbol: string }) => h.symbol)).toContain('005930.KS');
    const summary = await asAlice.portfolios.summary();
    // ₩10,000,000 deposited; ₩770,100 spent on shares and the fee: cash is exact.
    expect(summary).toMatchObject({ currency: 'KRW', invested: '10000000', cash: '9229900' });

    expect(await asBob.portfolios.accounts.list()).toEqual([]);
    await expect(
      asBob.portfolios.transactions.list({ accountId: account.id, limit: 10 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(asBob.portfolios.accounts.delete({ id: account.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  }, 60_000);

  it('keeps backtest runs private and refuses a bad strategy parameter by name', async () => {
    const asAlice = createCaller(contextFor(alice));
    const asBob = createCaller(contextFor(bob));
    const strategies = await asAlice.indicators.strategies();
    expect(strategies.map((s: { id: string }) => s.id)).toContain('sma-cross');
    await expect(
      asAlice.indicators.backtest({
        symbol: 'AAPL',
        strategy: 'sma-cross',
        params: { fast: 30, slow: 10 },
        initialCash: 10_000,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('fast') });
    const { runId } = await asAlice.indicators.backtest({
      symbol: 'AAPL',
      strategy: 'sma-cross',
      params: { fast: 10, slow: 30 },
      initialCash: 10_000,
    });
    expect((await asAlice.indicators.backtestRuns()).map((r: { id: string }) => r.id)).toContain(
      runId,
    );
    expect(await asBob.indicators.backtestRuns()).toEqual([]);
    await expect(asBob.indicators.backtestRun({ id: runId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
