/**
 * `npm run bench:portfolio [-- --accounts 10000 --holdings 20 --json]`: how long recomputing every
 * portfolio takes on PostgreSQL. Creates a scratch database on the server at BENCH_DATABASE_URL /
 * TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test), bulk-inserts users with
 * one account each (KRW or USD based), 20 holdings per account drawn from 100 KRX- and 100
 * US-style symbols with a year of daily closes and a current quote, 2–3 trades per holding plus
 * deposits in both currencies, and the holdings/cash caches. Then it times:
 * - valuation: the hourly refresh — every account valued at the latest prices (quotes) from its
 *   cached holdings and cash, in its own and its owner's display currency, written as today's
 *   snapshot rows with the user totals (set-based, batches of 1,000 users);
 * - snapshots: the close job — one day's snapshot of every account and user at that day's closes;
 * - replay: every user's dashboard summary from scratch (each ledger replayed with historical FX
 *   and valued with `valuePortfolio`), for comparison; `--no-replay` skips it.
 * The scratch database is dropped afterwards. `--json` prints one JSON line.
 */
import { parseArgs } from 'node:util';
import { createScratchDatabase } from './bench/scratch-database';
import type { PrismaClient } from '@/server/generated/prisma/client';
import { chunks } from '@/server/market-data/store/sql-batch';
import { valueAccounts } from '@/server/portfolio/analytics-valuation';
import { addDays } from '@/server/portfolio/calc-dates';
import { ensureFxRates, loadFx } from '@/server/portfolio/fx-rates';
import { applyLedger } from '@/server/portfolio/ledger';
import type { AccountRecord } from '@/server/portfolio/repo';
import { snapshotAllAccounts } from '@/server/portfolio/snapshots-all';
import type { Currency, LedgerTransaction } from '@/server/portfolio/types';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    holdings: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
    'no-replay': { type: 'boolean', default: false },
  },
});
const ACCOUNTS = Number(args.accounts);
const HOLDINGS = Number(args.holdings);
const SYMBOLS_PER_MARKET = 100;
if (!Number.isInteger(ACCOUNTS) || ACCOUNTS < 1) fail('--accounts must be a positive whole number');
if (!Number.isInteger(HOLDINGS) || HOLDINGS < 2 || HOLDINGS > 2 * SYMBOLS_PER_MARKET) {
  fail(`--holdings must be a whole number from 2 to ${2 * SYMBOLS_PER_MARKET}`);
}
/** Last close date; the quotes are for the next session (TODAY). */
const END = '2026-11-19';
const TODAY = '2026-11-20';
const START = addDays(END, -365);
const USERS_PER_BATCH = 1_000;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const say = (message: string) => {
  if (!args.json) console.log(message);
};

let seed = 7;
const random = () => {
  seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
  return seed / 2 ** 32;
};

const krSymbols = Array.from(
  { length: SYMBOLS_PER_MARKET },
  (_, i) => `9${String(i).padStart(5, '0')}.KS`,
);
const usSymbols = Array.from({ length: SYMBOLS_PER_MARKET }, (_, i) => `ZB${i}`);
const basePrice = new Map<string, number>([
  ...krSymbols.map((s, i): [string, number] => [s, 10_000 + i * 1_000]),
  ...usSymbols.map((s, i): [string, number] => [s, 20 + i * 3]),
]);

/** The close the SQL generator below writes for a symbol on a date (to trade near the market). */
function priceOn(symbol: string, date: string, currency: Currency): string {
  const days = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  const value = basePrice.get(symbol)! * (1 + 0.1 * Math.sin(days / 17));
  return currency === 'KRW' ? Math.round(value).toString() : value.toFixed(2);
}

