/**
 * One date's snapshot of every account (or of some users), set-based: per batch of users the
 * accounts, cached holdings, cash, external flows and prices are one query each, the rows one
 * multi-row upsert. It values the cached (current) holdings, so it serves today's date (close and
 * refresh jobs); an account with transactions dated after that date is left to the backfill
 * (./snapshots-store.ts `backfillAccountSnapshots`).
 */
import type Decimal from 'decimal.js';
import type { PrismaClient } from '@/server/generated/prisma/client';
import { currencyOfSymbol, latestPrices, type LiveQuoteLookup } from './analytics-prices';
import { addDays } from './calc-dates';
import { ensureFxRates, loadFx } from './fx-rates';
import { ZERO, toDecimal } from './money';
import { rateOn, type SnapshotValues } from './snapshots';
import { upsertAccountSnapshots, upsertTotalSnapshots } from './snapshots-store';
import type { Currency } from './types';

const day = (value: Date) => value.toISOString().slice(0, 10);

export interface SnapshotAllResult {
  date: string;
  users: number;
  accounts: number;
  accountRows: number;
  totalRows: number;
  /** Accounts with transactions after `date` (left to the backfill). */
  skippedAccounts: number;
  /** Users whose totals were written (for realtime notifications). */
  userIds: string[];
}

/**
 * Today's snapshot of every account (or of `userIds`) valued at the latest prices on or before
 * `date` (live quote → stored quote → close), with the users' totals. Batches of users keep
 * memory bounded; each batch is a handful of queries whatever its size.
 */
