/**
 * Replays a transaction ledger into holdings, cash and external flows. The ledger is the source of
 * truth: editing or deleting a past transaction means replaying the whole list, which is a single
 * linear pass (plus one sort) over mutable per-symbol state, cheap enough to run per account on
 * every change.
 *
 * Conventions:
 * - Cost method: **weighted average cost** (이동평균법, the Korean brokerage convention). A buy adds
 *   quantity × price to the cost basis; a sell removes cost basis × sold / held, and realized P&L is
 *   proceeds − that cost. Fees and taxes are kept apart (never in cost or realized P&L) so that
 *   valuation can show them broken out: net gain = unrealized + realized + dividends − fees − taxes.
 * - Order: trade date, then `sequence`, then input order.
 * - Oversells are rejected at the transaction. Cash is checked at the end of each trade date (a
 *   deposit recorded after a same-day buy is fine); `allowNegativeCash` (margin, unrecorded
 *   deposits) disables the check.
 * - Splits multiply quantity by the ratio; cost basis (value) is unchanged, so per-share cost falls.
 * - `reportingCurrencies` + `fx`: amounts are also accumulated in those currencies at each
 *   transaction date's rate, which is what valuation needs to separate the currency effect.
 */
import type Decimal from 'decimal.js';
import { DomainError } from '@/server/errors';
import { toDayNumber } from './calc-dates';
import type { FxLookup } from './calc-fx';
import { ONE, ZERO, toDecimal, type CurrencyAmounts, type DecimalInput } from './money';
import {
  currencies,
  type AccountAmounts,
  type ConvertedHoldingAmounts,
  type Currency,
  type DailyFlow,
  type Holding,
  type HoldingDailyFlow,
  type LedgerTransaction,
} from './types';

// Trade dates repeat across accounts; validating each distinct string once keeps replays cheap.
const validatedDates = new Set<string>();

const knownCurrencies: ReadonlySet<string> = new Set(currencies);

export interface LedgerOptions {
  /** Default false: a trade date ending with negative cash in any currency is rejected. */
  allowNegativeCash?: boolean;
  /** Currencies to also accumulate amounts in, at historical rates (needs `fx`). */
  reportingCurrencies?: readonly Currency[];
  fx?: FxLookup;
}

