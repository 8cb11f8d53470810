import type { NumberFormatOptions } from 'use-intl';

/**
 * Number formats for prices: KRW in whole won, USD in cents, index levels in points with two
 * decimals (an index has no currency even when its market has one).
 */

export type PriceKind = 'stock' | 'etf' | 'index';

export function priceFractionDigits(currency: string, kind: PriceKind = 'stock'): number {
  if (kind === 'index') return 2;
  return currency === 'KRW' ? 0 : 2;
}

/** Intl options for a price: a currency amount, or a plain number for index levels. */
export function priceFormatOptions(
  currency: string,
  kind: PriceKind = 'stock',
): NumberFormatOptions {
  const digits = priceFractionDigits(currency, kind);
  return kind === 'index'
    ? { minimumFractionDigits: digits, maximumFractionDigits: digits }
    : { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits };
}

/** Options for a signed change in price units ("+1,200", "-0.35"). */
export function changeFormatOptions(
  currency: string,
  kind: PriceKind = 'stock',
): NumberFormatOptions {
  return { ...priceFormatOptions(currency, kind), signDisplay: 'exceptZero' };
}

/** Options for a signed percentage from a percent number (1.25 → "+1.25%"). */
export const percentChangeOptions: NumberFormatOptions = {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
};
