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

/**
 * Calendar position of a session date (`YYYY-MM-DD`, or a date-time such as
 * `2017-04-19 09:00` / ISO with offset) in fractional days since the epoch.
 */
export function toEpochDays(date: string): number {
  // Fast path for session dates (called twice per trade): no regex, no Date parsing.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = +date.slice(0, 4);
    const month = +date.slice(5, 7);
    const day = +date.slice(8, 10);
    if (year > 0 && month > 0 && day > 0) return Date.UTC(year, month - 1, day) / MS_PER_DAY;
  }
  const text = date.length === 10 ? `${date}T00:00:00Z` : date.replace(' ', 'T');
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return ms / MS_PER_DAY;
}

export function daysBetween(from: string, to: string): number {
  return toEpochDays(to) - toEpochDays(from);
}
