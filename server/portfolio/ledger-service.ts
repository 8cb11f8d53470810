/**
 * The ledger service: accounts and transactions with validation, replay and cache rewrite.
 *
 * Validation (`validateTransaction`, shared by forms and CSV import) adds to the per-type field
 * rules of `ledgerTransactionSchema` what needs reference data — the symbol is a known instrument
 * (normalised to its canonical form), positions are in the instrument's currency, the trade date
 * is not after today in the market's timezone — and that decimals fit their database columns
 * exactly (no silent rounding). It returns every problem with its field so forms and CSV rows can
 * show them all.
 */
import { getInstrument } from '@/server/market-data/instruments';
import { sessionDate } from '@/server/market-data/sessions';
import { normalizeSymbol } from '@/server/market-data/symbols';
import type { Instrument, Market } from '@/server/market-data/types';
import { isCalendarDate } from './calc-dates';
import { DomainError } from '@/server/errors';
import type { Logger } from '@/server/logger';
import { applyLedger, type LedgerResult } from './ledger';
import {
  createPortfolioRepo,
  inPortfolioTransaction,
  type AccountRecord,
  type PortfolioDb,
  type PortfolioRepo,
  type TransactionRecord,
  type TransactionWrite,
} from './repo';
import type { AccountDto, TransactionDto, TransactionFields } from './schemas';
import { ledgerTransactionSchema, type Currency, type TransactionType } from './types';

export interface FieldIssue {
  field: string;
  message: string;
}

export interface TransactionDraft {
  type: TransactionType;
  tradeDate: string;
  currency?: Currency | null;
  symbol?: string | null;
  quantity?: string | null;
  price?: string | null;
  amount?: string | null;
  fees?: string | null;
  taxes?: string | null;
  splitRatio?: string | null;
  costPrice?: string | null;
  note?: string | null;
}

export type ValidationResult =
  | { ok: true; value: TransactionWrite; instrument: Instrument | null }
  | { ok: false; issues: FieldIssue[] };

/** Types whose symbol is a position in the account: its currency is the instrument's. */
const positionTypes: ReadonlySet<TransactionType> = new Set([
  'buy',
  'sell',
  'dividend',
  'split',
  'transfer_in',
  'transfer_out',
]);

// Column precision (prisma/schema.prisma): integer and fraction digits each field can store.
const columnDigits: Record<
  'quantity' | 'price' | 'amount' | 'fees' | 'taxes' | 'splitRatio' | 'costPrice',
  { integer: number; fraction: number }
> = {
  quantity: { integer: 20, fraction: 10 },
  price: { integer: 14, fraction: 10 },
  costPrice: { integer: 14, fraction: 10 },
  amount: { integer: 20, fraction: 4 },
  fees: { integer: 20, fraction: 4 },
  taxes: { integer: 20, fraction: 4 },
  splitRatio: { integer: 10, fraction: 10 },
};

const marketOfCurrency: Record<Currency, Market> = { KRW: 'KR', USD: 'US' };

/** Canonical decimal text (`1.50` → `1.5`, `007` → `7`) or null when not a plain decimal. */
export function canonicalDecimal(text: string): string | null {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return null;
  const integer = match[1]!.replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction ? `${integer}.${fraction}` : integer;
}

