import Decimal from 'decimal.js';

/**
 * decimal.js for the portfolio pages: 34 significant digits like the server's, in a private
 * clone so nothing else changes its precision. DTO money arrives as exact decimal strings; live
 * prices arrive as JS numbers and enter through their shortest round-trip string.
 */
export const UiDecimal = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });

export type Dec = Decimal;

export function dec(value: string | number): Decimal {
  return new UiDecimal(value);
}

/** A Decimal as the exact string the DTOs use (no exponent notation). */
export function decString(value: Decimal): string {
  return value.toFixed();
}

/** a / b as a plain fraction for display, null when b is zero. */
export function ratio(a: Decimal, b: Decimal): number | null {
  return b.isZero() ? null : a.div(b).toNumber();
}
