/**
 * `npm run bench:alerts [-- --rules 10000 --symbols 500 --users 1000 --json]`: how alert
 * evaluation cost scales, on PostgreSQL (a scratch database on BENCH_DATABASE_URL /
 * TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/test, dropped afterwards).
 *
 * Data: `--symbols` symbols with 300 daily bars and a quote each; `--users` users, each with one
 * account holding 10 of the symbols (so the built-in holding rules apply) and their share of
 * `--rules` user rules spread over the symbols — price thresholds, day changes, volume spikes,
 * RSI levels, golden crosses and strategy signals.
 * Timed:
 * - one symbol moves: `evaluateSymbols([s])` for 50 symbols in turn (what a debounced price
 *   event costs), with the rules it touched;
 * - the minute sweep: every symbol, in batches of 200 (what a market-wide sweep costs);
 * - the same sweep after every price jumps 6%, so many rules cross and notifications are
 *   written (insert cost included).
 * `--json` prints one JSON line.
 */
import { parseArgs } from 'node:util';
import { createScratchDatabase } from './bench/scratch-database';
import { createAlertEvaluator } from '@/server/alerts/evaluator';
import { builtinRules } from '@/server/alerts/rules/defaults';
import { conditionParams } from '@/server/alerts/rule-rows';
import type { RuleCondition } from '@/server/alerts/rules/conditions';
import type { PrismaClient } from '@/server/generated/prisma/client';
import { logger } from '@/server/logger';
import { chunks } from '@/server/market-data/store/sql-batch';
import { addDays } from '@/server/portfolio/calc-dates';