export function validateTransaction(
  draft: TransactionDraft,
  context: { baseCurrency: Currency; now: Date },
): ValidationResult {
  const issues: FieldIssue[] = [];

  let symbol: string | null = null;
  let instrument: Instrument | null = null;
  const rawSymbol = draft.symbol?.trim() || null;
  if (rawSymbol) {
    try {
      symbol = normalizeSymbol(rawSymbol);
      instrument = getInstrument(symbol);
      if (!instrument) issues.push({ field: 'symbol', message: `unknown instrument ${symbol}` });
      else if (instrument.kind === 'index' && draft.type !== 'interest') {
        issues.push({ field: 'symbol', message: `${symbol} is an index and cannot be held` });
      }
    } catch (error) {
      issues.push({ field: 'symbol', message: (error as Error).message });
    }
  }

  const currency: Currency = draft.currency ?? instrument?.currency ?? context.baseCurrency;
  if (instrument && positionTypes.has(draft.type) && currency !== instrument.currency) {
    issues.push({
      field: 'currency',
      message: `${instrument.symbol} trades in ${instrument.currency}, not ${currency}`,
    });
  }

  if (!isCalendarDate(draft.tradeDate)) {
    issues.push({ field: 'tradeDate', message: 'must be a date YYYY-MM-DD' });
  } else {
    const market = instrument?.market ?? marketOfCurrency[currency];
    const today = sessionDate(market, context.now);
    if (draft.tradeDate > today) {
      issues.push({
        field: 'tradeDate',
        message: `${draft.tradeDate} is in the future (today is ${today} in ${market === 'KR' ? 'Seoul' : 'New York'})`,
      });
    }
  }

  const decimals: Partial<Record<keyof typeof columnDigits, string | null>> = {};
  for (const field of Object.keys(columnDigits) as (keyof typeof columnDigits)[]) {
    const raw = draft[field]?.trim();
    if (!raw) {
      decimals[field] = null;
      continue;
    }
    const canonical = canonicalDecimal(raw);
    if (canonical === null) {
      issues.push({
        field,
        message: raw.startsWith('-') ? 'must not be negative' : 'must be a decimal number',
      });
      continue;
    }
    const [integer, fraction = ''] = canonical.split('.');
    const limits = columnDigits[field];
    if (integer!.length > limits.integer) {
      issues.push({ field, message: 'is too large' });
    } else if (fraction.length > limits.fraction) {
      issues.push({ field, message: `has more than ${limits.fraction} decimal places` });
    }
    decimals[field] = canonical;
  }

  const parsed = ledgerTransactionSchema.safeParse({
    id: 'draft',
    type: draft.type,
    tradeDate: draft.tradeDate,
    currency,
    symbol,
    ...decimals,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'transaction');
      // Format problems of these fields were reported above with a better message.
      if (issues.some((known) => known.field === field)) continue;
      issues.push({ field, message: issue.message });
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    instrument,
    value: {
      type: draft.type,
      tradeDate: draft.tradeDate,
      currency,
      symbol,
      quantity: decimals.quantity ?? null,
      price: decimals.price ?? null,
      amount: decimals.amount ?? null,
      fees: decimals.fees ?? '0',
      taxes: decimals.taxes ?? '0',
      splitRatio: decimals.splitRatio ?? null,
      costPrice: decimals.costPrice ?? null,
      note: draft.note?.trim() || null,
    },
  };
}

// ── Service ─────────────────────────────────────────────────────────────────────────────────

export interface LedgerChangedEvent {
  accountId: string;
  userId: string;
  /** Earliest trade date whose end-of-day state changed (snapshots from here are stale). */
  fromDate: string;
}

export interface LedgerServiceDeps {
  db: PortfolioDb;
  /** Start collecting a symbol's market data (services.marketData.track). */
  trackSymbol?: (symbol: string) => Promise<unknown>;
  /** After a committed ledger change (the lead wires it to the `portfolio/transaction.changed` event). */
  onLedgerChanged?: (event: LedgerChangedEvent) => Promise<void>;
  now?: () => Date;
  log?: Pick<Logger, 'warn'>;
}

export type LedgerService = ReturnType<typeof createLedgerService>;

/** The first problem as a DomainError naming its field; all of them in details. */
function invalidDraft(issues: FieldIssue[]): DomainError {
  const first = issues[0]!;
  return new DomainError('INVALID', `${first.field}: ${first.message}`, {
    field: first.field,
    issues,
  });
}

