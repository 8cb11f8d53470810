/**
 * Market-timezone arithmetic for the browser (server/market-data/sessions.ts reads calendar files
 * and cannot be bundled). Session dates are YYYY-MM-DD in the market's zone.
 */

export type MarketCode = 'KR' | 'US';

export const marketTimeZones: Record<MarketCode, string> = {
  KR: 'Asia/Seoul',
  US: 'America/New_York',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, number>>;

function partsIn(epochMs: number, timeZone: string): Parts {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const out: Parts = {};
  for (const part of formatter.formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

/** The calendar date (YYYY-MM-DD) of an instant in a timezone. */
export function zonedDateKey(epochMs: number, timeZone: string): string {
  const p = partsIn(epochMs, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * Epoch seconds whose UTC rendering reads as the market's wall clock. Canvas charts label time
 * axes in UTC; shifting by the zone's offset at each instant makes them show market time.
 */
export function wallClockSeconds(epochMs: number, timeZone: string): number {
  const p = partsIn(epochMs, timeZone);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) / 1000;
}

/** The Friday ending the week (Mon–Sun) of a date: weekly bars carry that date. */
export function weekEndingFriday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay(); // 0 Sunday … 6 Saturday
  const offset = weekday === 0 ? -2 : 5 - weekday;
  return new Date(day.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}
