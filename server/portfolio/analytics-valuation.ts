/**
 * "What is it worth now" for users: ledgers of all their accounts (one query), replayed with
 * historical rates in the account and display currencies (so the currency effect separates),
 * priced at the latest prices (live → stored quote → last close; one query each) and valued with
 * F's `valuePortfolio`. Many users at once cost the same handful of queries (`valueUsers`), which
 * is what the benchmark times for 10,000 accounts. The ledger was validated when it was written,
 * so replays here allow negative cash instead of rejecting a margin account on read.
 */
import type { PrismaClient } from '@/server/generated/prisma/client';
import { DomainError } from '@/server/errors';
import {
  currencyOfSymbol,
  latestPrices,
  type LiveQuoteLookup,
  type ResolvedPrice,
} from './analytics-prices';
import { ensureFxRates, fxRowFor, loadFx, type LoadedFx } from './fx-rates';
import { applyLedger } from './ledger';
import type { CurrencyAmounts } from './money';
import { createPortfolioRepo, type AccountRecord } from './repo';
import type { Currency, LedgerTransaction } from './types';
import { valuePortfolio, type PortfolioValuation, type PriceQuote } from './valuation';

export interface UserValuation {
  asOf: string;
  displayCurrency: Currency;
  accounts: AccountRecord[];
  valuation: PortfolioValuation;
  prices: Map<string, ResolvedPrice>;
  /** Cash balances per account and currency (ledger replay). */
  cash: Map<string, CurrencyAmounts>;
  fx: LoadedFx;
  /** The USD/KRW rate used for today's translation, with its quality. */
  usdKrw: { rate: string; date: string; quality: string; provider: string } | null;
}

export async function displayCurrencyOf(db: PrismaClient, userId: string): Promise<Currency> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { displayCurrency: true },
  });
  if (!user) throw new DomainError('NOT_FOUND', 'User not found.', { userId });
  return user.displayCurrency as Currency;
}

export async function valueUser(
  db: PrismaClient,
  userId: string,
  options: { asOf: string; accountId?: string; liveQuote?: LiveQuoteLookup },
): Promise<UserValuation> {
  const displayCurrency = await displayCurrencyOf(db, userId);
  const repo = createPortfolioRepo(db);
  const accounts = options.accountId
    ? [await repo.getAccount(userId, options.accountId)]
    : await repo.listAccounts(userId);
  const result = await valueAccounts(db, [{ userId, displayCurrency, accounts }], options);
  return result.get(userId)!;
}

/** Valuations of many users (each with its accounts) with one query per kind of data. */
export async function valueAccounts(
  db: PrismaClient,
  users: readonly { userId: string; displayCurrency: Currency; accounts: AccountRecord[] }[],
  options: { asOf: string; liveQuote?: LiveQuoteLookup; fx?: LoadedFx },
): Promise<Map<string, UserValuation>> {
  const ledgers = await ledgersOf(
    db,
    users.flatMap((u) => u.accounts.map((a) => a.id)),
  );
  let fx = options.fx;
  if (!fx) {
    let firstDate = options.asOf;
    for (const ledger of ledgers.values()) {
      if (ledger[0] && ledger[0].tradeDate < firstDate) firstDate = ledger[0].tradeDate;
    }
    await ensureFxRates(db, firstDate, options.asOf);
    fx = await loadFx(db, firstDate, options.asOf);
  }
  const replayed = users.map((user) =>
    user.accounts.map((account) => ({
      id: account.id,
      currency: account.baseCurrency,
      ledger: applyLedger(ledgers.get(account.id) ?? [], {
        allowNegativeCash: true,
        reportingCurrencies: [account.baseCurrency, user.displayCurrency],
        fx: fx.lookup,
      }),
    })),
  );
  const holdingCurrency = new Map<string, Currency>();
  for (const accounts of replayed) {
    for (const account of accounts) {
      for (const h of account.ledger.holdings) {
        if (!h.quantity.isZero()) holdingCurrency.set(h.symbol, h.currency);
      }
    }
  }
  const prices = await latestPrices(db, [...holdingCurrency.keys()], {
    asOf: options.asOf,
    liveQuote: options.liveQuote,
    currencyOf: (symbol) => currencyOfSymbol(symbol, holdingCurrency.get(symbol)!),
  });
  // A price in another currency than the position (a mis-entered ledger) would make
  // valuePortfolio reject the whole portfolio; such a position is shown unpriced instead.
  const usable = new Map<string, PriceQuote>();
  for (const [symbol, price] of prices) {
    if (price.currency === holdingCurrency.get(symbol)) usable.set(symbol, price);
  }
  const row = fxRowFor(fx.rows, 'USD', 'KRW', options.asOf);
  const usdKrw = row
    ? { rate: row.rate, date: row.date, quality: row.quality, provider: row.provider }
    : null;
  const result = new Map<string, UserValuation>();
  users.forEach((user, i) => {
    const accounts = replayed[i]!;
    result.set(user.userId, {
      asOf: options.asOf,
      displayCurrency: user.displayCurrency,
      accounts: user.accounts,
      valuation: valuePortfolio({
        accounts,
        prices: usable,
        fx: fx.lookup,
        asOf: options.asOf,
        displayCurrency: user.displayCurrency,
        includeClosed: true,
      }),
      prices,
      cash: new Map(accounts.map((a) => [a.id, a.ledger.cash])),
      fx,
      usdKrw,
    });
  });
  return result;
}

/**
 * Ledgers of many accounts in replay order, as exact strings, in one raw query: the replay needs
 * only these columns, and for thousands of accounts a typed ORM read costs more than the replay.
 */
async function ledgersOf(
  db: PrismaClient,
  accountIds: readonly string[],
): Promise<Map<string, LedgerTransaction[]>> {
  const result = new Map<string, LedgerTransaction[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return result;
  const rows = await db.$queryRawUnsafe<
    (Omit<LedgerTransaction, 'tradeDate'> & { accountId: string; tradeDate: Date })[]
  >(
    `SELECT "accountId", id, type, "tradeDate", sequence, currency, symbol,
       quantity::text, price::text, amount::text, fees::text, taxes::text,
       "splitRatio"::text, "costPrice"::text
     FROM "Transaction" WHERE "accountId" = ANY($1::text[])
     ORDER BY "accountId", "tradeDate", sequence, "createdAt"`,
    [...accountIds],
  );
  for (const row of rows) {
    const { accountId, tradeDate, ...tx } = row;
    result.get(accountId)!.push({ ...tx, tradeDate: tradeDate.toISOString().slice(0, 10) });
  }
  return result;
}
