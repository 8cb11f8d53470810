/**
 * Display and input helpers for ledger money. Amounts arrive as exact decimal strings and are
 * formatted from the string (Intl formats decimal strings exactly), never through a float; the
 * only arithmetic (quantity × price) is decimal.js. Pure, so it is unit-tested.
 */
import Decimal from 'decimal.js';
import { marketTimeZones, zonedDateKey, type MarketCode } from '@/components/stocks/market-time';
import type { Currency } from '@/server/portfolio/types';

/** Whole won, cents for dollars: the least a currency amount shows. */
const minorDigits: Record<Currency, number> = { KRW: 0, USD: 2 };

function fractionLength(value: string): number {
  const dot = value.indexOf('.');
  return dot === -1 ? 0 : value.length - dot - 1;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * A money amount in its currency, with every decimal it carries (a ₩0.5 fee stays ₩0.5; a
 * $12.3456 price shows all four places), at least the currency's usual digits.
 */
export function formatMoney(locale: string, value: string, currency: Currency): string {
  const digits = Math.min(Math.max(minorDigits[currency], fractionLength(value)), 10);
  return formatter(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: minorDigits[currency],
    maximumFractionDigits: digits,
  }).format(value as Intl.StringNumericLiteral);
}

/** A quantity or ratio with grouping and every decimal it has (0.00012345 BTC stays exact). */
export function formatQuantity(locale: string, value: string): string {
  return formatter(locale, {
    maximumFractionDigits: Math.min(fractionLength(value), 20),
  }).format(value as Intl.StringNumericLiteral);
}

/** What a row moves in money: quantity × price for trades and securities transfers, else amount. */
export function grossAmount(tx: {
  quantity: string | null;
  price: string | null;
  amount: string | null;
}): string | null {
  if (tx.amount !== null) return tx.amount;
  if (tx.quantity === null || tx.price === null) return null;
  return new Decimal(tx.quantity).times(tx.price).toFixed();
}

/** Today in a market's timezone (YYYY-MM-DD): the latest trade date the server accepts. */
export function marketToday(market: MarketCode, now: number = Date.now()): string {
  return zonedDateKey(now, marketTimeZones[market]);
}

/** The market whose calendar dates a currency's cash uses (as the server decides it). */
export function marketOfCurrency(currency: Currency): MarketCode {
  return currency === 'KRW' ? 'KR' : 'US';
}

/**
 * A quote (a float from the market-data layer) as text for the price input: whole won, up to
 * four decimals for dollars, no exponent, no trailing zeros.
 */
export function priceInputText(price: number, currency: Currency): string {
  if (!Number.isFinite(price) || price <= 0) return '';
  return new Decimal(price).toDecimalPlaces(currency === 'KRW' ? 0 : 4).toFixed();
}

/** quantity × price + fees as an exact decimal string, or null while an input is not a number. */
export function purchaseCost(quantity: string, price: string, fees: string): string | null {
  try {
    const cost = new Decimal(quantity).times(price).plus(fees.trim() === '' ? '0' : fees);
    return cost.isFinite() && !cost.isNegative() ? cost.toFixed() : null;
  } catch {
    return null;
  }
}

/** How much cash is missing to pay `cost` from `cash` (zero when enough). */
export function cashShortfall(cash: string | null, cost: string): string {
  const available = Decimal.max(new Decimal(cash ?? '0'), 0);
  const missing = new Decimal(cost).minus(available);
  return missing.isPositive() && !missing.isZero() ? missing.toFixed() : '0';
}
