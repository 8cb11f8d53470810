'use client';

import { useFormatter, type DateTimeFormatOptions } from 'use-intl';
import { priceFractionDigits } from '@/components/stocks/price-format';

type Amount = string | number | null | undefined;
const DASH = '–';

/**
 * Number and date formats of the portfolio pages in the reader's locale. Money arrives as exact
 * decimal strings; Intl formats a JS number, which is exact to the displayed digit for any
 * realistic amount (15+ significant digits), so the conversion happens only here, for display.
 */
export function usePortfolioFormat() {
  const format = useFormatter();
  const money = (value: Amount, currency: string, signed = false) =>
    value === null || value === undefined || value === ''
      ? DASH
      : format.number(Number(value), {
          style: 'currency',
          currency,
          minimumFractionDigits: priceFractionDigits(currency),
          maximumFractionDigits: priceFractionDigits(currency),
          signDisplay: signed ? 'exceptZero' : 'auto',
        });
  return {
    money,
    signedMoney: (value: Amount, currency: string) => money(value, currency, true),
    /** A per-share price or average cost: the currency's digits, two more when they matter. */
    price: (value: Amount, currency: string) =>
      value === null || value === undefined
        ? DASH
        : format.number(Number(value), {
            style: 'currency',
            currency,
            minimumFractionDigits: priceFractionDigits(currency),
            maximumFractionDigits: priceFractionDigits(currency) + 2,
          }),
    /** Short amounts for chart axes (₩290M, $12K). */
    compactMoney: (value: number, currency: string) =>
      format.number(value, {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      }),
    /** A fraction as a percentage (0.1234 → 12.34%). */
    percent: (value: number | null | undefined, signed = false) =>
      value === null || value === undefined || !Number.isFinite(value)
        ? DASH
        : format.number(value, {
            style: 'percent',
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
            signDisplay: signed ? 'exceptZero' : 'auto',
          }),
    /** Shares, possibly fractional (crypto): up to 8 decimals, none when whole. */
    quantity: (value: string) => format.number(Number(value), { maximumFractionDigits: 8 }),
    rate: (value: string) => format.number(Number(value), { maximumFractionDigits: 4 }),
    /** A calendar date (YYYY-MM-DD) as written in the reader's locale. */
    date: (value: string, options: DateTimeFormatOptions = { dateStyle: 'medium' }) =>
      format.dateTime(new Date(`${value.slice(0, 10)}T00:00:00Z`), { ...options, timeZone: 'UTC' }),
  };
}

export type PortfolioFormat = ReturnType<typeof usePortfolioFormat>;
