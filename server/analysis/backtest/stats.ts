/** Small numeric helpers shared by the metrics; all skip nothing and return NaN on empty input. */

export function mean(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start;
  if (n <= 0) return NaN;
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i]!;
  return sum / n;
}

/** Sample standard deviation (ddof = 1); NaN for fewer than two values. */
export function sampleStd(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start;
  if (n < 2) return NaN;
  const m = mean(values, start, end);
  let sq = 0;
  for (let i = start; i < end; i++) {
    const d = values[i]! - m;
    sq += d * d;
  }
  return Math.sqrt(sq / (n - 1));
}

/** NaN and ±Infinity become null so results serialise to JSON without surprises. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

const MS_PER_DAY = 86_400_000;

/** Digit value of the character at `index`, or −1 when it is not 0–9. */
function digitAt(text: string, index: number): number {
  const d = text.charCodeAt(index) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil): the
 * same whole number as Date.UTC(year, month − 1, day) / 86,400,000 for 1 ≤ month ≤ 12 and day
 * 1–31 (a day past the month's end rolls over, as Date.UTC does).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Calendar position of a session date (`YYYY-MM-DD`, or a date-time such as
 * `2017-04-19 09:00` / ISO with offset) in fractional days since the epoch.
 */
export function toEpochDays(date: string): number {
  // Fast path for session dates (twice per trade in the metrics): digits read in place, no
  // substrings, no Date.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y0 = digitAt(date, 0);
    const y1 = digitAt(date, 1);
    const y2 = digitAt(date, 2);
    const y3 = digitAt(date, 3);
    const m0 = digitAt(date, 5);
    const m1 = digitAt(date, 6);
    const d0 = digitAt(date, 8);
    const d1 = digitAt(date, 9);
    if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) >= 0) {
      const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
      const month = m0 * 10 + m1;
      const day = d0 * 10 + d1;
      if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
        return daysFromCivil(year, month, day);
      }
      // Out-of-range fields: Date.UTC's own normalisation, as before.
      if (year > 0 && month > 0 && day > 0) return Date.UTC(year, month - 1, day) / MS_PER_DAY;
    }
  }
  const text = date.length === 10 ? `${date}T00:00:00Z` : date.replace(' ', 'T');
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return ms / MS_PER_DAY;
}

export function daysBetween(from: string, to: string): number {
  return toEpochDays(to) - toEpochDays(from);
}
