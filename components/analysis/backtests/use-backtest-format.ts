'use client';

import { useFormatter } from 'use-intl';
import { priceFractionDigits } from '@/components/stocks/price-format';

/** Number formats of the backtest views in the reader's locale. */
export function useBacktestFormat() {
  const format = useFormatter();
  const dash = '–';
  return {
    money: (value: number | null | undefined, currency: string) =>
      value === null || value === undefined
        ? dash
        : format.number(value, {
            style: 'currency',
            currency,
            maximumFractionDigits: priceFractionDigits(currency),
            minimumFractionDigits: priceFractionDigits(currency),
          }),
    /** Short amounts for chart axes (₩350M, $12K). */
    compactMoney: (value: number, currency: string) =>
      format.number(value, {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      }),
    /** A fraction as a percentage (0.1234 → 12.34%). */
    percent: (value: number | null | undefined, signed = false) =>
      value === null || value === undefined
        ? dash
        : format.number(value, {
            style: 'percent',
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
            signDisplay: signed ? 'exceptZero' : 'auto',
          }),
    ratio: (value: number | null | undefined) =>
      value === null || value === undefined
        ? dash
        : format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    count: (value: number) => format.number(value, { maximumFractionDigits: 0 }),
    decimal: (value: number, digits = 2) => format.number(value, { maximumFractionDigits: digits }),
    /** A session date (YYYY-MM-DD) as written in the reader's locale; the date is the market's. */
    date: (value: string) =>
      format.dateTime(new Date(`${value.slice(0, 10)}T00:00:00Z`), {
        dateStyle: 'medium',
        timeZone: 'UTC',
      }),
    shortDate: (value: string) =>
      format.dateTime(new Date(`${value.slice(0, 10)}T00:00:00Z`), {
        year: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }),
    dateTime: (value: Date) => format.dateTime(value, { dateStyle: 'medium', timeStyle: 'short' }),
  };
}

export type BacktestFormat = ReturnType<typeof useBacktestFormat>;
