import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDomainError } from '@/server/errors';
import { createLedgerService, type LedgerChangedEvent } from '@/server/portfolio/ledger-service';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';

// A fixed "now": 2024-03-15 00:30 UTC is already the 15th in Seoul but still the 14th in New York.
const NOW = new Date('2024-03-15T00:30:00Z');

describe(`portfolio ledger service (${process.env.TEST_DB ?? 'pglite'})`, () => {
  let db: TestDatabase;
  let alice: string;
  let bob: string;
  const events: LedgerChangedEvent[] = [];
  const tracked: string[] = [];
  let ledger: ReturnType<typeof createLedgerService>;

  beforeAll(async () => {
    db = await createTestDatabase();
    alice = (await db.prisma.user.create({ data: { email: 'alice@example.com' } })).id;
    bob = (await db.prisma.user.create({ data: { email: 'bob@example.com' } })).id;
    ledger = createLedgerService({
      db: db.prisma,
      now: () => NOW,
      trackSymbol: async (symbol) => {
        tracked.push(symbol);
      },
      onLedgerChanged: async (event) => {
        events.push(event);
      },
    });
  });
  afterAll(async () => {
    await db?.dispose();
  });
  beforeEach(async () => {
    await db.prisma.account.deleteMany();
    events.length = 0;
    tracked.length = 0;
  });

  const krwAccount = (userId = alice, name = 'Kiwoom') =>
    ledger.accounts.create(userId, {
      name,
      kind: 'brokerage',
      baseCurrency: 'KRW',
      allowNegativeCash: false,
    });

  async function caught(promise: Promise<unknown>) {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected a rejection');
  }

  async function cachedState(accountId: string) {
    const holdings = await ledger.repo.holdingsOf([accountId]);
    const cash = await ledger.repo.cashOf([accountId]);
    return {
      holdings: holdings.map((h) => ({
        symbol: h.symbol,
        quantity: h.quantity.toFixed(),
        averageCost: h.averageCost.toFixed(),
        realizedPnl: h.realizedPnl.toFixed(),
      })),
      cash: cash.map((c) => ({ currency: c.currency, balance: c.balance.toFixed() })),
    };
  }

  describe('accounts', () => {
    it('creates, lists with cash per currency, renames and deletes', async () => {
      const account = await krwAccount();
      expect(account).toMatchObject({ name: 'Kiwoom', kind: 'brokerage', baseCurrency: 'KRW' });
      await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'deposit',
        tradeDate: '2024-01-02',
        amount: '1000000',
      });
      const [listed] = await ledger.accounts.list(alice);
      expect(listed!.cash).toEqual([{ currency: 'KRW', balance: '1000000' }]);
      expect(listed!.transactionCount).toBe(1);

      const renamed = await ledger.accounts.update(alice, account.id, { name: 'Main' });
      expect(renamed.name).toBe('Main');
      await ledger.accounts.delete(alice, account.id);
      expect(await ledger.accounts.list(alice)).toEqual([]);
      expect(await db.prisma.transaction.count()).toBe(0);
    });

    it('rejects a duplicate name for the same user with CONFLICT, not for another user', async () => {
      await krwAccount();
      const error = await caught(krwAccount());
      expect(isDomainError(error) && error.code).toBe('CONFLICT');
      await expect(krwAccount(bob)).resolves.toMatchObject({ name: 'Kiwoom' });
    });

    it("answers NOT_FOUND for another user's account everywhere", async () => {
      const account = await krwAccount();
      // Thunks, run one at a time: a rejection must never wait unobserved.
      const attempts = [
        () => ledger.accounts.update(bob, account.id, { name: 'x' }),
        () => ledger.accounts.delete(bob, account.id),
        () =>
          ledger.transactions.create(bob, {
            accountId: account.id,
            type: 'deposit',
            tradeDate: '2024-01-02',
            amount: '1',
          }),
        () => ledger.transactions.list(bob, { accountId: account.id, limit: 10 }),
      ];
      for (const attempt of attempts) {
        const error = await caught(attempt());
        expect(isDomainError(error) && error.code).toBe('NOT_FOUND');
      }
      const tx = await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'deposit',
        tradeDate: '2024-01-02',
        amount: '5',
      });
      for (const attempt of [
        () =>
          ledger.transactions.update(bob, tx.id, {
            type: 'deposit',
            tradeDate: '2024-01-02',
            amount: '9',
          }),
        () => ledger.transactions.delete(bob, tx.id),
      ]) {
        const error = await caught(attempt());
        expect(isDomainError(error) && error.code).toBe('NOT_FOUND');
      }
      expect((await ledger.transactions.list(bob, { limit: 10 })).items).toEqual([]);
    });

    it('refuses to forbid negative cash when the ledger already went below zero', async () => {
      const account = await ledger.accounts.create(alice, {
        name: 'Margin',
        kind: 'brokerage',
        baseCurrency: 'KRW',
        allowNegativeCash: true,
      });
      await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'buy',
        tradeDate: '2024-01-02',
        symbol: '005930',
        quantity: '10',
        price: '70000',
      });
      const error = await caught(
        ledger.accounts.update(alice, account.id, { allowNegativeCash: false }),
      );
      expect(isDomainError(error) && error.code).toBe('INVALID');
      expect((await ledger.accounts.get(alice, account.id)).allowNegativeCash).toBe(true);
    });
  });

  describe('transactions', () => {
    it('normalises the symbol, fills the currency, tracks new symbols and emits the change', async () => {
      const account = await krwAccount();
      await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'deposit',
        tradeDate: '2024-01-02',
        amount: '10,000,000'.replace(/,/g, ''),
      });
      const buy = await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'buy',
        tradeDate: '2024-01-03',
        symbol: '005930',
        quantity: '10',
        price: '71000.00',
        fees: '106',
      });
      expect(buy).toMatchObject({
        symbol: '005930.KS',
        currency: 'KRW',
        price: '71000',
        fees: '106',
      });
      expect(tracked).toEqual(['005930.KS']);
      expect(events.at(-1)).toEqual({
        accountId: account.id,
        userId: alice,
        fromDate: '2024-01-03',
      });
      expect(await cachedState(account.id)).toEqual({
        holdings: [{ symbol: '005930.KS', quantity: '10', averageCost: '71000', realizedPnl: '0' }],
        cash: [{ currency: 'KRW', balance: '9289894' }],
      });
    });

    it('validates against reference data, naming the field', async () => {
      const account = await krwAccount();
      const cases: [Record<string, unknown>, string][] = [
        [
          { type: 'buy', tradeDate: '2024-01-03', symbol: '999999', quantity: '1', price: '1' },
          'symbol',
        ],
        [
          {
            type: 'buy',
            tradeDate: '2024-01-03',
            symbol: 'AAPL',
            currency: 'KRW',
            quantity: '1',
            price: '1',
          },
          'currency',
        ],
        // The 15th has begun in Seoul but not in New York.
        [
          { type: 'buy', tradeDate: '2024-03-15', symbol: 'AAPL', quantity: '1', price: '1' },
          'tradeDate',
        ],
        [{ type: 'buy', tradeDate: '2024-01-03', symbol: 'AAPL', price: '1' }, 'quantity'],
        [{ type: 'deposit', tradeDate: '2024-01-03', amount: '1.23456' }, 'amount'],
        [{ type: 'deposit', tradeDate: '2024-02-30', amount: '1' }, 'tradeDate'],
        [{ type: 'deposit', tradeDate: '2024-01-03', amount: '-5' }, 'amount'],
      ];
      for (const [fields, field] of cases) {
        const error = await caught(
          ledger.transactions.create(alice, { accountId: account.id, ...fields } as never),
        );
        expect(isDomainError(error) && error.details.field, JSON.stringify(fields)).toBe(field);
      }
      // Today in Seoul is fine for a Korean stock (deposit first so cash suffices).
      await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'deposit',
        tradeDate: '2024-03-15',
        amount: '100000',
      });
      await expect(
        ledger.transactions.create(alice, {
          accountId: account.id,
          type: 'buy',
          tradeDate: '2024-03-15',
          symbol: '005930.KS',
          quantity: '1',
          price: '73000',
        }),
      ).resolves.toMatchObject({ tradeDate: '2024-03-15' });
      expect(await db.prisma.transaction.count()).toBe(2);
    });

    it('rejects an oversell naming the transaction and leaves everything unchanged', async () => {
      const account = await krwAccount();
      await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'deposit',
        tradeDate: '2024-01-02',
        amount: '1000000',
      });
      await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'buy',
        tradeDate: '2024-01-03',
        symbol: '005930.KS',
        quantity: '10',
        price: '70000',
      });
      const before = await cachedState(account.id);
      const eventsBefore = events.length;
      const error = await caught(
        ledger.transactions.create(alice, {
          accountId: account.id,
          type: 'sell',
          tradeDate: '2024-01-04',
          symbol: '005930.KS',
          quantity: '11',
          price: '72000',
        }),
      );
      expect(isDomainError(error) && error.code).toBe('INVALID');
      expect((error as Error).message).toMatch(/2024-01-04 sell 005930\.KS.*only 10 held/);
      expect(await db.prisma.transaction.count({ where: { accountId: account.id } })).toBe(2);
      expect(await cachedState(account.id)).toEqual(before);
      expect(events.length).toBe(eventsBefore);

      const overdraw = await caught(
        ledger.transactions.create(alice, {
          accountId: account.id,
          type: 'withdrawal',
          tradeDate: '2024-01-05',
          amount: '300001',
        }),
      );
      expect((overdraw as Error).message).toMatch(/withdrawal/);
      expect(await cachedState(account.id)).toEqual(before);
    });

    it('recomputes holdings when a past transaction is edited or deleted', async () => {
      const account = await krwAccount();
      const deposit = await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'deposit',
        tradeDate: '2024-01-02',
        amount: '10000000',
      });
      const first = await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'buy',
        tradeDate: '2024-01-03',
        symbol: '005930.KS',
        quantity: '10',
        price: '70000',
      });
      await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'buy',
        tradeDate: '2024-02-01',
        symbol: '005930.KS',
        quantity: '10',
        price: '80000',
      });
      await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'sell',
        tradeDate: '2024-03-04',
        symbol: '005930.KS',
        quantity: '5',
        price: '90000',
      });
      // avg 75,000; sold 5 at 90,000 → realized 75,000
      expect((await cachedState(account.id)).holdings).toEqual([
        { symbol: '005930.KS', quantity: '15', averageCost: '75000', realizedPnl: '75000' },
      ]);

      // The first buy was really at 60,000 and a week later: avg 70,000, realized 100,000.
      const edited = await ledger.transactions.update(alice, first.id, {
        type: 'buy',
        tradeDate: '2024-01-10',
        symbol: '005930.KS',
        quantity: '10',
        price: '60000',
      });
      expect(edited.price).toBe('60000');
      expect(events.at(-1)?.fromDate).toBe('2024-01-03');
      expect(await cachedState(account.id)).toEqual({
        holdings: [
          { symbol: '005930.KS', quantity: '15', averageCost: '70000', realizedPnl: '100000' },
        ],
        cash: [{ currency: 'KRW', balance: '9050000' }],
      });

      // Moving an edit earlier reports the new, earlier date.
      await ledger.transactions.update(alice, first.id, {
        type: 'buy',
        tradeDate: '2024-01-02',
        symbol: '005930.KS',
        quantity: '10',
        price: '60000',
      });
      expect(events.at(-1)?.fromDate).toBe('2024-01-02');

      // Deleting the first buy: the sell still fits (10 held) — avg 80,000, realized 50,000.
      await ledger.transactions.delete(alice, first.id);
      expect(events.at(-1)?.fromDate).toBe('2024-01-02');
      expect((await cachedState(account.id)).holdings).toEqual([
        { symbol: '005930.KS', quantity: '5', averageCost: '80000', realizedPnl: '50000' },
      ]);

      // Deleting the deposit would leave the buys unpaid: rejected, nothing changes.
      const before = await cachedState(account.id);
      const error = await caught(ledger.transactions.delete(alice, deposit.id));
      expect(isDomainError(error) && error.code).toBe('INVALID');
      expect(await db.prisma.transaction.count({ where: { id: deposit.id } })).toBe(1);
      expect(await cachedState(account.id)).toEqual(before);
    });

    it('rejects an edit that makes a later sell an oversell', async () => {
      const account = await krwAccount();
      await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'deposit',
        tradeDate: '2024-01-02',
        amount: '10000000',
      });
      const buy = await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'buy',
        tradeDate: '2024-01-03',
        symbol: '000660',
        quantity: '10',
        price: '140000',
      });
      await ledger.transactions.create(alice, {
        accountId: account.id,
        type: 'sell',
        tradeDate: '2024-02-01',
        symbol: '000660',
        quantity: '8',
        price: '150000',
      });
      const error = await caught(
        ledger.transactions.update(alice, buy.id, {
          type: 'buy',
          tradeDate: '2024-01-03',
          symbol: '000660',
          quantity: '5',
          price: '140000',
        }),
      );
      expect((error as Error).message).toMatch(/2024-02-01 sell 000660\.KS/);
      const stored = await ledger.repo.getTransaction(alice, buy.id);
      expect(stored.quantity).toBe('10');
    });

    it('pages newest first and filters by account and symbol', async () => {
      const a = await krwAccount();
      const b = await krwAccount(alice, 'Second');
      for (const account of [a, b]) {
        await ledger.transactions.create(alice, {
          accountId: account.id,
          type: 'deposit',
          tradeDate: '2024-01-02',
          amount: '100000000',
        });
      }
      for (let day = 3; day <= 9; day++) {
        await ledger.transactions.create(alice, {
          accountId: a.id,
          type: 'buy',
          tradeDate: `2024-01-0${day}`,
          symbol: day % 2 ? '005930' : '035420',
          quantity: '1',
          price: '70000',
        });
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof ledger.transactions.list>> =
          await ledger.transactions.list(alice, { accountId: a.id, cursor, limit: 3 });
        seen.push(...page.items.map((t) => t.tradeDate));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([
        '2024-01-09',
        '2024-01-08',
        '2024-01-07',
        '2024-01-06',
        '2024-01-05',
        '2024-01-04',
        '2024-01-03',
        '2024-01-02',
      ]);
      const naver = await ledger.transactions.list(alice, { symbol: '035420', limit: 50 });
      expect(naver.items.map((t) => t.tradeDate)).toEqual([
        '2024-01-08',
        '2024-01-06',
        '2024-01-04',
      ]);
      expect((await ledger.transactions.list(alice, { limit: 50 })).items).toHaveLength(9);
    });
  });

  describe('repo for analytics', () => {
    it('reads caches of many accounts at once and finds accounts holding a symbol', async () => {
      const a = await krwAccount();
      const b = await krwAccount(bob, 'Bob');
      for (const [user, account] of [
        [alice, a],
        [bob, b],
      ] as const) {
        await ledger.transactions.create(user, {
          accountId: account.id,
          type: 'deposit',
          tradeDate: '2024-01-02',
          amount: '1000000',
        });
      }
      await ledger.transactions.create(bob, {
        accountId: b.id,
        type: 'buy',
        tradeDate: '2024-01-03',
        symbol: '005930',
        quantity: '3',
        price: '70000',
      });
      expect(await ledger.repo.accountIdsWithSymbol('005930.KS')).toEqual([b.id]);
      expect((await ledger.repo.cashOf([a.id, b.id])).map((c) => c.balance.toFixed())).toHaveLength(
        2,
      );
      const ledgers = await ledger.repo.ledgersOf([a.id, b.id]);
      expect(ledgers.get(b.id)?.map((t) => t.type)).toEqual(['deposit', 'buy']);
    });
  });
});