export async function snapshotAllAccounts(
  db: PrismaClient,
  options: {
    date: string;
    liveQuote?: LiveQuoteLookup;
    userIds?: readonly string[];
    usersPerBatch?: number;
    onBatch?: (done: number) => void;
  },
): Promise<SnapshotAllResult> {
  const { date } = options;
  const perBatch = options.usersPerBatch ?? 1_000;
  const result: SnapshotAllResult = {
    date,
    users: 0,
    accounts: 0,
    accountRows: 0,
    totalRows: 0,
    skippedAccounts: 0,
    userIds: [],
  };
  // Flows are converted at their own dates: load every rate since the first transaction once.
  const [first] = await db.$queryRawUnsafe<{ first: Date | null }[]>(
    `SELECT min("tradeDate") AS first FROM "Transaction"`,
  );
  const firstDate = first?.first ? day(first.first) : date;
  const fxFrom = firstDate < date ? firstDate : addDays(date, -14);
  await ensureFxRates(db, fxFrom, date);
  const fx = await loadFx(db, fxFrom, date);
  let afterId = '';
  for (;;) {
    const users = await db.$queryRawUnsafe<{ id: string; displayCurrency: string }[]>(
      `SELECT u.id, u."displayCurrency" FROM "User" u
       WHERE u.id > $1 AND ($3::text[] IS NULL OR u.id = ANY($3::text[]))
         AND EXISTS (SELECT 1 FROM "Account" a WHERE a."userId" = u.id)
       ORDER BY u.id LIMIT $2`,
      afterId,
      perBatch,
      options.userIds ? [...options.userIds] : null,
    );
    if (users.length === 0) break;
    afterId = users.at(-1)!.id;
    const userIds = users.map((u) => u.id);
    const accounts = await db.$queryRawUnsafe<
      { id: string; userId: string; baseCurrency: string; lastTrade: Date | null }[]
    >(
      `SELECT a.id, a."userId", a."baseCurrency",
         (SELECT max(t."tradeDate") FROM "Transaction" t WHERE t."accountId" = a.id) AS "lastTrade"
       FROM "Account" a WHERE a."userId" = ANY($1::text[])`,
      userIds,
    );
    const accountIds = accounts.map((a) => a.id);
    const [holdings, cash, flows] = await Promise.all([
      db.$queryRawUnsafe<
        { accountId: string; symbol: string; currency: string; quantity: string; cost: string }[]
      >(
        `SELECT "accountId", symbol, currency, quantity::text, "costBasis"::text AS cost
         FROM "Holding"
         WHERE "accountId" = ANY($1::text[]) AND quantity <> 0`,
        accountIds,
      ),
      db.$queryRawUnsafe<{ accountId: string; currency: string; balance: string }[]>(
        `SELECT "accountId", currency, balance::text FROM "AccountCash"
         WHERE "accountId" = ANY($1::text[]) AND balance <> 0`,
        accountIds,
      ),
      // External flows (./types.ts): cash amounts, or securities at quantity × price.
      db.$queryRawUnsafe<
        { accountId: string; tradeDate: Date; currency: string; inflow: string; outflow: string }[]
      >(
        `SELECT "accountId", "tradeDate", currency,
           sum(CASE WHEN type IN ('deposit', 'transfer_in')
             THEN CASE WHEN symbol IS NULL THEN amount ELSE quantity * price END ELSE 0 END)::text
             AS inflow,
           sum(CASE WHEN type IN ('withdrawal', 'transfer_out')
             THEN CASE WHEN symbol IS NULL THEN amount ELSE quantity * price END ELSE 0 END)::text
             AS outflow
         FROM "Transaction"
         WHERE "accountId" = ANY($1::text[]) AND "tradeDate" <= $2::date
           AND type IN ('deposit', 'withdrawal', 'transfer_in', 'transfer_out')
         GROUP BY "accountId", "tradeDate", currency ORDER BY "tradeDate"`,
        accountIds,
        date,
      ),
    ]);
    // One date for every holding and balance: look each currency pair up once.
    const todayRates = new Map<string, Decimal>();
    const lookup: typeof fx.lookup = (from, to, on) => {
      if (on !== date) return fx.lookup(from, to, on);
      const key = `${from}${to}`;
      let rate = todayRates.get(key);
      if (rate === undefined) {
        rate = fx.lookup(from, to, on);
        if (rate !== undefined) todayRates.set(key, rate);
      }
      return rate;
    };
    const holdingCurrency = new Map(holdings.map((h) => [h.symbol, h.currency as Currency]));
    const prices = await latestPrices(db, [...holdingCurrency.keys()], {
      asOf: date,
      liveQuote: options.liveQuote,
      currencyOf: (symbol) => currencyOfSymbol(symbol, holdingCurrency.get(symbol)!),
    });

    const rowsByAccount = new Map<string, SnapshotValues>();
    const skipped = new Set<string>();
    for (const account of accounts) {
      if (account.lastTrade !== null && day(account.lastTrade) > date) {
        skipped.add(account.userId);
        result.skippedAccounts++;
        continue;
      }
      rowsByAccount.set(account.id, {
        date,
        currency: account.baseCurrency as Currency,
        value: ZERO,
        cash: ZERO,
        marketValue: ZERO,
        invested: ZERO,
        inflow: ZERO,
        outflow: ZERO,
      });
    }
    // Parsed once per symbol, not once per holding.
    const priceOf = new Map<string, Decimal>();
    for (const [symbol, price] of prices) {
      if (price.currency === holdingCurrency.get(symbol))
        priceOf.set(symbol, toDecimal(price.price));
    }
    for (const h of holdings) {
      const row = rowsByAccount.get(h.accountId);
      if (!row) continue;
      const price = priceOf.get(h.symbol);
      // Without any price a position counts at cost, as in valuePortfolio (no fake loss).
      const local = price ? toDecimal(h.quantity).times(price) : toDecimal(h.cost);
      row.marketValue = row.marketValue.plus(
        local.times(rateOn(lookup, h.currency as Currency, row.currency, date)),
      );
    }
    for (const c of cash) {
      const row = rowsByAccount.get(c.accountId);
      if (!row) continue;
      row.cash = row.cash.plus(
        toDecimal(c.balance).times(rateOn(lookup, c.currency as Currency, row.currency, date)),
      );
    }
    const accountUser = new Map(accounts.map((a) => [a.id, a.userId]));
    const display = new Map(users.map((u) => [u.id, u.displayCurrency as Currency]));
    const totals = new Map<string, SnapshotValues>();
    const totalOf = (userId: string) => {
      let total = totals.get(userId);
      if (!total) {
        total = {
          date,
          currency: display.get(userId)!,
          value: ZERO,
          cash: ZERO,
          marketValue: ZERO,
          invested: ZERO,
          inflow: ZERO,
          outflow: ZERO,
        };
        totals.set(userId, total);
      }
      return total;
    };
    for (const f of flows) {
      const row = rowsByAccount.get(f.accountId);
      if (!row) continue;
      const flowDate = day(f.tradeDate);
      const currency = f.currency as Currency;
      const inflow = toDecimal(f.inflow);
      const outflow = toDecimal(f.outflow);
      const rate = rateOn(lookup, currency, row.currency, flowDate);
      const userId = accountUser.get(f.accountId)!;
      const total = totalOf(userId);
      const displayRate = rateOn(lookup, currency, total.currency, flowDate);
      row.invested = row.invested.plus(inflow.minus(outflow).times(rate));
      total.invested = total.invested.plus(inflow.minus(outflow).times(displayRate));
      if (flowDate === date) {
        row.inflow = row.inflow.plus(inflow.times(rate));
        row.outflow = row.outflow.plus(outflow.times(rate));
        total.inflow = total.inflow.plus(inflow.times(displayRate));
        total.outflow = total.outflow.plus(outflow.times(displayRate));
      }
    }
    const accountRows: (SnapshotValues & { accountId: string })[] = [];
    for (const [accountId, row] of rowsByAccount) {
      row.value = row.cash.plus(row.marketValue);
      accountRows.push({ ...row, accountId });
      const userId = accountUser.get(accountId)!;
      const total = totalOf(userId);
      const rate = rateOn(lookup, row.currency, total.currency, date);
      total.value = total.value.plus(row.value.times(rate));
      total.cash = total.cash.plus(row.cash.times(rate));
      total.marketValue = total.marketValue.plus(row.marketValue.times(rate));
    }
    const totalRows = [...totals]
      .filter(([userId]) => !skipped.has(userId))
      .map(([userId, total]) => ({ ...total, userId }));
    await db.$transaction(
      async (tx) => {
        result.accountRows += await upsertAccountSnapshots(tx, accountRows);
        result.totalRows += await upsertTotalSnapshots(tx, totalRows);
      },
      { timeout: 120_000 },
    );
    result.users += users.length;
    result.accounts += accounts.length;
    result.userIds.push(...totalRows.map((t) => t.userId));
    options.onBatch?.(result.users);
    if (users.length < perBatch) break;
  }
  return result;
}