async function main() {
  const scratch = await createScratchDatabase();
  const { handle } = scratch;
  try {
    say(`PostgreSQL ${scratch.label}`);
    const setupStart = performance.now();
    const counts = await seedData(handle.prisma);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    say(
      `seeded ${ACCOUNTS} accounts, ${counts.holdings} holdings, ${counts.transactions} ` +
        `transactions, ${counts.bars} daily bars in ${setupSeconds.toFixed(1)} s`,
    );

    const valuationStart = performance.now();
    const valuation = await snapshotAllAccounts(handle.prisma, { date: TODAY });
    const valuationSeconds = (performance.now() - valuationStart) / 1000;
    say(
      `valuation (hourly refresh): ${valuation.accounts} accounts, ${counts.holdings} holdings ` +
        `at latest quotes → ${valuation.accountRows + valuation.totalRows} rows in ` +
        `${valuationSeconds.toFixed(2)} s = ${Math.round(valuation.accounts / valuationSeconds)} ` +
        `accounts/s, ${Math.round(counts.holdings / valuationSeconds)} holdings/s`,
    );

    const snapStart = performance.now();
    const snapshots = await snapshotAllAccounts(handle.prisma, { date: END });
    const snapSeconds = (performance.now() - snapStart) / 1000;
    const rows = snapshots.accountRows + snapshots.totalRows;
    say(
      `snapshots (close job): ${snapshots.accountRows} account + ${snapshots.totalRows} total ` +
        `rows for ${END} in ${snapSeconds.toFixed(2)} s = ${Math.round(rows / snapSeconds)} rows/s`,
    );

    const replay = args['no-replay'] ? null : await timeReplay(handle.prisma);
    if (replay) {
      say(
        `replay (dashboard summary for everyone): ${ACCOUNTS} ledgers (${counts.transactions} ` +
          `transactions) in ${replay.seconds.toFixed(2)} s = ` +
          `${Math.round(ACCOUNTS / replay.seconds)} accounts/s`,
      );
    }
    if (args.json) {
      console.log(
        JSON.stringify({
          database: 'postgres',
          accounts: ACCOUNTS,
          holdings: counts.holdings,
          transactions: counts.transactions,
          setupSeconds: round(setupSeconds),
          valuation: {
            seconds: round(valuationSeconds),
            rows: valuation.accountRows + valuation.totalRows,
            accountsPerSecond: Math.round(valuation.accounts / valuationSeconds),
            holdingsPerSecond: Math.round(counts.holdings / valuationSeconds),
          },
          snapshots: {
            seconds: round(snapSeconds),
            accountRows: snapshots.accountRows,
            totalRows: snapshots.totalRows,
            rowsPerSecond: Math.round(rows / snapSeconds),
          },
          replay: replay && {
            seconds: round(replay.seconds),
            accountsPerSecond: Math.round(ACCOUNTS / replay.seconds),
            transactionsPerSecond: Math.round(counts.transactions / replay.seconds),
          },
        }),
      );
    }
  } finally {
    await scratch.dispose();
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

async function seedData(db: PrismaClient) {
  // A year of weekday closes for every symbol, generated inside PostgreSQL.
  const bars = await db.$executeRawUnsafe(
    `INSERT INTO "DailyBar" (symbol, date, open, high, low, close, volume, provider, quality)
     SELECT s.symbol, d::date, p.close, p.close, p.close, p.close, 1000, 'demo', 'real'
     FROM json_to_recordset($1::json) AS s(symbol text, base numeric, decimals int)
     CROSS JOIN generate_series($2::date, $3::date, interval '1 day') AS d
     CROSS JOIN LATERAL (SELECT round(s.base * (1 + 0.1 * sin(
       (extract(epoch FROM d) / 86400 / 17)::double precision))::numeric, s.decimals) AS close) p
     WHERE extract(isodow FROM d) < 6`,
    JSON.stringify(
      [...basePrice].map(([symbol, base]) => ({
        symbol,
        base,
        decimals: symbol.endsWith('.KS') ? 0 : 2,
      })),
    ),
    START,
    END,
  );
  // Today's quotes: 1% above the last close, which is their previous close.
  await db.$executeRawUnsafe(
    `INSERT INTO "Quote" (symbol, currency, price, "previousClose", "tradingDay", "asOf", provider,
       "updatedAt")
     SELECT symbol, CASE WHEN symbol LIKE '%.KS' THEN 'KRW' ELSE 'USD' END,
       round(close * 1.01, 2), close, $2::date, now(), 'demo', now()
     FROM "DailyBar" WHERE date = $1::date`,
    END,
    TODAY,
  );
  await ensureFxRates(db, START, TODAY);
  const fx = (await loadFx(db, START, TODAY)).lookup;

  const users = Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: `bu${String(i).padStart(6, '0')}`,
    email: `bench${i}@example.com`,
    displayCurrency: i % 2 === 0 ? 'KRW' : 'USD',
  }));
  for (const batch of chunks(users)) {
    await db.$executeRawUnsafe(
      `INSERT INTO "User" (id, email, "displayCurrency", "updatedAt")
       SELECT id, email, "displayCurrency", now()
       FROM json_to_recordset($1::json) AS x(id text, email text, "displayCurrency" text)`,
      JSON.stringify(batch),
    );
  }
  const accounts = users.map((user, i) => ({
    id: `ba${String(i).padStart(6, '0')}`,
    userId: user.id,
    baseCurrency: (i % 3 === 0 ? 'USD' : 'KRW') as Currency,
  }));
  for (const batch of chunks(accounts)) {
    await db.$executeRawUnsafe(
      `INSERT INTO "Account" (id, "userId", name, kind, "baseCurrency", "updatedAt")
       SELECT id, "userId", 'Bench', 'brokerage', "baseCurrency", now()
       FROM json_to_recordset($1::json) AS x(id text, "userId" text, "baseCurrency" text)`,
      JSON.stringify(batch),
    );
  }

  let transactions = 0;
  let holdingsCount = 0;
  let txRows: Record<string, unknown>[] = [];
  let holdingRows: Record<string, unknown>[] = [];
  let cashRows: Record<string, unknown>[] = [];
  const flush = async (force = false) => {
    if (txRows.length >= 20_000 || force) {
      for (const batch of chunks(txRows)) {
        await db.$executeRawUnsafe(
          `INSERT INTO "Transaction" (id, "accountId", type, "tradeDate", sequence, symbol,
             quantity, price, amount, currency, "updatedAt")
           SELECT id, "accountId", type, "tradeDate", sequence, symbol, quantity, price, amount,
             currency, now()
           FROM json_to_recordset($1::json) AS x(id text, "accountId" text, type text,
             "tradeDate" date, sequence int, symbol text, quantity numeric, price numeric,
             amount numeric, currency text)`,
          JSON.stringify(batch),
        );
      }
      txRows = [];
    }
    if (holdingRows.length >= 20_000 || force) {
      for (const batch of chunks(holdingRows)) {
        await db.$executeRawUnsafe(
          `INSERT INTO "Holding" ("accountId", symbol, currency, quantity, "averageCost",
             "costBasis", "realizedPnl", dividends, fees, taxes, "firstTradeAt", "updatedAt")
           SELECT "accountId", symbol, currency, quantity, "averageCost", "costBasis",
             "realizedPnl", 0, 0, 0, "firstTradeAt", now()
           FROM json_to_recordset($1::json) AS x("accountId" text, symbol text, currency text,
             quantity numeric, "averageCost" numeric, "costBasis" numeric, "realizedPnl" numeric,
             "firstTradeAt" date)`,
          JSON.stringify(batch),
        );
      }
      holdingRows = [];
    }
    if (cashRows.length >= 20_000 || force) {
      for (const batch of chunks(cashRows)) {
        await db.$executeRawUnsafe(
          `INSERT INTO "AccountCash" ("accountId", currency, balance, "updatedAt")
           SELECT "accountId", currency, balance, now()
           FROM json_to_recordset($1::json) AS x("accountId" text, currency text, balance numeric)`,
          JSON.stringify(batch),
        );
      }
      cashRows = [];
    }
  };

  for (const account of accounts) {
    const ledger: (LedgerTransaction & { sequence: number })[] = [];
    const add = (tx: Omit<LedgerTransaction, 'id' | 'sequence'>) => {
      ledger.push({ ...tx, id: `${account.id}-${ledger.length}`, sequence: ledger.length });
    };
    add({ type: 'deposit', tradeDate: START, currency: 'KRW', amount: '2000000000' });
    add({ type: 'deposit', tradeDate: START, currency: 'USD', amount: '2000000' });
    const picked = new Set<string>();
    while (picked.size < HOLDINGS) {
      const pool = picked.size % 2 === 0 ? krSymbols : usSymbols;
      picked.add(pool[Math.floor(random() * pool.length)]!);
    }
    for (const symbol of picked) {
      const currency: Currency = symbol.endsWith('.KS') ? 'KRW' : 'USD';
      const first = addDays(START, 1 + Math.floor(random() * 150));
      const second = addDays(first, 1 + Math.floor(random() * 100));
      const quantity = 10 + Math.floor(random() * 90);
      add({
        type: 'buy',
        tradeDate: first,
        currency,
        symbol,
        quantity: String(quantity),
        price: priceOn(symbol, first, currency),
      });
      add({
        type: 'buy',
        tradeDate: second,
        currency,
        symbol,
        quantity: '10',
        price: priceOn(symbol, second, currency),
      });
      if (random() < 0.4) {
        const third = addDays(second, 1 + Math.floor(random() * 90));
        add({
          type: 'sell',
          tradeDate: third,
          currency,
          symbol,
          quantity: '5',
          price: priceOn(symbol, third, currency),
        });
      }
    }
    const result = applyLedger(ledger, { fx });
    for (const tx of ledger) {
      txRows.push({
        id: tx.id,
        accountId: account.id,
        type: tx.type,
        tradeDate: tx.tradeDate,
        sequence: tx.sequence,
        symbol: tx.symbol ?? null,
        quantity: tx.quantity ?? null,
        price: tx.price ?? null,
        amount: tx.amount ?? null,
        currency: tx.currency,
      });
    }
    transactions += ledger.length;
    for (const h of result.holdings) {
      holdingRows.push({
        accountId: account.id,
        symbol: h.symbol,
        currency: h.currency,
        quantity: h.quantity.toFixed(),
        averageCost: h.averageCost.toDecimalPlaces(10).toFixed(),
        costBasis: h.costBasis.toDecimalPlaces(4).toFixed(),
        realizedPnl: h.realizedPnl.toDecimalPlaces(4).toFixed(),
        firstTradeAt: h.firstTradeDate,
      });
    }
    holdingsCount += result.holdings.length;
    for (const [currency, balance] of Object.entries(result.cash)) {
      cashRows.push({
        accountId: account.id,
        currency,
        balance: balance!.toDecimalPlaces(4).toFixed(),
      });
    }
    await flush();
  }
  await flush(true);
  await db.$executeRawUnsafe('ANALYZE');
  return { bars, transactions, holdings: holdingsCount };
}

