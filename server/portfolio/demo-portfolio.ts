/**
 * The demo user's starting portfolio: a KRW brokerage account with Korean large caps and a USD
 * account with US large caps and SPY, traded from January 2022 on. Every trade is on a real
 * session at that day's real close from the shipped demo history (never a simulated bar), with
 * the costs a Korean retail investor pays: brokerage fees, the KRX securities transaction tax on
 * sells (0.23% in 2022 → 0.15% from 2025) and withholding tax on dividends (15.4% KR, 15% US).
 * Dividends per share are the companies' declared regular amounts, paid on held shares.
 *
 * Idempotent: an account is created with its whole ledger in one transaction, and an account of
 * the same name already present is left alone, so seeding twice adds nothing.
 */
import type { Bar, BarRange, Currency } from '@/server/market-data/types';
import { createDemoProvider, demoDataInfo } from '@/server/market-data/providers/demo';
import { addDays } from './calc-dates';
import { createLedgerService, validateTransaction } from './ledger-service';
import { PortfolioDecimal } from './money';
import {
  createPortfolioRepo,
  inPortfolioTransaction,
  type AccountKind,
  type PortfolioDb,
  type TransactionWrite,
} from './repo';
import type { TransactionType } from './types';
import Decimal from 'decimal.js';

type Step =
  | { date: string; type: 'deposit'; amount: string }
  | { date: string; type: 'buy' | 'sell'; symbol: string; quantity: number }
  | { date: string; type: 'dividend'; symbol: string; perShare: string };

interface DemoAccountPlan {
  name: string;
  kind: AccountKind;
  currency: Currency;
  steps: Step[];
}

const deposit = (date: string, amount: string): Step => ({ date, type: 'deposit', amount });
const buy = (date: string, symbol: string, quantity: number): Step => ({
  date,
  type: 'buy',
  symbol,
  quantity,
});
const sell = (date: string, symbol: string, quantity: number): Step => ({
  date,
  type: 'sell',
  symbol,
  quantity,
});
const dividends = (symbol: string, perShare: string, dates: string[]): Step[] =>
  dates.map((date) => ({ date, type: 'dividend', symbol, perShare }));

const SAMSUNG = '005930.KS';
const HYNIX = '000660.KS';
const NAVER = '035420.KS';
const KAKAO = '035720.KS';

export const DEMO_ACCOUNT_NAMES = { KRW: '국내주식 (KRW)', USD: 'US stocks (USD)' } as const;

const krwPlan: DemoAccountPlan = {
  name: DEMO_ACCOUNT_NAMES.KRW,
  kind: 'brokerage',
  currency: 'KRW',
  steps: [
    deposit('2022-01-04', '60000000'),
    buy('2022-01-05', SAMSUNG, 120),
    buy('2022-01-05', HYNIX, 40),
    buy('2022-01-06', NAVER, 15),
    buy('2022-01-06', KAKAO, 50),
    deposit('2022-07-01', '5000000'),
    buy('2022-07-04', SAMSUNG, 30),
    sell('2023-03-15', KAKAO, 20),
    buy('2023-06-01', HYNIX, 20),
    deposit('2024-01-02', '5000000'),
    buy('2024-02-01', NAVER, 10),
    sell('2024-07-10', HYNIX, 25),
    deposit('2025-01-02', '5000000'),
    buy('2025-03-04', SAMSUNG, 50),
    sell('2025-09-15', SAMSUNG, 40),
    deposit('2026-01-02', '3000000'),
    buy('2026-02-02', KAKAO, 30),
    // Samsung Electronics: ₩361 per quarter (regular dividend policy 2021–2026).
    ...dividends(SAMSUNG, '361', [
      '2022-04-15',
      '2022-05-17',
      '2022-08-16',
      '2022-11-16',
      '2023-04-14',
      '2023-05-17',
      '2023-08-16',
      '2023-11-20',
      '2024-04-19',
      '2024-05-20',
      '2024-08-20',
      '2024-11-20',
      '2025-04-17',
      '2025-05-20',
      '2025-08-20',
      '2025-11-20',
      '2026-04-17',
    ]),
    // SK hynix: annual ₩1,200 regular dividend paid in April.
    ...dividends(HYNIX, '1200', ['2022-04-20', '2023-04-19', '2024-04-19', '2025-04-18']),
    // NAVER and Kakao: small annual dividends.
    ...dividends(NAVER, '511', ['2022-04-20']),
    ...dividends(NAVER, '914', ['2023-04-20']),
    ...dividends(NAVER, '1102', ['2024-04-19', '2025-04-18']),
    ...dividends(KAKAO, '53', ['2022-04-25']),
    ...dividends(KAKAO, '60', ['2023-04-25']),
    ...dividends(KAKAO, '61', ['2024-04-25']),
    ...dividends(KAKAO, '68', ['2025-04-25']),
  ],
};

