/**
 * Performance ranges. A range is measured from the close of its `base` date to the close of its
 * `end` date; the days whose returns it chains are `start` (= base + 1) … `end`. So 1W on a
 * Wednesday compares with the previous Wednesday's close, YTD with 31 December's, ALL with the
 * (empty) account before its first transaction. `today` should be the last session date.
 */
import { DomainError } from '@/server/errors';
import { addDays, addMonths, toDayNumber } from './calc-dates';

export type RangeKey = '1D' | '1W' | '1M' | '3M' | 'YTD' | '1Y' | 'ALL';
export type PerformanceRange = RangeKey | { from: string; to: string };

export interface ResolvedRange {
  /** Date whose closing value is the starting value. */
  base: string;
  /** First day included (base + 1). Clamped to the first date with data. */
  start: string;
  /** Last day included. */
  end: string;
}

export const rangeKeys: readonly RangeKey[] = ['1D', '1W', '1M', '3M', 'YTD', '1Y', 'ALL'];

function baseDate(range: RangeKey, today: string, firstDate: string): string {
  switch (range) {
    case '1D':
      return addDays(today, -1);
    case '1W':
      return addDays(today, -7);
    case '1M':
      return addMonths(today, -1);
    case '3M':
      return addMonths(today, -3);
    case 'YTD':
      return `${Number(today.slice(0, 4)) - 1}-12-31`;
    case '1Y':
      return addMonths(today, -12);
    case 'ALL':
      return addDays(firstDate, -1);
  }
}

/** Resolves a range; `start > end` means the range holds no data (firstDate after end). */
export function resolveRange(
  range: PerformanceRange,
  today: string,
  firstDate: string,
): ResolvedRange {
  toDayNumber(today, 'today');
  toDayNumber(firstDate, 'firstDate');
  let base: string;
  let end = today;
  if (typeof range === 'string') {
    if (!rangeKeys.includes(range)) {
      throw new DomainError(
        'INVALID',
        `range must be one of ${rangeKeys.join(', ')} or {from, to}`,
        {
          field: 'range',
        },
      );
    }
    base = baseDate(range, today, firstDate);
  } else {
    if (toDayNumber(range.from, 'range.from') > toDayNumber(range.to, 'range.to')) {
      throw new DomainError('INVALID', `range.from ${range.from} is after range.to ${range.to}`, {
        field: 'range.from',
      });
    }
    base = addDays(range.from, -1);
    end = range.to < today ? range.to : today;
  }
  if (base < addDays(firstDate, -1)) base = addDays(firstDate, -1);
  return { base, start: addDays(base, 1), end };
}

/** The first day a range includes (see `resolveRange`). */
export function rangeStart(range: PerformanceRange, today: string, firstDate: string): string {
  return resolveRange(range, today, firstDate).start;
}

/** Items dated within start … end (inclusive), order kept. */
export function selectRange<T extends { date: string }>(
  items: readonly T[],
  range: ResolvedRange,
): T[] {
  return items.filter((item) => item.date >= range.start && item.date <= range.end);
}
