/**
 * Daily portfolio snapshots, computed in memory (pure; the SQL is in ./snapshots-store.ts).
 *
 * Calendar: one snapshot per **calendar day** from the account's first trade date. Prices carry
 * the last close forward over weekends and holidays (and a KRX holiday in an account that also
 * holds US stocks just carries KRX closes), so accounts of mixed markets share one timeline,
 * XIRR flows sit on their actual dates, and the daily-chained TTWROR is unaffected by the flat
 * days (they contribute r = 0). Volatility of this series is annualised with √365 for that reason.
 *
 * Amounts are in the account's base currency (per account) or the user's display currency
 * (totals), each converted at that day's rate; flows at their own date's rate, and `invested` is
 * the running sum of converted net flows (deposits and transfers in, less withdrawals and
 * transfers out) — the same convention as `valuePortfolio`'s netContributions.
 */
import type Decimal from 'decimal.js';
import { DomainError } from '@/server/errors';
import { createPositionWalker } from './analytics-positions';
import { closeCursor, type CloseSeries } from './analytics-prices';
import { addDays } from './calc-dates';
import type { FxLookup } from './calc-fx';
import { ZERO, toDecimal } from './money';
import type { Currency, LedgerTransaction } from './types';

export interface SnapshotValues {
  date: string;
  currency: Currency;
  value: Decimal;
  cash: Decimal;
  marketValue: Decimal;
  invested: Decimal;
  inflow: Decimal;
  outflow: Decimal;
}

export function rateOn(fx: FxLookup, from: Currency, to: Currency, date: string): Decimal {
  const rate = fx(from, to, date);
  if (rate === undefined) {
    throw new DomainError('INVALID', `no ${from}→${to} exchange rate for ${date}`, {
      from,
      to,
      date,
    });
  }
  return rate;
}

/**
 * One row per calendar day from max(from, first trade date) to `to`. Positions come from the
 * ledger; a holding's price is its last close on or before the day (series from `closeSeries`),
 * or its last trade price while no close exists yet.
 */
export function computeAccountSnapshots(input: {
  currency: Currency;
  transactions: readonly LedgerTransaction[];
  closes: ReadonlyMap<string, CloseSeries>;
  fx: FxLookup;
  from: string;
  to: string;
}): SnapshotValues[] {
  const walker = createPositionWalker(input.transactions);
  if (walker.firstDate === null) return [];
  const start = input.from > walker.firstDate ? input.from : walker.firstDate;
  if (start > input.to) return [];
  const base = input.currency;
  let invested = ZERO;
  const convertFlows = (date: string, flows: ReturnType<typeof walker.advanceTo>) => {
    let inflow = ZERO;
    let outflow = ZERO;
    for (const flow of flows) {
      const rate = rateOn(input.fx, flow.currency, base, flow.date);
      invested = invested.plus(flow.inflow.minus(flow.outflow).times(rate));
      if (flow.date === date) {
        inflow = inflow.plus(flow.inflow.times(rate));
        outflow = outflow.plus(flow.outflow.times(rate));
      }
    }
    return { inflow, outflow };
  };
  convertFlows('', walker.advanceTo(addDays(start, -1)));

  const cursors = new Map<string, ReturnType<typeof closeCursor>>();
  const rows: SnapshotValues[] = [];
  for (let date = start; date <= input.to; date = addDays(date, 1)) {
    const { inflow, outflow } = convertFlows(date, walker.advanceTo(date));
    let cash = ZERO;
    for (const [currency, balance] of walker.cash()) {
      if (!balance.isZero())
        cash = cash.plus(balance.times(rateOn(input.fx, currency, base, date)));
    }
    let marketValue = ZERO;
    for (const holding of walker.holdings()) {
      let cursor = cursors.get(holding.symbol);
      if (!cursor)
        cursors.set(holding.symbol, (cursor = closeCursor(input.closes.get(holding.symbol))));
      const close = cursor(date);
      const price = close !== null ? toDecimal(close) : walker.lastTradePrice(holding.symbol);
      if (!price) continue;
      const rate = rateOn(input.fx, holding.currency, base, date);
      marketValue = marketValue.plus(holding.quantity.times(price).times(rate));
    }
    rows.push({
      date,
      currency: base,
      value: cash.plus(marketValue),
      cash,
      marketValue,
      invested,
      inflow,
      outflow,
    });
  }
  return rows;
}

/**
 * Totals per date over a user's accounts in the display currency: every amount of each account
 * row is converted at that date's rate, except `invested`, which accumulates the converted daily
 * net flows on top of `investedBefore` (the total's invested on the day before the first date).
 */
export function computeTotalSnapshots(input: {
  displayCurrency: Currency;
  accountRows: readonly Omit<SnapshotValues, 'invested'>[];
  fx: FxLookup;
  investedBefore?: Decimal;
}): SnapshotValues[] {
  const byDate = new Map<string, SnapshotValues>();
  const to = input.displayCurrency;
  for (const row of input.accountRows) {
    const rate = rateOn(input.fx, row.currency, to, row.date);
    let total = byDate.get(row.date);
    if (!total) {
      total = {
        date: row.date,
        currency: to,
        value: ZERO,
        cash: ZERO,
        marketValue: ZERO,
        invested: ZERO,
        inflow: ZERO,
        outflow: ZERO,
      };
      byDate.set(row.date, total);
    }
    total.value = total.value.plus(row.value.times(rate));
    total.cash = total.cash.plus(row.cash.times(rate));
    total.marketValue = total.marketValue.plus(row.marketValue.times(rate));
    total.inflow = total.inflow.plus(row.inflow.times(rate));
    total.outflow = total.outflow.plus(row.outflow.times(rate));
  }
  const totals = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  let invested = input.investedBefore ?? ZERO;
  for (const total of totals) {
    invested = invested.plus(total.inflow).minus(total.outflow);
    total.invested = invested;
  }
  return totals;
}