const usdPlan: DemoAccountPlan = {
  name: DEMO_ACCOUNT_NAMES.USD,
  kind: 'brokerage',
  currency: 'USD',
  steps: [
    deposit('2022-01-03', '50000'),
    buy('2022-01-04', 'AAPL', 60),
    buy('2022-01-04', 'MSFT', 25),
    buy('2022-01-04', 'NVDA', 150),
    buy('2022-01-05', 'AMZN', 40),
    buy('2022-01-05', 'SPY', 30),
    deposit('2022-10-03', '5000'),
    buy('2022-10-04', 'SPY', 10),
    deposit('2023-06-01', '5000'),
    buy('2023-06-02', 'MSFT', 10),
    sell('2024-03-07', 'NVDA', 60),
    buy('2024-06-03', 'AAPL', 20),
    buy('2025-04-08', 'NVDA', 30),
    sell('2025-08-01', 'AAPL', 30),
    deposit('2026-03-02', '3000'),
    buy('2026-03-03', 'AMZN', 10),
    ...dividends('AAPL', '0.22', ['2022-02-10']),
    ...dividends('AAPL', '0.23', ['2022-05-12', '2022-08-11', '2022-11-10', '2023-02-16']),
    ...dividends('AAPL', '0.24', ['2023-05-18', '2023-08-17', '2023-11-16', '2024-02-15']),
    ...dividends('AAPL', '0.25', ['2024-05-16', '2024-08-15', '2024-11-14', '2025-02-13']),
    ...dividends('AAPL', '0.26', ['2025-05-15', '2025-08-14', '2025-11-13', '2026-02-12']),
    ...dividends('MSFT', '0.62', ['2022-03-10', '2022-06-09', '2022-09-08', '2022-12-08']),
    ...dividends('MSFT', '0.68', ['2023-03-09', '2023-06-08', '2023-09-14', '2023-12-14']),
    ...dividends('MSFT', '0.75', ['2024-03-14', '2024-06-13', '2024-09-12', '2024-12-12']),
    ...dividends('MSFT', '0.83', ['2025-03-13', '2025-06-12', '2025-09-11', '2025-12-11']),
    ...dividends('SPY', '1.37', ['2022-01-31']),
    ...dividends('SPY', '1.58', ['2022-04-29', '2022-07-29', '2022-10-31', '2023-01-31']),
    ...dividends('SPY', '1.64', ['2023-04-28', '2023-07-31', '2023-10-31', '2024-01-31']),
    ...dividends('SPY', '1.76', ['2024-04-30', '2024-07-31', '2024-10-31', '2025-01-31']),
    ...dividends('SPY', '1.74', ['2025-04-30', '2025-07-31', '2025-10-31', '2026-01-30']),
  ],
};

/** KRX securities transaction tax (incl. the rural development tax) on KOSPI sells, by year. */
function krxSellTaxRate(date: string): string {
  if (date < '2023-01-01') return '0.0023';
  if (date < '2024-01-01') return '0.0020';
  if (date < '2025-01-01') return '0.0018';
  return '0.0015';
}

const costs = {
  KRW: { feeRate: '0.00015', dividendTax: '0.154', places: 0 },
  USD: { feeRate: '0.0007', dividendTax: '0.15', places: 2 },
} as const;

export type DailyBarsReader = (symbol: string, range: BarRange) => Promise<Bar[]>;

/** Real (not simulated) bars from the shipped demo history. */
function shippedRealBars(): DailyBarsReader {
  const provider = createDemoProvider();
  return async (symbol, range) => {
    const realUntil = demoDataInfo(symbol)?.realUntil;
    if (!realUntil) return [];
    const to = range.to && range.to < realUntil ? range.to : realUntil;
    return provider.dailyBars(symbol, { from: range.from, to });
  };
}