export interface LedgerResult {
  /** Every symbol ever held, closed positions (quantity 0) included, sorted by symbol. */
  holdings: Holding[];
  /** Cash balance per currency (a currency appears once any transaction used it). */
  cash: CurrencyAmounts;
  account: {
    /** Interest, unattributed fees/taxes and external flows per currency. */
    byCurrency: Partial<Record<Currency, AccountAmounts>>;
    /** The same summed over all currencies at historical rates, per reporting currency. */
    converted: Partial<Record<Currency, AccountAmounts>>;
  };
  /** External flows per date and currency (portfolio TTWROR inputs), sorted by date. */
  dailyFlows: DailyFlow[];
  /** Holding-level flows per date and symbol, sorted by date then symbol. */
  holdingFlows: HoldingDailyFlow[];
  transactionCount: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** a + b, skipping the allocation when b is zero (most fees/taxes/flows are). */
function addNonZero(a: Decimal, b: Decimal): Decimal {
  return b.isZero() ? a : a.isZero() ? b : a.plus(b);
}

const newConverted = (): ConvertedHoldingAmounts => ({
  costBasis: ZERO,
  realizedPnl: ZERO,
  realizedPriceEffect: ZERO,
  dividends: ZERO,
  fees: ZERO,
  taxes: ZERO,
});

const newAccountAmounts = (): AccountAmounts => ({
  interest: ZERO,
  fees: ZERO,
  taxes: ZERO,
  inflow: ZERO,
  outflow: ZERO,
});

type AccountField = keyof AccountAmounts;

function describe(tx: LedgerTransaction): string {
  return `Transaction ${tx.id} (${tx.tradeDate} ${tx.type}${tx.symbol ? ` ${tx.symbol}` : ''})`;
}

function decimalField(tx: LedgerTransaction, field: string, raw: DecimalInput): Decimal {
  try {
    return toDecimal(raw, field);
  } catch {
    return fail(tx, `${field} must be a finite number, got ${String(raw)}`, { field });
  }
}

function fail(
  tx: LedgerTransaction,
  message: string,
  details: Record<string, unknown> = {},
): never {
  throw new DomainError('INVALID', `${describe(tx)}: ${message}`, {
    transactionId: tx.id,
    tradeDate: tx.tradeDate,
    type: tx.type,
    symbol: tx.symbol ?? null,
    ...details,
  });
}

/** Sorted copy: trade date, then sequence, then input order (Array.prototype.sort is stable). */
export function orderTransactions<T extends LedgerTransaction>(transactions: readonly T[]): T[] {
  return [...transactions].sort((a, b) =>
    a.tradeDate < b.tradeDate
      ? -1
      : a.tradeDate > b.tradeDate
        ? 1
        : (a.sequence ?? 0) - (b.sequence ?? 0),
  );
}

export function applyLedger(
  transactions: readonly LedgerTransaction[],
  options: LedgerOptions = {},
): LedgerResult {
  const allowNegativeCash = options.allowNegativeCash ?? false;
  const reporting = [...new Set(options.reportingCurrencies ?? [])];
  const fx = options.fx;

  const holdings = new Map<string, Holding>();
  const cash: CurrencyAmounts = {};
  const byCurrency: Partial<Record<Currency, AccountAmounts>> = {};
  const converted: Partial<Record<Currency, AccountAmounts>> = {};
  for (const r of reporting) converted[r] = newAccountAmounts();
  const dailyFlows: DailyFlow[] = [];
  const holdingFlows: HoldingDailyFlow[] = [];

  // Per-day state, flushed when the date changes.
  let day: string | null = null;
  const dayFlows = new Map<Currency, DailyFlow>();
  const dayHoldingFlows = new Map<string, HoldingDailyFlow>();
  const dayRates = new Map<string, Decimal>();
  // The transaction that took each currency's cash below zero (cleared when it recovers).
  const cashOffender = new Map<Currency, LedgerTransaction>();

  const rate = (tx: LedgerTransaction, to: Currency): Decimal => {
    if (tx.currency === to) return ONE;
    const key = `${tx.currency}${to}`;
    let value = dayRates.get(key);
    if (value === undefined) {
      const found = fx?.(tx.currency, to, tx.tradeDate);
      if (found === undefined) {
        fail(tx, `no ${tx.currency}→${to} exchange rate for ${tx.tradeDate}`, {
          from: tx.currency,
          to,
        });
      }
      value = toDecimal(found, 'fx rate');
      dayRates.set(key, value);
    }
    return value;
  };

  const moveCash = (tx: LedgerTransaction, delta: Decimal) => {
    if (delta.isZero()) return;
    const before = cash[tx.currency] ?? ZERO;
    const after = before.plus(delta);
    cash[tx.currency] = after;
    if (allowNegativeCash) return;
    if (after.isNegative()) {
      if (!before.isNegative()) cashOffender.set(tx.currency, tx);
    } else cashOffender.delete(tx.currency);
  };

  const addAccount = (tx: LedgerTransaction, field: AccountField, value: Decimal) => {
    if (value.isZero()) return;
    const own = (byCurrency[tx.currency] ??= newAccountAmounts());
    own[field] = own[field].plus(value);
    for (const r of reporting) {
      const target = converted[r]!;
      target[field] = target[field].plus(value.times(rate(tx, r)));
    }
  };

  const addFlow = (tx: LedgerTransaction, inflow: Decimal, outflow: Decimal) => {
    let flow = dayFlows.get(tx.currency);
    if (!flow) {
      flow = { date: tx.tradeDate, currency: tx.currency, inflow: ZERO, outflow: ZERO };
      dayFlows.set(tx.currency, flow);
    }
    flow.inflow = addNonZero(flow.inflow, inflow);
    flow.outflow = addNonZero(flow.outflow, outflow);
  };

  const addHoldingFlow = (holding: Holding, date: string, inflow: Decimal, outflow: Decimal) => {
    let flow = dayHoldingFlows.get(holding.symbol);
    if (!flow) {
      flow = {
        date,
        symbol: holding.symbol,
        currency: holding.currency,
        inflow: ZERO,
        outflow: ZERO,
      };
      dayHoldingFlows.set(holding.symbol, flow);
    }
    flow.inflow = addNonZero(flow.inflow, inflow);
    flow.outflow = addNonZero(flow.outflow, outflow);
  };

  const endDay = () => {
    if (day === null) return;
    for (const [currency, tx] of cashOffender) {
      fail(
        tx,
        `cash in ${currency} would be ${cash[currency]!.toString()} at the end of ${day}; ` +
          'record the deposit first or allow negative cash for this account',
        { currency, balance: cash[currency]!.toString() },
      );
    }
    if (dayFlows.size > 0) {
      const flows = [...dayFlows.values()];
      if (flows.length > 1) flows.sort((a, b) => (a.currency < b.currency ? -1 : 1));
      for (const flow of flows) dailyFlows.push(flow);
    }
    if (dayHoldingFlows.size > 0) {
      const flows = [...dayHoldingFlows.values()];
      if (flows.length > 1) flows.sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
      for (const flow of flows) holdingFlows.push(flow);
    }
    dayFlows.clear();
    dayHoldingFlows.clear();
    if (dayRates.size > 0) dayRates.clear();
  };

  const holdingFor = (tx: LedgerTransaction, create: boolean): Holding => {
    const symbol = tx.symbol;
    if (!symbol) fail(tx, 'symbol is required', { field: 'symbol' });
    let holding = holdings.get(symbol);
    if (!holding) {
      if (!create) fail(tx, `${symbol} has never been held in this account before this date`);
      holding = {
        symbol,
        currency: tx.currency,
        quantity: ZERO,
        averageCost: ZERO,
        costBasis: ZERO,
        realizedPnl: ZERO,
        dividends: ZERO,
        fees: ZERO,
        taxes: ZERO,
        firstTradeDate: tx.tradeDate,
        lastTradeDate: tx.tradeDate,
        converted: {},
      };
      for (const r of reporting) if (r !== tx.currency) holding.converted[r] = newConverted();
      holdings.set(symbol, holding);
    } else if (holding.currency !== tx.currency) {
      fail(tx, `currency ${tx.currency} differs from the holding's currency ${holding.currency}`, {
        field: 'currency',
      });
    }
    holding.lastTradeDate = tx.tradeDate;
    return holding;
  };

  const required = (
    tx: LedgerTransaction,
    field: 'quantity' | 'price' | 'amount' | 'splitRatio',
  ) => {
    const raw = tx[field];
    if (raw === null || raw === undefined) fail(tx, `${field} is required`, { field });
    const value = decimalField(tx, field, raw);
    if (value.isNegative()) fail(tx, `${field} must not be negative`, { field });
    if ((field === 'quantity' || field === 'splitRatio') && value.isZero()) {
      fail(tx, `${field} must be greater than zero`, { field });
    }
    return value;
  };

  const optional = (tx: LedgerTransaction, field: 'fees' | 'taxes' | 'costPrice') => {
    const raw = tx[field];
    if (raw === null || raw === undefined) return ZERO;
    const value = decimalField(tx, field, raw);
    if (value.isNegative()) fail(tx, `${field} must not be negative`, { field });
    return value;
  };

  /** Adds fees/taxes (and dividends) to a holding, locally and at historical rates. */
  const addHoldingCosts = (
    tx: LedgerTransaction,
    holding: Holding,
    fees: Decimal,
    taxes: Decimal,
  ) => {
    const hasFees = !fees.isZero();
    const hasTaxes = !taxes.isZero();
    if (hasFees) holding.fees = holding.fees.plus(fees);
    if (hasTaxes) holding.taxes = holding.taxes.plus(taxes);
    if (!hasFees && !hasTaxes) return;
    for (const r of reporting) {
      const c = holding.converted[r];
      if (!c) continue;
      const x = rate(tx, r);
      if (hasFees) c.fees = c.fees.plus(fees.times(x));
      if (hasTaxes) c.taxes = c.taxes.plus(taxes.times(x));
    }
  };

  /** Removes `quantity` at average cost; returns the local cost removed. */
  const removeShares = (tx: LedgerTransaction, holding: Holding, quantity: Decimal) => {
    if (quantity.gt(holding.quantity)) {
      fail(
        tx,
        `cannot remove ${quantity.toString()} ${holding.symbol}: only ${holding.quantity.toString()} held`,
        { held: holding.quantity.toString(), quantity: quantity.toString() },
      );
    }
    const whole = quantity.eq(holding.quantity);
    const fraction = whole ? ONE : quantity.div(holding.quantity);
    const cost = whole
      ? holding.costBasis
      : holding.costBasis.times(quantity).div(holding.quantity);
    holding.costBasis = holding.costBasis.minus(cost);
    holding.quantity = holding.quantity.minus(quantity);
    const convertedCosts: Partial<Record<Currency, Decimal>> = {};
    for (const r of reporting) {
      const c = holding.converted[r];
      if (!c) continue;
      const removed = whole ? c.costBasis : c.costBasis.times(fraction);
      c.costBasis = c.costBasis.minus(removed);
      convertedCosts[r] = removed;
    }
    return { cost, convertedCosts };
  };

  const apply = (tx: LedgerTransaction) => {
    switch (tx.type) {
      case 'buy': {
        const holding = holdingFor(tx, true);
        const quantity = required(tx, 'quantity');
        const gross = quantity.times(required(tx, 'price'));
        const fees = optional(tx, 'fees');
        const taxes = optional(tx, 'taxes');
        holding.quantity = holding.quantity.plus(quantity);
        holding.costBasis = holding.costBasis.plus(gross);
        for (const r of reporting) {
          const c = holding.converted[r];
          if (c) c.costBasis = c.costBasis.plus(gross.times(rate(tx, r)));
        }
        addHoldingCosts(tx, holding, fees, taxes);
        const paid = addNonZero(addNonZero(gross, fees), taxes);
        moveCash(tx, paid.negated());
        addHoldingFlow(holding, tx.tradeDate, paid, ZERO);
        return;
      }
      case 'sell': {
        const holding = holdingFor(tx, false);
        const quantity = required(tx, 'quantity');
        const gross = quantity.times(required(tx, 'price'));
        const fees = optional(tx, 'fees');
        const taxes = optional(tx, 'taxes');
        const { cost, convertedCosts } = removeShares(tx, holding, quantity);
        const realized = gross.minus(cost);
        holding.realizedPnl = holding.realizedPnl.plus(realized);
        for (const r of reporting) {
          const c = holding.converted[r];
          if (!c) continue;
          const x = rate(tx, r);
          c.realizedPnl = c.realizedPnl.plus(gross.times(x)).minus(convertedCosts[r]!);
          c.realizedPriceEffect = c.realizedPriceEffect.plus(realized.times(x));
        }
        addHoldingCosts(tx, holding, fees, taxes);
        const received = addNonZero(addNonZero(gross, fees.negated()), taxes.negated());
        moveCash(tx, received);
        addHoldingFlow(holding, tx.tradeDate, ZERO, received);
        return;
      }
      case 'dividend': {
        const holding = holdingFor(tx, false);
        const amount = required(tx, 'amount');
        const fees = optional(tx, 'fees');
        const taxes = optional(tx, 'taxes');
        holding.dividends = holding.dividends.plus(amount);
        for (const r of reporting) {
          const c = holding.converted[r];
          if (c) c.dividends = c.dividends.plus(amount.times(rate(tx, r)));
        }
        addHoldingCosts(tx, holding, fees, taxes);
        const received = addNonZero(addNonZero(amount, fees.negated()), taxes.negated());
        moveCash(tx, received);
        addHoldingFlow(holding, tx.tradeDate, ZERO, received);
        return;
      }
      case 'interest': {
        const amount = required(tx, 'amount');
        const fees = optional(tx, 'fees');
        const taxes = optional(tx, 'taxes');
        addAccount(tx, 'interest', amount);
        addAccount(tx, 'fees', fees);
        addAccount(tx, 'taxes', taxes);
        moveCash(tx, amount.minus(fees).minus(taxes));
        return;
      }
      case 'fee':
      case 'tax': {
        const amount = required(tx, 'amount');
        if (tx.symbol) {
          const holding = holdingFor(tx, false);
          if (tx.type === 'fee') addHoldingCosts(tx, holding, amount, ZERO);
          else addHoldingCosts(tx, holding, ZERO, amount);
        } else addAccount(tx, tx.type === 'fee' ? 'fees' : 'taxes', amount);
        moveCash(tx, amount.negated());
        return;
      }
      case 'deposit':
      case 'withdrawal':
      case 'transfer_in':
      case 'transfer_out': {
        const incoming = tx.type === 'deposit' || tx.type === 'transfer_in';
        if (tx.symbol && (tx.type === 'transfer_in' || tx.type === 'transfer_out')) {
          transferSecurities(tx, incoming);
          return;
        }
        const amount = required(tx, 'amount');
        const fees = optional(tx, 'fees');
        addAccount(tx, incoming ? 'inflow' : 'outflow', amount);
        addAccount(tx, 'fees', fees);
        moveCash(tx, incoming ? amount.minus(fees) : amount.plus(fees).negated());
        if (incoming) addFlow(tx, amount, ZERO);
        else addFlow(tx, ZERO, amount);
        return;
      }
      case 'split': {
        const holding = holdingFor(tx, false);
        holding.quantity = holding.quantity.times(required(tx, 'splitRatio'));
        return;
      }
      default: {
        const unknown: never = tx.type;
        fail(tx, `unknown transaction type ${String(unknown)}`, { field: 'type' });
      }
    }
  };

  const transferSecurities = (tx: LedgerTransaction, incoming: boolean) => {
    const holding = holdingFor(tx, incoming);
    const quantity = required(tx, 'quantity');
    const value = quantity.times(required(tx, 'price'));
    const fees = optional(tx, 'fees');
    if (incoming) {
      const costPrice =
        tx.costPrice === null || tx.costPrice === undefined ? null : optional(tx, 'costPrice');
      const cost = costPrice ? quantity.times(costPrice) : value;
      holding.quantity = holding.quantity.plus(quantity);
      holding.costBasis = holding.costBasis.plus(cost);
      // The original purchase rate is unknown here: the transfer date's rate stands in for it.
      for (const r of reporting) {
        const c = holding.converted[r];
        if (c) c.costBasis = c.costBasis.plus(cost.times(rate(tx, r)));
      }
      addAccount(tx, 'inflow', value);
      addFlow(tx, value, ZERO);
      addHoldingFlow(holding, tx.tradeDate, value, ZERO);
    } else {
      removeShares(tx, holding, quantity);
      addAccount(tx, 'outflow', value);
      addFlow(tx, ZERO, value);
      addHoldingFlow(holding, tx.tradeDate, ZERO, value);
    }
    addHoldingCosts(tx, holding, fees, ZERO);
    moveCash(tx, fees.negated());
  };

  const ordered = orderTransactions(transactions);
  for (const tx of ordered) {
    if (tx.tradeDate !== day) {
      if (!validatedDates.has(tx.tradeDate)) {
        try {
          toDayNumber(tx.tradeDate, 'tradeDate');
        } catch {
          fail(tx, `tradeDate must be a calendar date YYYY-MM-DD`, { field: 'tradeDate' });
        }
        if (validatedDates.size > 100_000) validatedDates.clear();
        validatedDates.add(tx.tradeDate);
      }
      endDay();
      day = tx.tradeDate;
    }
    if (!knownCurrencies.has(tx.currency)) {
      fail(tx, `currency must be one of ${currencies.join(', ')}`, { field: 'currency' });
    }
    if (!Object.hasOwn(cash, tx.currency)) cash[tx.currency] = ZERO;
    apply(tx);
  }
  endDay();

  const result = [...holdings.values()].sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
  for (const holding of result) {
    holding.averageCost = holding.quantity.isZero()
      ? ZERO
      : holding.costBasis.div(holding.quantity);
  }
  return {
    holdings: result,
    cash,
    account: { byCurrency, converted },
    dailyFlows,
    holdingFlows,
    transactionCount: ordered.length,
    firstDate: ordered[0]?.tradeDate ?? null,
    lastDate: ordered.at(-1)?.tradeDate ?? null,
  };
}
