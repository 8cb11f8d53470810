import { TZDate } from '@date-fns/tz';
import { subDays, subMonths, subYears } from 'date-fns';
import { DomainError } from '@/server/errors';

export const chartIntervals = ['daily', 'weekly', 'intraday'] as const;
export type ChartInterval = (typeof chartIntervals)[number];

export const chartPeriods = ['1d', '5d', '1m', '3m', '6m', '1y', '2y', '5y', 'max'] as const;
export type ChartPeriod = (typeof chartPeriods)[number];

/** Which periods make sense per interval: a weekly chart of one day has no bars. */
export const periodsByInterval: Record<ChartInterval, readonly ChartPeriod[]> = {
  intraday: ['1d', '5d'],
  daily: ['5d', '1m', '3m', '6m', '1y', '2y', '5y', 'max'],
  weekly: ['3m', '6m', '1y', '2y', '5y', 'max'],
};

export function assertIntervalPeriod(interval: ChartInterval, period: ChartPeriod): void {
  if (!periodsByInterval[interval].includes(period)) {
    throw new DomainError(
      'INVALID',
      `A ${interval} chart cannot show the period ${period}; use one of ${periodsByInterval[interval].join(', ')}`,
      { field: 'period' },
    );
  }
}

/**
 * First calendar date (YYYY-MM-DD) of a daily/weekly period ending at `lastDate` (the latest bar's
 * date, not today: a market closed for a week still shows a full month). Null = everything.
 */
export function periodStartDate(period: ChartPeriod, lastDate: string): string | null {
  // In UTC explicitly: date-fns would otherwise step months in the server's local zone (DST).
  const end = new TZDate(`${lastDate}T00:00:00Z`, 'UTC');
  const start = (() => {
    switch (period) {
      case '1d':
        return subDays(end, 1);
      case '5d':
        return subDays(end, 7);
      case '1m':
        return subMonths(end, 1);
      case '3m':
        return subMonths(end, 3);
      case '6m':
        return subMonths(end, 6);
      case '1y':
        return subYears(end, 1);
      case '2y':
        return subYears(end, 2);
      case '5y':
        return subYears(end, 5);
      case 'max':
        return null;
    }
  })();
  return start ? new Date(start.getTime()).toISOString().slice(0, 10) : null;
}

/** Sessions an intraday period spans. */
export function intradaySessions(period: ChartPeriod): number {
  return period === '5d' ? 5 : 1;
}