/** The plan as ledger rows: trades on the first session on or after each planned date. */
async function buildLedger(
  plan: DemoAccountPlan,
  readBars: DailyBarsReader,
): Promise<TransactionWrite[]> {
  const { feeRate, dividendTax, places } = costs[plan.currency];
  const money = (value: Decimal) => value.toDecimalPlaces(places, Decimal.ROUND_DOWN);
  const symbols = [...new Set(plan.steps.flatMap((s) => ('symbol' in s ? [s.symbol] : [])))];
  const bars = new Map<string, Bar[]>();
  for (const symbol of symbols) bars.set(symbol, await readBars(symbol, { from: '2021-12-01' }));

  const held = new Map<string, number>();
  const rows: TransactionWrite[] = [];
  const steps = [...plan.steps].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const step of steps) {
    if (step.type === 'deposit') {
      rows.push({
        type: 'deposit',
        tradeDate: step.date,
        currency: plan.currency,
        amount: step.amount,
      });
      continue;
    }
    const series = bars.get(step.symbol) ?? [];
    const bar = series.find((b) => b.date >= step.date && b.date <= addDays(step.date, 10));
    if (!bar) continue; // beyond the shipped real history: not part of the demo
    const shares = held.get(step.symbol) ?? 0;
    if (step.type === 'dividend') {
      if (shares === 0) continue;
      const gross = money(new PortfolioDecimal(step.perShare).times(shares));
      const tax = money(gross.times(dividendTax));
      rows.push({
        type: 'dividend',
        tradeDate: bar.date,
        currency: plan.currency,
        symbol: step.symbol,
        amount: gross.toFixed(),
        taxes: tax.toFixed(),
        note: `${step.perShare} per share`,
      });
      continue;
    }
    const price = new PortfolioDecimal(String(bar.close)).toDecimalPlaces(places === 0 ? 0 : 4);
    const gross = price.times(step.quantity);
    const fees = money(gross.times(feeRate));
    const taxes =
      step.type === 'sell' && plan.currency === 'KRW'
        ? money(gross.times(krxSellTaxRate(bar.date)))
        : new PortfolioDecimal(0);
    held.set(step.symbol, shares + (step.type === 'buy' ? step.quantity : -step.quantity));
    rows.push({
      type: step.type as TransactionType,
      tradeDate: bar.date,
      currency: plan.currency,
      symbol: step.symbol,
      quantity: String(step.quantity),
      price: price.toFixed(),
      fees: fees.toFixed(),
      taxes: taxes.toFixed(),
    });
  }
  // Same-day order as planned (deposits first), then validated like any user entry.
  const seq = new Map<string, number>();
  return rows.map((row) => {
    const sequence = seq.get(row.tradeDate) ?? 0;
    seq.set(row.tradeDate, sequence + 1);
    const checked = validateTransaction(row, { baseCurrency: plan.currency, now: new Date() });
    if (!checked.ok) {
      const issue = checked.issues[0]!;
      throw new Error(
        `demo portfolio ${row.tradeDate} ${row.type}: ${issue.field} ${issue.message}`,
      );
    }
    return { ...checked.value, sequence };
  });
}

export interface DemoSeedResult {
  /** Accounts created by this call (empty when the demo portfolio already existed). */
  created: { accountId: string; name: string; transactions: number; fromDate: string }[];
  skipped: string[];
}

/**
 * Creates the demo accounts the user does not have yet. `readBars` defaults to the shipped real
 * history. Callers that run snapshot jobs send `portfolio/transaction.changed` for each created
 * account (from its `fromDate`) so its history is backfilled.
 */
export async function seedDemoPortfolio(
  db: PortfolioDb,
  userId: string,
  options: { readBars?: DailyBarsReader } = {},
): Promise<DemoSeedResult> {
  const readBars = options.readBars ?? shippedRealBars();
  const existing = new Set((await createPortfolioRepo(db).listAccounts(userId)).map((a) => a.name));
  const result: DemoSeedResult = { created: [], skipped: [] };
  for (const plan of [krwPlan, usdPlan]) {
    if (existing.has(plan.name)) {
      result.skipped.push(plan.name);
      continue;
    }
    const ledger = await buildLedger(plan, readBars);
    if (ledger.length === 0) continue;
    try {
      const account = await inPortfolioTransaction(db, async (tx) => {
        const created = await tx.createAccount(userId, {
          name: plan.name,
          kind: plan.kind,
          baseCurrency: plan.currency,
          allowNegativeCash: false,
        });
        await createLedgerService({ db: tx.db }).writeLedger(created, (inner) =>
          inner.insertTransactions(created.id, ledger),
        );
        return created;
      });
      result.created.push({
        accountId: account.id,
        name: plan.name,
        transactions: ledger.length,
        fromDate: ledger[0]!.tradeDate,
      });
    } catch (error) {
      // Seeded concurrently by another process: its account stands.
      if ((error as { code?: string }).code === 'CONFLICT') result.skipped.push(plan.name);
      else throw error;
    }
  }
  return result;
}
