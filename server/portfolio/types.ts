/**
 * Portfolio domain types and the zod schema for a ledger transaction at the service boundary.
 *
 * Field meaning per transaction type (all amounts in `currency`, all non-negative; the type gives
 * the direction):
 * | type                       | fields                                  | cash effect                    |
 * | -------------------------- | --------------------------------------- | ------------------------------ |
 * | buy                        | symbol, quantity, price, fees?, taxes?  | −(quantity×price + fees + taxes) |
 * | sell                       | symbol, quantity, price, fees?, taxes?  | +(quantity×price − fees − taxes) |
 * | dividend                   | symbol, amount (gross), fees?, taxes?   | +(amount − fees − taxes)       |
 * | interest                   | amount (gross), symbol?, fees?, taxes?  | +(amount − fees − taxes)       |
 * | fee / tax                  | amount, symbol?                         | −amount                        |
 * | deposit / transfer_in      | amount, fees?                           | +(amount − fees)               |
 * | withdrawal / transfer_out  | amount, fees?                           | −(amount + fees)               |
 * | transfer_in (securities)   | symbol, quantity, price, costPrice?     | none                           |
 * | transfer_out (securities)  | symbol, quantity, price                 | none                           |
 * | split                      | symbol, splitRatio                      | none                           |
 * A transfer with a symbol moves securities: `price` is the market price on the transfer date (it
 * values the external flow for performance), `costPrice` the per-share cost carried over from the
 * other account (defaults to `price`). `splitRatio` is new shares per old share (2-for-1 → 2,
 * 1-for-10 reverse split → 0.1).
 */
import { z } from 'zod';
import type Decimal from 'decimal.js';
import type { Currency } from '@/server/market-data/types';
import { isCalendarDate } from './calc-dates';
import type { DecimalInput } from './money';

export type { Currency } from '@/server/market-data/types';

export const currencies = ['KRW', 'USD'] as const satisfies readonly Currency[];

export const transactionTypes = [
  'buy',
  'sell',
  'dividend',
  'interest',
  'fee',
  'tax',
  'deposit',
  'withdrawal',
  'transfer_in',
  'transfer_out',
  'split',
] as const;

export type TransactionType = (typeof transactionTypes)[number];

/** A ledger row as the ledger replays it (database rows fit: nullable fields accept null). */
export interface LedgerTransaction {
  id: string;
  type: TransactionType;
  /** Calendar date in the market's timezone. */
  tradeDate: string;
  /** Order within a trade date (e.g. creation order); ties keep input order. */
  sequence?: number | null;
  currency: Currency;
  symbol?: string | null;
  quantity?: DecimalInput | null;
  price?: DecimalInput | null;
  amount?: DecimalInput | null;
  fees?: DecimalInput | null;
  taxes?: DecimalInput | null;
  splitRatio?: DecimalInput | null;
  costPrice?: DecimalInput | null;
}

/** Which fields each type requires; the ledger and the schema share this table. */
export const requiredFields: Record<
  TransactionType,
  readonly ('symbol' | 'quantity' | 'price' | 'amount' | 'splitRatio')[]
> = {
  buy: ['symbol', 'quantity', 'price'],
  sell: ['symbol', 'quantity', 'price'],
  dividend: ['symbol', 'amount'],
  interest: ['amount'],
  fee: ['amount'],
  tax: ['amount'],
  deposit: ['amount'],
  withdrawal: ['amount'],
  // Cash transfers need `amount`; securities transfers (with a symbol) need quantity and price.
  transfer_in: [],
  transfer_out: [],
  split: ['symbol', 'splitRatio'],
};

const decimalString = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .refine((value) => /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value), {
    message: 'must be a decimal number',
  });

const nonNegative = decimalString.refine((value) => !value.startsWith('-'), {
  message: 'must not be negative',
});

/**
 * Boundary schema for a transaction coming from a form, CSV import or API. Decimal fields stay
 * exact strings (never parsed through a float). Per-type rules produce issues naming the field.
 */
