/**
 * Exchange-rate lookup by date. A rate row says 1 `base` = `rate` `quote` on `date` (USD→KRW
 * 1350.5 is the USDKRW quote). Lookups fall back to the latest earlier rate (weekends, holidays,
 * differing market calendars) within `maxStaleDays`, and invert a stored pair when needed.
 */
import type Decimal from 'decimal.js';
import { DomainError } from '@/server/errors';
import { toDayNumber } from './calc-dates';
import { ONE, toDecimal, type DecimalInput } from './money';
import type { Currency } from './types';

/** Units of `to` per 1 unit of `from` on `date`, or undefined when unknown. */
export type FxLookup = (from: Currency, to: Currency, date: string) => Decimal | undefined;

export interface FxRateRow {
  date: string;
  base: Currency;
  quote: Currency;
  rate: DecimalInput;
}

interface PairSeries {
  days: number[];
  rates: Decimal[];
}

export function createFxTable(
  rows: readonly FxRateRow[],
  options: { maxStaleDays?: number } = {},
): FxLookup {
  const maxStaleDays = options.maxStaleDays ?? 7;
  const byPair = new Map<string, { day: number; rate: Decimal }[]>();
  rows.forEach((row, index) => {
    const rate = toDecimal(row.rate, `fx[${index}].rate`);
    if (rate.lte(0)) {
      throw new DomainError('INVALID', `fx[${index}].rate must be positive`, { index });
    }
    const key = `${row.base}${row.quote}`;
    const list = byPair.get(key) ?? [];
    list.push({ day: toDayNumber(row.date, `fx[${index}].date`), rate });
    byPair.set(key, list);
  });
  const series = new Map<string, PairSeries>();
  for (const [key, list] of byPair) {
    list.sort((a, b) => a.day - b.day);
    series.set(key, { days: list.map((r) => r.day), rates: list.map((r) => r.rate) });
  }

  const find = (key: string, day: number): Decimal | undefined => {
    const s = series.get(key);
    if (!s) return undefined;
    // Last index with days[i] <= day.
    let lo = 0;
    let hi = s.days.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s.days[mid]! <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0 || day - s.days[found]! > maxStaleDays) return undefined;
    return s.rates[found];
  };

  return (from, to, date) => {
    if (from === to) return ONE;
    const day = toDayNumber(date, 'fx date');
    const direct = find(`${from}${to}`, day);
    if (direct) return direct;
    const inverse = find(`${to}${from}`, day);
    return inverse ? ONE.div(inverse) : undefined;
  };
}

/** A lookup for fixed rates regardless of date (tests, "now" valuations). */
export function fixedFx(rates: readonly { base: Currency; quote: Currency; rate: DecimalInput }[]) {
  const map = new Map(rates.map((r) => [`${r.base}${r.quote}`, toDecimal(r.rate, 'rate')]));
  const lookup: FxLookup = (from, to) => {
    if (from === to) return ONE;
    const direct = map.get(`${from}${to}`);
    if (direct) return direct;
    const inverse = map.get(`${to}${from}`);
    return inverse ? ONE.div(inverse) : undefined;
  };
  return lookup;
}
