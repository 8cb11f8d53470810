import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

function isKnownZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:mm) at `now` in an IANA zone; null if unknown. */
export function localClock(now: Date, timezone: string): { date: string; time: string } | null {
  if (!isKnownZone(timezone)) return null;
  const local = new TZDate(now.getTime(), timezone);
  return { date: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm') };
}
