/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Trade and session dates are calendar dates in
 * the market's timezone, not instants, so they are handled as day numbers (days since 1970-01-01)
 * with UTC arithmetic — no local timezone or DST can shift them by a day.
 */
import { DomainError } from '@/server/errors';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number of a `YYYY-MM-DD` date; throws DomainError('INVALID') naming `field` otherwise. */
export function toDayNumber(date: string, field = 'date'): number {
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const [, y, m, d] = match;
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
    const check = new Date(ms);
    if (check.getUTCDate() === Number(d) && check.getUTCMonth() === Number(m) - 1) {
      return Math.round(ms / MS_PER_DAY);
    }
  }
  throw new DomainError('INVALID', `${field} must be a calendar date YYYY-MM-DD, got "${date}"`, {
    field,
    value: date,
  });
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isCalendarDate(date: string): boolean {
  try {
    toDayNumber(date);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Actual days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Adds calendar months, clamping to the end of a shorter month (2024-03-31 − 1 month →
 * 2024-02-29), the convention of date-fns and brokerage statements.
 */
export function addMonths(date: string, months: number): string {
  toDayNumber(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const ms = Date.UTC(targetYear, targetMonth, Math.min(day, lastDay));
  return new Date(ms).toISOString().slice(0, 10);
}