export const ledgerTransactionSchema = z
  .object({
    id: z.string().min(1),
    type: z.enum(transactionTypes),
    tradeDate: z.string().refine(isCalendarDate, { message: 'must be a date YYYY-MM-DD' }),
    sequence: z.number().int().nullish(),
    currency: z.enum(currencies),
    symbol: z.string().trim().min(1).nullish(),
    quantity: nonNegative.nullish(),
    price: nonNegative.nullish(),
    amount: nonNegative.nullish(),
    fees: nonNegative.nullish(),
    taxes: nonNegative.nullish(),
    splitRatio: nonNegative.nullish(),
    costPrice: nonNegative.nullish(),
  })
  .superRefine((tx, ctx) => {
    for (const field of requiredFields[tx.type]) {
      if (tx[field] === null || tx[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `required for ${tx.type}` });
      }
    }
    if (tx.type === 'transfer_in' || tx.type === 'transfer_out') {
      const needed = tx.symbol ? (['quantity', 'price'] as const) : (['amount'] as const);
      for (const field of needed) {
        if (tx[field] === null || tx[field] === undefined) {
          const what = tx.symbol ? 'a securities transfer' : 'a cash transfer';
          ctx.addIssue({ code: 'custom', path: [field], message: `required for ${what}` });
        }
      }
    }
    for (const field of ['quantity', 'splitRatio'] as const) {
      const value = tx[field];
      if (value !== null && value !== undefined && Number(value) === 0) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'must be greater than zero' });
      }
    }
  });

export type LedgerTransactionInput = z.input<typeof ledgerTransactionSchema>;

/** Amounts a holding accumulates, in one currency. */
export interface HoldingAmounts {
  /** Cost of the shares still held (weighted average cost), excluding fees and taxes. */
  costBasis: Decimal;
  /** Σ over sells of (proceeds − average cost of the shares sold), excluding fees and taxes. */
  realizedPnl: Decimal;
  /** Gross dividends received (withholding tax is in `taxes`). */
  dividends: Decimal;
  fees: Decimal;
  taxes: Decimal;
}

/**
 * The same amounts in another (reporting) currency at the exchange rate of each transaction's
 * date. `realizedPriceEffect` is Σ local realized P&L × rate on the sale date; the difference
 * `realizedPnl − realizedPriceEffect` is the currency part of realized P&L.
 */
export interface ConvertedHoldingAmounts extends HoldingAmounts {
  realizedPriceEffect: Decimal;
}

export interface Holding extends HoldingAmounts {
  symbol: string;
  /** The instrument's trading currency; all unconverted amounts are in it. */
  currency: Currency;
  quantity: Decimal;
  /** costBasis / quantity (zero for a closed position). */
  averageCost: Decimal;
  firstTradeDate: string;
  lastTradeDate: string;
  /** Amounts at historical rates, per reporting currency other than `currency`. */
  converted: Partial<Record<Currency, ConvertedHoldingAmounts>>;
}

/** Account-level amounts not attributed to a holding, plus external flows. */
export interface AccountAmounts {
  interest: Decimal;
  fees: Decimal;
  taxes: Decimal;
  /** Deposits and transfers in (securities at their transfer-date market value). */
  inflow: Decimal;
  /** Withdrawals and transfers out. */
  outflow: Decimal;
}

/** External flows of one currency on one date (portfolio-level TTWROR cash flows). */
export interface DailyFlow {
  date: string;
  currency: Currency;
  inflow: Decimal;
  outflow: Decimal;
}

/** Holding-level flows of one date: buys in; sells and dividends out (net of fees and taxes). */
export interface HoldingDailyFlow {
  date: string;
  symbol: string;
  currency: Currency;
  /** Money put into the position: buy cost incl. fees/taxes, securities transferred in. */
  inflow: Decimal;
  /** Money taken out: sale proceeds and dividends net of fees/taxes, securities transferred out. */
  outflow: Decimal;
}
