/**
 * Decimal helpers for the portfolio domain. Money and quantities are decimal.js values end to end;
 * nothing is rounded internally — `roundForDisplay` exists for presentation only.
 *
 * We use a private clone of decimal.js with 34 significant digits (IEEE decimal128's precision)
 * rather than the global constructor: decimal.js rounds *every* operation to `precision`, the
 * global default is 20 digits, and another module changing `Decimal.set` must not change our sums.
 * 34 digits keep a ₩10^15 amount with 8-decimal crypto quantities exact through multiplication.
 */
import Decimal from 'decimal.js';
import type { Currency } from '@/server/market-data/types';
import { DomainError } from '@/server/errors';

export const PortfolioDecimal = Decimal.clone({
  precision: 34,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});

/** Anything callers may hand us as a number: a Decimal (any decimal.js copy, e.g. Prisma's), a
 * decimal string (exact) or a JS number (converted via its shortest round-trip string). */
export type DecimalInput = Decimal | string | number;

export const ZERO: Decimal = new PortfolioDecimal(0);
export const ONE: Decimal = new PortfolioDecimal(1);

/** Converts to our Decimal; a non-finite or non-numeric value is a DomainError naming `field`. */
export function toDecimal(value: DecimalInput, field = 'value'): Decimal {
  // All decimal.js copies share one prototype, so `instanceof` cannot tell ours from the global
  // constructor (20 digits); the constructor can, and decides the precision of later operations.
  if (typeof value === 'object' && value.constructor === PortfolioDecimal) {
    if (!value.isFinite()) throw invalidNumber(field, value);
    return value;
  }
  let result: Decimal;
  try {
    result = new PortfolioDecimal(value);
  } catch {
    throw invalidNumber(field, value);
  }
  if (!result.isFinite()) throw invalidNumber(field, value);
  return result;
}

/** `toDecimal` for optional inputs (`null`/`undefined` → the fallback, zero by default). */
export function toDecimalOr(
  value: DecimalInput | null | undefined,
  field: string,
  fallback: Decimal = ZERO,
): Decimal {
  return value === null || value === undefined ? fallback : toDecimal(value, field);
}

function invalidNumber(field: string, value: unknown): DomainError {
  return new DomainError('INVALID', `${field} must be a finite number, got ${String(value)}`, {
    field,
  });
}

export function sumDecimals(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/** Amounts kept per currency (cash balances, account-level fees …). Absent = zero. */
export type CurrencyAmounts = Partial<Record<Currency, Decimal>>;

/** Display precision: KRW has no minor unit in practice, USD shows cents. */
export const displayDecimals: Record<Currency, number> = { KRW: 0, USD: 2 };

/** Rounds half-up (away from zero, as brokers display) for presentation only. */
export function roundForDisplay(amount: DecimalInput, currency: Currency): Decimal {
  return toDecimal(amount, 'amount').toDecimalPlaces(
    displayDecimals[currency],
    Decimal.ROUND_HALF_UP,
  );
}

/** Fixed-point string for display, e.g. `1234.50` (USD) or `1235` (KRW); no grouping. */
export function formatForDisplay(amount: DecimalInput, currency: Currency): string {
  return toDecimal(amount, 'amount').toFixed(displayDecimals[currency], Decimal.ROUND_HALF_UP);
}

/** A ratio of two Decimals as a float rate for output, or null when the denominator is zero. */
export function rateOf(numerator: Decimal, denominator: Decimal): number | null {
  if (denominator.isZero()) return null;
  return numerator.div(denominator).toNumber();
}
