/**
 * Data access for portfolios: accounts, the transaction ledger and the Holding / AccountCash rows
 * cached from it. No business rules live here (the ledger service validates and replays); every
 * read a user can reach is scoped by userId, and bulk reads take many account ids at once so jobs
 * never make one round trip per account or holding.
 *
 * Money leaves this module as PortfolioDecimal (holdings, cash) or exact decimal strings (ledger
 * rows, which is what `applyLedger` and DTOs want); trade dates as `YYYY-MM-DD` strings.
 */
import type { Prisma, PrismaClient } from '@/server/generated/prisma/client';
import { DomainError } from '@/server/errors';
import type { LedgerResult } from './ledger';
import { toDecimal } from './money';
import type { Currency, LedgerTransaction, TransactionType } from './types';
import type Decimal from 'decimal.js';

/** The client or an interactive transaction's client: the repo works on either. */
export type PortfolioDb = PrismaClient | Prisma.TransactionClient;

export const accountKinds = ['brokerage', 'crypto', 'cash'] as const;
export type AccountKind = (typeof accountKinds)[number];

export interface AccountRecord {
  id: string;
  userId: string;
  name: string;
  kind: AccountKind;
  baseCurrency: Currency;
  allowNegativeCash: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A stored ledger row: the replay fields plus bookkeeping. Decimals are exact strings. */
export interface TransactionRecord extends LedgerTransaction {
  accountId: string;
  type: TransactionType;
  sequence: number;
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  amount: string | null;
  fees: string;
  taxes: string;
  splitRatio: string | null;
  costPrice: string | null;
  note: string | null;
  importKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a write supplies (the id is generated unless given). */
export interface TransactionWrite {
  id?: string;
  type: TransactionType;
  tradeDate: string;
  sequence?: number | null;
  currency: Currency;
  symbol?: string | null;
  quantity?: string | null;
  price?: string | null;
  amount?: string | null;
  fees?: string | null;
  taxes?: string | null;
  splitRatio?: string | null;
  costPrice?: string | null;
  note?: string | null;
  importKey?: string | null;
}

export interface HoldingRecord {
  accountId: string;
  symbol: string;
  currency: Currency;
  quantity: Decimal;
  averageCost: Decimal;
  costBasis: Decimal;
  realizedPnl: Decimal;
  dividends: Decimal;
  fees: Decimal;
  taxes: Decimal;
  firstTradeDate: string;
  updatedAt: Date;
}

export interface CashRecord {
  accountId: string;
  currency: Currency;
  balance: Decimal;
  updatedAt: Date;
}

export interface TransactionPageQuery {
  userId: string;
  accountId?: string;
  symbol?: string;
  /** The id of the last row of the previous page. */
  cursor?: string;
  limit: number;
}

/** `YYYY-MM-DD` ↔ the UTC midnight Prisma uses for `@db.Date` columns. */
export const dateColumn = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
export const dateString = (date: Date): string => date.toISOString().slice(0, 10);

type DecimalLike = { toFixed(): string };
const text = (value: DecimalLike): string => value.toFixed();
const textOrNull = (value: DecimalLike | null): string | null =>
  value === null ? null : value.toFixed();

type TransactionRow = Prisma.TransactionGetPayload<object>;
type AccountRow = Prisma.AccountGetPayload<object>;

function toAccount(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    kind: row.kind as AccountKind,
    baseCurrency: row.baseCurrency as Currency,
    allowNegativeCash: row.allowNegativeCash,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toTransaction(row: TransactionRow): TransactionRecord {
  return {
    id: row.id,
    accountId: row.accountId,
    type: row.type as TransactionType,
    tradeDate: dateString(row.tradeDate),
    sequence: row.sequence,
    currency: row.currency as Currency,
    symbol: row.symbol,
    quantity: textOrNull(row.quantity),
    price: textOrNull(row.price),
    amount: textOrNull(row.amount),
    fees: text(row.fees),
    taxes: text(row.taxes),
    splitRatio: textOrNull(row.splitRatio),
    costPrice: textOrNull(row.costPrice),
    note: row.note,
    importKey: row.importKey,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function transactionData(accountId: string, tx: TransactionWrite) {
  return {
    ...(tx.id ? { id: tx.id } : {}),
    accountId,
    type: tx.type,
    tradeDate: dateColumn(tx.tradeDate),
    sequence: tx.sequence ?? 0,
    currency: tx.currency,
    symbol: tx.symbol ?? null,
    quantity: tx.quantity ?? null,
    price: tx.price ?? null,
    amount: tx.amount ?? null,
    fees: tx.fees ?? '0',
    taxes: tx.taxes ?? '0',
    splitRatio: tx.splitRatio ?? null,
    costPrice: tx.costPrice ?? null,
    note: tx.note ?? null,
    importKey: tx.importKey ?? null,
  };
}

const ledgerOrder = [{ tradeDate: 'asc' }, { sequence: 'asc' }, { createdAt: 'asc' }] as const;

export type PortfolioRepo = ReturnType<typeof createPortfolioRepo>;

/**
 * Runs `fn` with a repo bound to one database transaction (or to the current one when `db`
 * already is a transaction client), so a replay rejected halfway leaves nothing behind.
 */
export async function inPortfolioTransaction<T>(
  db: PortfolioDb,
  fn: (repo: PortfolioRepo) => Promise<T>,
): Promise<T> {
  // Transaction clients expose `$transaction` too (nested = savepoints, which PGlite lacks), so
  // the clients this function opened are remembered rather than detected.
  if (openTransactions.has(db)) return fn(createPortfolioRepo(db));
  return (db as PrismaClient).$transaction(
    (tx) => {
      openTransactions.add(tx);
      return fn(createPortfolioRepo(tx));
    },
    { timeout: 60_000 },
  );
}

const openTransactions = new WeakSet<object>();

export function createPortfolioRepo(db: PortfolioDb) {
  const repo = {
    db,

    // ── Accounts ────────────────────────────────────────────────────────────────────────────

    async listAccounts(userId: string): Promise<AccountRecord[]> {
      const rows = await db.account.findMany({
        where: { userId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map(toAccount);
    },

    /** Another user's account is indistinguishable from a missing one: NOT_FOUND. */
    async getAccount(userId: string, id: string): Promise<AccountRecord> {
      const row = await db.account.findFirst({ where: { id, userId } });
      if (!row) throw new DomainError('NOT_FOUND', 'Account not found.', { accountId: id });
      return toAccount(row);
    },

    /** Unscoped lookup for jobs (which act on ids from events), many at once. */
    async accountsByIds(ids: readonly string[]): Promise<AccountRecord[]> {
      if (ids.length === 0) return [];
      const rows = await db.account.findMany({ where: { id: { in: [...ids] } } });
      return rows.map(toAccount);
    },

    /** Every account (id order), paged for jobs that sweep all portfolios. */
    async allAccounts(page: { afterId?: string; limit: number }): Promise<AccountRecord[]> {
      const rows = await db.account.findMany({
        where: page.afterId ? { id: { gt: page.afterId } } : {},
        orderBy: { id: 'asc' },
        take: page.limit,
      });
      return rows.map(toAccount);
    },

    async createAccount(
      userId: string,
      data: Pick<AccountRecord, 'name' | 'kind' | 'baseCurrency' | 'allowNegativeCash'>,
    ): Promise<AccountRecord> {
      const row = await uniqueName(db.account.create({ data: { userId, ...data } }));
      return toAccount(row);
    },

    async updateAccount(
      userId: string,
      id: string,
      data: Partial<Pick<AccountRecord, 'name' | 'kind' | 'baseCurrency' | 'allowNegativeCash'>>,
    ): Promise<AccountRecord> {
      await repo.getAccount(userId, id);
      const row = await uniqueName(db.account.update({ where: { id }, data }));
      return toAccount(row);
    },

    /** Deletes the account with its ledger, caches and snapshots (cascade). */
    async deleteAccount(userId: string, id: string): Promise<void> {
      const { count } = await db.account.deleteMany({ where: { id, userId } });
      if (count === 0) throw new DomainError('NOT_FOUND', 'Account not found.', { accountId: id });
    },

    /**
     * Row lock on the account for the rest of the transaction: concurrent writes to one ledger
     * replay one after the other, so two sells cannot each pass the oversell check alone.
     */
    async lockAccount(accountId: string): Promise<void> {
      await db.$queryRaw`SELECT id FROM "Account" WHERE id = ${accountId} FOR UPDATE`;
    },

    /** Number of transactions per account (absent = none). */
    async transactionCounts(accountIds: readonly string[]): Promise<Map<string, number>> {
      if (accountIds.length === 0) return new Map();
      const rows = await db.transaction.groupBy({
        by: ['accountId'],
        where: { accountId: { in: [...accountIds] } },
        _count: { _all: true },
      });
      return new Map(rows.map((row) => [row.accountId, row._count._all]));
    },

    // ── Ledger ──────────────────────────────────────────────────────────────────────────────

    /** The account's ledger in replay order (trade date, sequence, creation). */
    async ledgerOf(accountId: string): Promise<TransactionRecord[]> {
      const rows = await db.transaction.findMany({
        where: { accountId },
        orderBy: [...ledgerOrder],
      });
      return rows.map(toTransaction);
    },

    /** Ledgers of many accounts in one query, each in replay order (absent = empty ledger). */
    async ledgersOf(accountIds: readonly string[]): Promise<Map<string, TransactionRecord[]>> {
      const result = new Map<string, TransactionRecord[]>();
      for (const id of accountIds) result.set(id, []);
      if (accountIds.length === 0) return result;
      const rows = await db.transaction.findMany({
        where: { accountId: { in: [...accountIds] } },
        orderBy: [...ledgerOrder],
      });
      for (const row of rows) result.get(row.accountId)!.push(toTransaction(row));
      return result;
    },

    /** One transaction of one of the user's accounts; otherwise NOT_FOUND. */
    async getTransaction(userId: string, id: string): Promise<TransactionRecord> {
      const row = await db.transaction.findFirst({ where: { id, account: { userId } } });
      if (!row) throw new DomainError('NOT_FOUND', 'Transaction not found.', { transactionId: id });
      return toTransaction(row);
    },

    /** Newest first (trade date, sequence, id), keyset-paged on the cursor row. */
    async listTransactions(
      query: TransactionPageQuery,
    ): Promise<{ items: TransactionRecord[]; nextCursor: string | null }> {
      const where: Prisma.TransactionWhereInput = {
        account: { userId: query.userId },
        ...(query.accountId ? { accountId: query.accountId } : {}),
        ...(query.symbol ? { symbol: query.symbol } : {}),
      };
      const rows = await db.transaction.findMany({
        where,
        orderBy: [
          { tradeDate: 'desc' },
          { sequence: 'desc' },
          { createdAt: 'desc' },
          { id: 'desc' },
        ],
        take: query.limit + 1,
        ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
      });
      const items = rows.slice(0, query.limit).map(toTransaction);
      return { items, nextCursor: rows.length > query.limit ? items.at(-1)!.id : null };
    },

    /** Bulk insert in batches (PostgreSQL allows 65,535 bind parameters per statement). */
    async insertTransactions(
      accountId: string,
      rows: readonly TransactionWrite[],
    ): Promise<number> {
      let count = 0;
      for (let i = 0; i < rows.length; i += 2000) {
        const batch = rows.slice(i, i + 2000);
        const result = await db.transaction.createMany({
          data: batch.map((row) => transactionData(accountId, row)),
        });
        count += result.count;
      }
      return count;
    },

    async insertTransaction(accountId: string, row: TransactionWrite): Promise<TransactionRecord> {
      return toTransaction(await db.transaction.create({ data: transactionData(accountId, row) }));
    },

    async updateTransaction(
      accountId: string,
      id: string,
      row: TransactionWrite,
    ): Promise<TransactionRecord> {
      const { id: _ignored, ...data } = transactionData(accountId, row);
      void _ignored;
      return toTransaction(await db.transaction.update({ where: { id }, data }));
    },

    async deleteTransaction(id: string): Promise<void> {
      await db.transaction.delete({ where: { id } });
    },

    /** The subset of `keys` already imported into the account. */
    async existingImportKeys(accountId: string, keys: readonly string[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const rows = await db.transaction.findMany({
        where: { accountId, importKey: { in: [...keys] } },
        select: { importKey: true },
      });
      return new Set(rows.map((row) => row.importKey!));
    },

    /** The next free `sequence` on a trade date (new rows go after existing same-day rows). */
    async nextSequence(accountId: string, tradeDate: string): Promise<number> {
      const last = await db.transaction.aggregate({
        where: { accountId, tradeDate: dateColumn(tradeDate) },
        _max: { sequence: true },
      });
      return last._max.sequence === null ? 0 : last._max.sequence + 1;
    },

    /** The next free `sequence` per trade date, for many dates in one query. */
    async nextSequences(accountId: string, dates: readonly string[]): Promise<Map<string, number>> {
      const next = new Map<string, number>(dates.map((date) => [date, 0]));
      if (dates.length === 0) return next;
      const rows = await db.transaction.groupBy({
        by: ['tradeDate'],
        where: { accountId, tradeDate: { in: dates.map(dateColumn) } },
        _max: { sequence: true },
      });
      for (const row of rows) next.set(dateString(row.tradeDate), (row._max.sequence ?? -1) + 1);
      return next;
    },

    // ── Caches ──────────────────────────────────────────────────────────────────────────────

    async holdingsOf(accountIds: readonly string[]): Promise<HoldingRecord[]> {
      if (accountIds.length === 0) return [];
      const rows = await db.holding.findMany({
        where: { accountId: { in: [...accountIds] } },
        orderBy: [{ accountId: 'asc' }, { symbol: 'asc' }],
      });
      return rows.map((row) => ({
        accountId: row.accountId,
        symbol: row.symbol,
        currency: row.currency as Currency,
        quantity: toDecimal(row.quantity, 'quantity'),
        averageCost: toDecimal(row.averageCost, 'averageCost'),
        costBasis: toDecimal(row.costBasis, 'costBasis'),
        realizedPnl: toDecimal(row.realizedPnl, 'realizedPnl'),
        dividends: toDecimal(row.dividends, 'dividends'),
        fees: toDecimal(row.fees, 'fees'),
        taxes: toDecimal(row.taxes, 'taxes'),
        firstTradeDate: dateString(row.firstTradeAt),
        updatedAt: row.updatedAt,
      }));
    },

    async cashOf(accountIds: readonly string[]): Promise<CashRecord[]> {
      if (accountIds.length === 0) return [];
      const rows = await db.accountCash.findMany({
        where: { accountId: { in: [...accountIds] } },
        orderBy: [{ accountId: 'asc' }, { currency: 'asc' }],
      });
      return rows.map((row) => ({
        accountId: row.accountId,
        currency: row.currency as Currency,
        balance: toDecimal(row.balance, 'balance'),
        updatedAt: row.updatedAt,
      }));
    },

    /** Accounts holding (or having held) `symbol`: whose valuation a price move changes. */
    async accountIdsWithSymbol(symbol: string): Promise<string[]> {
      const rows = await db.holding.findMany({
        where: { symbol },
        select: { accountId: true },
        orderBy: { accountId: 'asc' },
      });
      return rows.map((row) => row.accountId);
    },

    /**
     * Replaces the account's cached holdings and cash with a replay result: one delete and one
     * insert per table. Closed positions (quantity 0) stay, so realized P&L and dividends remain
     * visible after selling out. Call inside `transaction` together with the ledger write.
     */
    async replaceCaches(accountId: string, result: LedgerResult): Promise<void> {
      await db.holding.deleteMany({ where: { accountId } });
      await db.accountCash.deleteMany({ where: { accountId } });
      if (result.holdings.length > 0) {
        await db.holding.createMany({
          data: result.holdings.map((h) => ({
            accountId,
            symbol: h.symbol,
            currency: h.currency,
            quantity: h.quantity.toFixed(),
            // Column scales are 10 (per share) and 4 (amounts); round explicitly, not by the DB.
            averageCost: h.averageCost.toDecimalPlaces(10).toFixed(),
            costBasis: h.costBasis.toDecimalPlaces(4).toFixed(),
            realizedPnl: h.realizedPnl.toDecimalPlaces(4).toFixed(),
            dividends: h.dividends.toDecimalPlaces(4).toFixed(),
            fees: h.fees.toDecimalPlaces(4).toFixed(),
            taxes: h.taxes.toDecimalPlaces(4).toFixed(),
            firstTradeAt: dateColumn(h.firstTradeDate),
          })),
        });
      }
      const cash = Object.entries(result.cash) as [Currency, Decimal][];
      if (cash.length > 0) {
        await db.accountCash.createMany({
          data: cash.map(([currency, balance]) => ({
            accountId,
            currency,
            balance: balance.toDecimalPlaces(4).toFixed(),
          })),
        });
      }
    },
  };
  return repo;
}

/** Unique (userId, name) clashes become CONFLICT; a row deleted meanwhile becomes NOT_FOUND. */
function uniqueName<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: { code?: string }) => {
    if (error.code === 'P2002') {
      throw new DomainError('CONFLICT', 'An account with this name already exists.', {
        field: 'name',
      });
    }
    if (error.code === 'P2025') throw new DomainError('NOT_FOUND', 'Account not found.');
    throw error;
  });
}
