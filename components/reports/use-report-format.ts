'use client';

import { useFormatter } from 'use-intl';
import { changeFormatOptions, priceFormatOptions } from '@/components/stocks/price-format';
import type { Money } from './types';

const signedPercent = {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
} as const;

/**
 * The report's number and date formats in the reader's locale. Money arrives as exact decimal
 * strings; it becomes a number only here, for display.
 */
export function useReportFormat() {
  const format = useFormatter();
  return {
    money: (m: Money) => format.number(Number(m.amount), priceFormatOptions(m.currency)),
    signedMoney: (m: Money) => format.number(Number(m.amount), changeFormatOptions(m.currency)),
    /** A fraction as a signed percentage (0.0123 → "+1.23%"). */
    change: (rate: number | null) => (rate === null ? '–' : format.number(rate, signedPercent)),
    /** A fraction as a plain percentage (0.5 → "50%"). */
    percent: (rate: number) => format.number(rate, { style: 'percent', maximumFractionDigits: 1 }),
    quantity: (value: string) => format.number(Number(value), { maximumFractionDigits: 8 }),
    /** A calendar date (YYYY-MM-DD), the same day in every time zone. */
    date: (date: string, style: 'full' | 'medium' = 'medium') =>
      format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: style, timeZone: 'UTC' }),
    /**
     * An instant in the reader's time zone, on a 24-hour clock: the server's ICU and browsers
     * disagree on Korean day periods ("PM" / "오후"), which would break hydration.
     */
    dateTime: (iso: string) =>
      format.dateTime(new Date(iso), {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  };
}