const { values: args } = parseArgs({
  options: {
    rules: { type: 'string', default: '10000' },
    symbols: { type: 'string', default: '500' },
    users: { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false },
  },
});
const RULES = Number(args.rules);
const SYMBOLS = Number(args.symbols);
const USERS = Number(args.users);
for (const [name, value] of Object.entries({ rules: RULES, symbols: SYMBOLS, users: USERS })) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive whole number`);
    process.exit(2);
  }
}
const TODAY = '2026-11-20';
const BARS = 300;
const log = (...parts: unknown[]) => {
  if (!args.json) console.log(...parts);
};

/** Deterministic pseudo-random numbers (the same data every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const symbols = Array.from({ length: SYMBOLS }, (_, i) => `B${String(i).padStart(4, '0')}`);

async function seed(db: PrismaClient) {
  const random = rng(42);
  const lastClose = new Map<string, number>();
  // Bars and quotes.
  const barRows: Record<string, unknown>[] = [];
  for (const symbol of symbols) {
    let price = 20 + random() * 300;
    for (let d = BARS; d >= 1; d--) {
      const open = price;
      price = Math.max(1, price * (1 + (random() - 0.5) * 0.04));
      barRows.push({
        symbol,
        date: addDays(TODAY, -d),
        open,
        high: Math.max(open, price) * 1.01,
        low: Math.min(open, price) * 0.99,
        close: price,
        volume: Math.round(1e5 + random() * 1e6),
      });
    }
    lastClose.set(symbol, price);
  }
  for (const batch of chunks(barRows, 5_000)) {
    await db.$executeRawUnsafe(
      `INSERT INTO "DailyBar" (symbol, date, open, high, low, close, volume, provider, quality)
       SELECT symbol, date::date, open, high, low, close, volume::bigint, 'bench', 'real'
       FROM json_to_recordset($1::json) AS b(symbol text, date text, open numeric,
         high numeric, low numeric, close numeric, volume numeric)`,
      JSON.stringify(batch),
    );
  }
  await setQuotes(
    db,
    (symbol) => lastClose.get(symbol)! * (1 + (random() - 0.5) * 0.02),
    lastClose,
  );

  // Users, accounts, holdings, built-in rules.
  const userRows = Array.from({ length: USERS }, (_, i) => ({ id: `u${i}`, email: `u${i}@bench` }));
  await db.$executeRawUnsafe(
    `INSERT INTO "User" (id, email, "updatedAt") SELECT id, email, now()
     FROM json_to_recordset($1::json) AS u(id text, email text)`,
    JSON.stringify(userRows),
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Account" (id, "userId", name, kind, "baseCurrency", "updatedAt")
     SELECT 'a' || substr(id, 2), id, 'Main', 'brokerage', 'USD', now()
     FROM json_to_recordset($1::json) AS u(id text)`,
    JSON.stringify(userRows),
  );
  const holdings: Record<string, unknown>[] = [];
  for (let u = 0; u < USERS; u++) {
    for (let h = 0; h < 10; h++) {
      const symbol = symbols[(u * 7 + h * 31) % SYMBOLS]!;
      holdings.push({ accountId: `a${u}`, symbol, averageCost: lastClose.get(symbol)! * 0.9 });
    }
  }
  for (const batch of chunks(holdings, 5_000)) {
    await db.$executeRawUnsafe(
      `INSERT INTO "Holding" ("accountId", symbol, currency, quantity, "averageCost", "costBasis",
         "realizedPnl", dividends, fees, taxes, "firstTradeAt", "updatedAt")
       SELECT "accountId", symbol, 'USD', 10, "averageCost", "averageCost" * 10, 0, 0, 0, 0,
         '2026-01-02', now()
       FROM json_to_recordset($1::json) AS h("accountId" text, symbol text, "averageCost" numeric)
       ON CONFLICT DO NOTHING`,
      JSON.stringify(batch),
    );
  }
  const ruleRows: Record<string, unknown>[] = [];
  for (let u = 0; u < USERS; u++) {
    for (const rule of builtinRules()) {
      ruleRows.push({
        id: `b${u}-${rule.key}`,
        userId: `u${u}`,
        builtinKey: rule.key,
        kind: rule.condition.kind,
        symbol: null,
        params: conditionParams(rule.condition),
        severity: rule.severity,
        cooldown: rule.cooldownMinutes,
      });
    }
  }
  for (let r = 0; r < RULES; r++) {
    const symbol = symbols[r % SYMBOLS]!;
    const close = lastClose.get(symbol)!;
    const pick = random();
    const condition: RuleCondition =
      pick < 0.3
        ? { kind: 'price-above', price: (close * 1.03).toFixed(2) }
        : pick < 0.5
          ? { kind: 'price-below', price: (close * 0.97).toFixed(2) }
          : pick < 0.65
            ? { kind: 'day-change', percent: 5, direction: 'either' }
            : pick < 0.75
              ? { kind: 'volume-spike', multiple: 2, lookback: 20 }
              : pick < 0.85
                ? { kind: 'rsi-above', level: 70, period: 14 }
                : pick < 0.93
                  ? { kind: 'golden-cross', fast: 20, slow: 60, average: 'sma' }
                  : { kind: 'strategy-signal', strategy: 'sma-cross', action: 'BUY' };
    ruleRows.push({
      id: `r${r}`,
      userId: `u${r % USERS}`,
      builtinKey: null,
      kind: condition.kind,
      symbol,
      params: conditionParams(condition),
      severity: 'info',
      cooldown: 60,
    });
  }
  for (const batch of chunks(ruleRows, 5_000)) {
    await db.$executeRawUnsafe(
      `INSERT INTO "AlertRule" (id, "userId", "builtinKey", kind, symbol, params, severity,
         "cooldownMinutes", "updatedAt")
       SELECT id, "userId", "builtinKey", kind, symbol, params, severity, cooldown, now()
       FROM json_to_recordset($1::json) AS r(id text, "userId" text, "builtinKey" text,
         kind text, symbol text, params jsonb, severity text, cooldown int)`,
      JSON.stringify(batch),
    );
  }
  await db.$executeRawUnsafe('ANALYZE');
  return lastClose;
}

