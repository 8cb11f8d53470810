/**
 * Positions by date for snapshot backfills: walks a (valid) ledger forward one day at a time,
 * keeping quantity per symbol, cash per currency and the external flows, in one linear pass.
 * `applyLedger` answers "what is held now" with cost bases and P&L; a daily history needs only
 * quantities, cash and flows on every day, which replaying the ledger for each day would make
 * quadratic. The effects follow the table in ./types.ts exactly (the unit test checks the final
 * state against `applyLedger`). Validation is the ledger's job: rows reaching here were accepted.
 */
import type Decimal from 'decimal.js';
import { orderTransactions } from './ledger';
import { ZERO, toDecimalOr } from './money';
import type { Currency, LedgerTransaction } from './types';

export interface PositionFlow {
  date: string;
  currency: Currency;
  inflow: Decimal;
  outflow: Decimal;
}

export interface PositionHolding {
  symbol: string;
  currency: Currency;
  quantity: Decimal;
}

export interface PositionWalker {
  /** Applies every transaction dated on or before `date`; returns the external flows applied. */
  advanceTo(date: string): PositionFlow[];
  holdings(): PositionHolding[];
  cash(): Map<Currency, Decimal>;
  /** Price of the symbol's latest trade so far (values a position before any close exists). */
  lastTradePrice(symbol: string): Decimal | undefined;
  /** First trade date, or null for an empty ledger. */
  firstDate: string | null;
}

export function createPositionWalker(transactions: readonly LedgerTransaction[]): PositionWalker {
  const ordered = orderTransactions(transactions);
  const quantities = new Map<string, PositionHolding>();
  const cash = new Map<Currency, Decimal>();
  const tradePrices = new Map<string, Decimal>();
  let next = 0;

  const num = (tx: LedgerTransaction, field: 'quantity' | 'price' | 'amount' | 'fees' | 'taxes') =>
    toDecimalOr(tx[field], field);
  const moveCash = (currency: Currency, delta: Decimal) => {
    if (!delta.isZero()) cash.set(currency, (cash.get(currency) ?? ZERO).plus(delta));
  };
  const moveShares = (tx: LedgerTransaction, delta: Decimal) => {
    const symbol = tx.symbol!;
    if (tx.price !== null && tx.price !== undefined) tradePrices.set(symbol, num(tx, 'price'));
    const held = quantities.get(symbol);
    if (held) held.quantity = held.quantity.plus(delta);
    else quantities.set(symbol, { symbol, currency: tx.currency, quantity: delta });
  };

  function apply(tx: LedgerTransaction): PositionFlow | null {
    const fees = num(tx, 'fees');
    const taxes = num(tx, 'taxes');
    const flow = (inflow: Decimal, outflow: Decimal): PositionFlow => ({
      date: tx.tradeDate,
      currency: tx.currency,
      inflow,
      outflow,
    });
    switch (tx.type) {
      case 'buy': {
        const quantity = num(tx, 'quantity');
        moveShares(tx, quantity);
        moveCash(tx.currency, quantity.times(num(tx, 'price')).plus(fees).plus(taxes).negated());
        return null;
      }
      case 'sell': {
        const quantity = num(tx, 'quantity');
        moveShares(tx, quantity.negated());
        moveCash(tx.currency, quantity.times(num(tx, 'price')).minus(fees).minus(taxes));
        return null;
      }
      case 'dividend':
      case 'interest':
        moveCash(tx.currency, num(tx, 'amount').minus(fees).minus(taxes));
        return null;
      case 'fee':
      case 'tax':
        moveCash(tx.currency, num(tx, 'amount').negated());
        return null;
      case 'split': {
        const held = tx.symbol ? quantities.get(tx.symbol) : undefined;
        if (held) held.quantity = held.quantity.times(toDecimalOr(tx.splitRatio, 'splitRatio'));
        return null;
      }
      case 'deposit':
      case 'withdrawal':
      case 'transfer_in':
      case 'transfer_out': {
        const incoming = tx.type === 'deposit' || tx.type === 'transfer_in';
        if (tx.symbol && (tx.type === 'transfer_in' || tx.type === 'transfer_out')) {
          // Securities move at their transfer-date market value; only fees touch cash.
          const quantity = num(tx, 'quantity');
          const value = quantity.times(num(tx, 'price'));
          moveShares(tx, incoming ? quantity : quantity.negated());
          moveCash(tx.currency, fees.negated());
          return incoming ? flow(value, ZERO) : flow(ZERO, value);
        }
        const amount = num(tx, 'amount');
        moveCash(tx.currency, incoming ? amount.minus(fees) : amount.plus(fees).negated());
        return incoming ? flow(amount, ZERO) : flow(ZERO, amount);
      }
    }
  }

  return {
    firstDate: ordered[0]?.tradeDate ?? null,
    advanceTo(date) {
      const flows: PositionFlow[] = [];
      while (next < ordered.length && ordered[next]!.tradeDate <= date) {
        const flow = apply(ordered[next]!);
        if (flow) flows.push(flow);
        next++;
      }
      return flows;
    },
    holdings: () => [...quantities.values()].filter((h) => !h.quantity.isZero()),
    cash: () => cash,
    lastTradePrice: (symbol) => tradePrices.get(symbol),
  };
}
