import type { Bar, IntradayBar } from '@/server/market-data/types';

const DAY = 86_400_000;

/** The Friday of the Monday–Sunday week containing `date` (weekly bars are dated by it). */
export function weekEndingFriday(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  const weekday = new Date(t).getUTCDay(); // 0 Sunday … 6 Saturday
  const sinceMonday = (weekday + 6) % 7;
  return new Date(t + (4 - sinceMonday) * DAY).toISOString().slice(0, 10);
}

/**
 * Weekly bars from ascending daily bars: open of the week's first day, close of its last, extremes
 * and summed volume; dated by the week's Friday even when Friday was a holiday or is still ahead.
 */
export function weeklyFromDaily(daily: readonly Bar[]): Bar[] {
  const weeks: Bar[] = [];
  for (const bar of daily) {
    const date = weekEndingFriday(bar.date);
    const week = weeks.at(-1);
    if (week && week.date === date) {
      week.high = Math.max(week.high, bar.high);
      week.low = Math.min(week.low, bar.low);
      week.close = bar.close;
      week.volume += bar.volume;
    } else {
      weeks.push({ ...bar, date });
    }
  }
  return weeks;
}

/** Re-buckets ascending intraday bars into `intervalMs` buckets aligned to the epoch. */
export function aggregateIntraday(bars: readonly IntradayBar[], intervalMs: number): IntradayBar[] {
  const out: IntradayBar[] = [];
  for (const bar of bars) {
    const time = Math.floor(bar.time / intervalMs) * intervalMs;
    const last = out.at(-1);
    if (last && last.time === time) {
      last.high = Math.max(last.high, bar.high);
      last.low = Math.min(last.low, bar.low);
      last.close = bar.close;
      last.volume += bar.volume;
    } else {
      out.push({ ...bar, time });
    }
  }
  return out;
}