async function setQuotes(
  db: PrismaClient,
  priceOf: (symbol: string) => number,
  previous: Map<string, number>,
) {
  const rows = symbols.map((symbol) => {
    const price = priceOf(symbol);
    return { symbol, price, previous: previous.get(symbol)!, volume: 500_000 };
  });
  await db.$executeRawUnsafe(
    `INSERT INTO "Quote" (symbol, currency, price, open, high, low, "previousClose", volume,
       "tradingDay", "asOf", provider, "updatedAt")
     SELECT symbol, 'USD', price, previous, greatest(price, previous), least(price, previous),
       previous, volume::bigint, $2::date, now(), 'bench', now()
     FROM json_to_recordset($1::json) AS q(symbol text, price numeric, previous numeric,
       volume numeric)
     ON CONFLICT (symbol) DO UPDATE SET price = excluded.price, high = excluded.high,
       low = excluded.low, volume = excluded.volume, "asOf" = excluded."asOf"`,
    JSON.stringify(rows),
    TODAY,
  );
}

async function main() {
  const scratch = await createScratchDatabase();
  const db = scratch.handle.prisma;
  try {
    log(`Seeding ${RULES} rules on ${SYMBOLS} symbols for ${USERS} users on ${scratch.label}…`);
    const t0 = performance.now();
    const lastClose = await seed(db);
    log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    let announced = 0;
    const evaluator = createAlertEvaluator({
      db,
      notifications: {
        async announce(rows) {
          announced += rows.length;
        },
      },
      log: logger,
      now: () => Date.parse(`${TODAY}T15:00:00Z`),
    });

    // Warm up (connections, plans).
    await evaluator.evaluateSymbols(symbols.slice(0, 5));

    const single: { ms: number; rules: number }[] = [];
    for (const symbol of symbols.slice(5, 55)) {
      const start = performance.now();
      const outcome = await evaluator.evaluateSymbols([symbol]);
      single.push({ ms: performance.now() - start, rules: outcome.evaluated });
    }
    const singleMs = single.map((s) => s.ms).sort((a, b) => a - b);
    const perSymbol = {
      medianMs: singleMs[Math.floor(singleMs.length / 2)]!,
      p95Ms: singleMs[Math.floor(singleMs.length * 0.95)]!,
      meanEvaluated: single.reduce((sum, s) => sum + s.rules, 0) / single.length,
    };
    log(
      `One symbol moves: median ${perSymbol.medianMs.toFixed(1)} ms, p95 ${perSymbol.p95Ms.toFixed(1)} ms,` +
        ` ${perSymbol.meanEvaluated.toFixed(0)} rule evaluations each`,
    );

    const sweep = async () => {
      const start = performance.now();
      let evaluated = 0;
      let fired = 0;
      for (let i = 0; i < symbols.length; i += 200) {
        const outcome = await evaluator.evaluateSymbols(symbols.slice(i, i + 200));
        evaluated += outcome.evaluated;
        fired += outcome.fired;
      }
      return { ms: performance.now() - start, evaluated, fired };
    };
    const quiet = await sweep();
    log(
      `Sweep (no new crossings): ${quiet.ms.toFixed(0)} ms for ${quiet.evaluated} evaluations ` +
        `(${((quiet.ms / quiet.evaluated) * 1000).toFixed(1)} µs each), ${quiet.fired} fired`,
    );
    await setQuotes(db, (symbol) => lastClose.get(symbol)! * 1.06, lastClose);
    const busy = await sweep();
    log(
      `Sweep after a 6% jump: ${busy.ms.toFixed(0)} ms for ${busy.evaluated} evaluations, ` +
        `${busy.fired} notifications written`,
    );
    const again = await sweep();
    log(
      `Sweep again (conditions hold, nothing new): ${again.ms.toFixed(0)} ms, ${again.fired} fired`,
    );
    const result = {
      rules: RULES,
      symbols: SYMBOLS,
      users: USERS,
      perSymbol,
      sweep: { quietMs: quiet.ms, busyMs: busy.ms, againMs: again.ms, evaluated: quiet.evaluated },
      fired: busy.fired,
      announced,
    };
    if (args.json) console.log(JSON.stringify(result));
  } finally {
    await scratch.dispose();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