export function toTransactionDto(row: TransactionRecord): TransactionDto {
  return {
    id: row.id,
    accountId: row.accountId,
    type: row.type,
    tradeDate: row.tradeDate,
    sequence: row.sequence,
    currency: row.currency,
    symbol: row.symbol,
    quantity: row.quantity,
    price: row.price,
    amount: row.amount,
    fees: row.fees,
    taxes: row.taxes,
    splitRatio: row.splitRatio,
    costPrice: row.costPrice,
    note: row.note,
    imported: row.importKey !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Types that open or add to a position: their symbols need market data. */
const acquiringTypes: ReadonlySet<TransactionType> = new Set(['buy', 'transfer_in']);

/**
 * Accounts and their ledgers. Every write replays the account's whole ledger inside the database
 * transaction that makes it (the account row locked), rewrites the cached holdings and cash from
 * the result and commits only if the replay accepted the ledger — an oversell or forbidden
 * negative cash anywhere in the history rejects the write with the offending transaction named.
 */
export function createLedgerService(deps: LedgerServiceDeps) {
  const { db } = deps;
  const repo = createPortfolioRepo(db);
  const now = deps.now ?? (() => new Date());

  /** Replays the (already written) ledger and rewrites the caches; throws if it is invalid. */
  async function replay(tx: PortfolioRepo, account: AccountRecord): Promise<LedgerResult> {
    const ledger = await tx.ledgerOf(account.id);
    const result = applyLedger(ledger, { allowNegativeCash: account.allowNegativeCash });
    await tx.replaceCaches(account.id, result);
    return result;
  }

  /** Runs a ledger write + replay atomically for one account. */
  function writeLedger<T>(account: AccountRecord, write: (tx: PortfolioRepo) => Promise<T>) {
    return inPortfolioTransaction(db, async (tx) => {
      await tx.lockAccount(account.id);
      const value = await write(tx);
      await replay(tx, account);
      return value;
    });
  }

  /** Side effects after commit: collection for new symbols, then the change event. */
  async function afterCommit(
    account: AccountRecord,
    fromDate: string | null,
    acquired: Iterable<string>,
  ) {
    for (const symbol of new Set(acquired)) {
      await deps.trackSymbol?.(symbol).catch((error: unknown) => {
        deps.log?.warn({ err: error, symbol }, 'portfolio: could not start tracking a symbol');
      });
    }
    if (fromDate === null) return;
    await deps
      .onLedgerChanged?.({ accountId: account.id, userId: account.userId, fromDate })
      .catch((error: unknown) => {
        // The write is committed; a lost event only delays snapshot backfill to the next run.
        deps.log?.warn({ err: error, accountId: account.id }, 'portfolio: change event not sent');
      });
  }

  function check(account: AccountRecord, fields: TransactionFields): TransactionWrite {
    const result = validateTransaction(
      { ...fields, currency: fields.currency ?? null },
      { baseCurrency: account.baseCurrency, now: now() },
    );
    if (!result.ok) throw invalidDraft(result.issues);
    return result.value;
  }

  async function accountDtos(accounts: AccountRecord[]): Promise<AccountDto[]> {
    const ids = accounts.map((a) => a.id);
    const [cash, counts] = await Promise.all([repo.cashOf(ids), repo.transactionCounts(ids)]);
    return accounts.map((account) => ({
      id: account.id,
      name: account.name,
      kind: account.kind,
      baseCurrency: account.baseCurrency,
      allowNegativeCash: account.allowNegativeCash,
      cash: cash
        .filter((row) => row.accountId === account.id)
        .map((row) => ({ currency: row.currency, balance: row.balance.toFixed() })),
      transactionCount: counts.get(account.id) ?? 0,
      createdAt: account.createdAt,
      updatedAt: account.updatedAt,
    }));
  }

  return {
    repo,

    /** Replays an account under `write` (import commits and the demo seed use it). */
    writeLedger,
    afterCommit,

    accounts: {
      async list(userId: string): Promise<AccountDto[]> {
        return accountDtos(await repo.listAccounts(userId));
      },

      async get(userId: string, id: string): Promise<AccountDto> {
        return (await accountDtos([await repo.getAccount(userId, id)]))[0]!;
      },

      async create(
        userId: string,
        input: Pick<AccountRecord, 'name' | 'kind' | 'baseCurrency' | 'allowNegativeCash'>,
      ): Promise<AccountDto> {
        return (await accountDtos([await repo.createAccount(userId, input)]))[0]!;
      },

      /** Turning off allowNegativeCash replays the ledger: refused if cash ever went negative. */
      async update(
        userId: string,
        id: string,
        input: Partial<Pick<AccountRecord, 'name' | 'kind' | 'baseCurrency' | 'allowNegativeCash'>>,
      ): Promise<AccountDto> {
        const before = await repo.getAccount(userId, id);
        const updated = await inPortfolioTransaction(db, async (tx) => {
          await tx.lockAccount(id);
          const account = await tx.updateAccount(userId, id, input);
          if (account.allowNegativeCash !== before.allowNegativeCash) await replay(tx, account);
          return account;
        });
        return (await accountDtos([updated]))[0]!;
      },

      async delete(userId: string, id: string): Promise<{ id: string }> {
        await repo.deleteAccount(userId, id);
        return { id };
      },
    },

    transactions: {
      async list(
        userId: string,
        query: { accountId?: string; symbol?: string; cursor?: string | null; limit: number },
      ): Promise<{ items: TransactionDto[]; nextCursor: string | null }> {
        if (query.accountId) await repo.getAccount(userId, query.accountId);
        let symbol: string | undefined;
        if (query.symbol) {
          try {
            symbol = normalizeSymbol(query.symbol);
          } catch (error) {
            throw new DomainError('INVALID', (error as Error).message, { field: 'symbol' });
          }
        }
        if (query.cursor) await repo.getTransaction(userId, query.cursor);
        const page = await repo.listTransactions({
          userId,
          accountId: query.accountId,
          symbol,
          cursor: query.cursor ?? undefined,
          limit: query.limit,
        });
        return { items: page.items.map(toTransactionDto), nextCursor: page.nextCursor };
      },

      async create(
        userId: string,
        input: TransactionFields & { accountId: string },
      ): Promise<TransactionDto> {
        const account = await repo.getAccount(userId, input.accountId);
        const write = check(account, input);
        const created = await writeLedger(account, async (tx) =>
          tx.insertTransaction(account.id, {
            ...write,
            sequence: await tx.nextSequence(account.id, write.tradeDate),
          }),
        );
        await afterCommit(
          account,
          created.tradeDate,
          acquiringTypes.has(created.type) && created.symbol ? [created.symbol] : [],
        );
        return toTransactionDto(created);
      },

      /** Replaces the transaction's fields; its account stays the same. */
      async update(userId: string, id: string, input: TransactionFields): Promise<TransactionDto> {
        const existing = await repo.getTransaction(userId, id);
        const account = await repo.getAccount(userId, existing.accountId);
        const write = check(account, input);
        const updated = await writeLedger(account, async (tx) =>
          tx.updateTransaction(account.id, id, {
            ...write,
            importKey: existing.importKey,
            sequence:
              write.tradeDate === existing.tradeDate
                ? existing.sequence
                : await tx.nextSequence(account.id, write.tradeDate),
          }),
        );
        await afterCommit(
          account,
          updated.tradeDate < existing.tradeDate ? updated.tradeDate : existing.tradeDate,
          acquiringTypes.has(updated.type) && updated.symbol ? [updated.symbol] : [],
        );
        return toTransactionDto(updated);
      },

      async delete(userId: string, id: string): Promise<{ id: string }> {
        const existing = await repo.getTransaction(userId, id);
        const account = await repo.getAccount(userId, existing.accountId);
        await writeLedger(account, (tx) => tx.deleteTransaction(id));
        await afterCommit(account, existing.tradeDate, []);
        return { id };
      },
    },
  };
}