/** Every user's summary from scratch, batches of users: one query per kind of data per batch. */
async function timeReplay(db: PrismaClient) {
  const start = performance.now();
  const fx = await loadFx(db, START, TODAY);
  let holdings = 0;
  let afterId = '';
  for (;;) {
    const rows = await db.$queryRawUnsafe<
      (Omit<AccountRecord, 'kind' | 'baseCurrency'> & {
        kind: string;
        baseCurrency: Currency;
        displayCurrency: Currency;
      })[]
    >(
      `SELECT a.*, u."displayCurrency" FROM "Account" a JOIN "User" u ON u.id = a."userId"
       WHERE u.id IN (SELECT id FROM "User" WHERE id > $1 ORDER BY id LIMIT $2)
       ORDER BY a."userId", a."createdAt"`,
      afterId,
      USERS_PER_BATCH,
    );
    if (rows.length === 0) break;
    afterId = rows.at(-1)!.userId;
    const byUser = new Map<
      string,
      { userId: string; displayCurrency: Currency; accounts: AccountRecord[] }
    >();
    for (const row of rows) {
      const { displayCurrency, ...account } = row;
      let user = byUser.get(row.userId);
      if (!user)
        byUser.set(row.userId, (user = { userId: row.userId, displayCurrency, accounts: [] }));
      user.accounts.push(account as AccountRecord);
    }
    const valued = await valueAccounts(db, [...byUser.values()], { asOf: TODAY, fx });
    for (const v of valued.values()) {
      for (const a of v.valuation.accounts) {
        holdings += a.holdings.filter((h) => h.priced).length;
        if (a.unpricedSymbols.length > 0) throw new Error(`unpriced: ${a.unpricedSymbols.join()}`);
      }
    }
  }
  return { seconds: (performance.now() - start) / 1000, holdings };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
