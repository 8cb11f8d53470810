import { TZDate } from '@date-fns/tz';
import { addDays, addMinutes, startOfMinute } from 'date-fns';
import { z } from 'zod';

/**
 * Quiet hours: a daily wall-clock range in the user's time zone during which outbound delivery
 * waits (in-app notifications still arrive). `start` is inclusive, `end` exclusive; a range whose
 * end is not after its start runs across midnight (22:00–07:00). Equal start and end mean no
 * quiet hours. Wall-clock semantics make DST transparent: 22:00–07:00 is quiet from 22:00 to 07:00
 * local time whatever the offset, and a boundary inside a skipped hour takes effect when the
 * clocks jump past it.
 */
export interface QuietHours {
  start: string;
  end: string;
  timeZone: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const quietHoursSchema = z.strictObject({
  start: z.string().regex(HH_MM, { error: 'start must be a time as HH:mm, e.g. 22:00' }),
  end: z.string().regex(HH_MM, { error: 'end must be a time as HH:mm, e.g. 07:00' }),
  timeZone: z
    .string()
    .refine(isTimeZone, { error: 'timeZone must be an IANA time zone such as Asia/Seoul' }),
});

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours! * 60 + minutes!;
}

function inRange(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Whether `now` falls in the quiet hours (false when there are none). */
export function isQuietTime(quiet: QuietHours | null, now: Date): boolean {
  if (!quiet) return false;
  const local = new TZDate(now.getTime(), quiet.timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  return inRange(minute, minutesOf(quiet.start), minutesOf(quiet.end));
}

/**
 * When the quiet hours that `now` falls in end (the instant to defer outbound delivery to), or
 * null when `now` is not quiet.
 */
export function quietUntil(quiet: QuietHours | null, now: Date): Date | null {
  if (!quiet || !isQuietTime(quiet, now)) return null;
  const zone = quiet.timeZone;
  const local = new TZDate(now.getTime(), zone);
  const end = minutesOf(quiet.end);
  const minute = local.getHours() * 60 + local.getMinutes();
  // Before the end on the same local day, or (after a start late in the day) on the next one.
  const day = minute < end ? local : addDays(local, 1);
  const candidate = new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    Math.floor(end / 60),
    end % 60,
    zone,
  );
  if (candidate.getTime() > now.getTime() && isFirstLoudMinute(quiet, candidate)) {
    return new Date(candidate.getTime());
  }
  return firstLoudMinuteAfter(quiet, now);
}

function isFirstLoudMinute(quiet: QuietHours, at: Date): boolean {
  return !isQuietTime(quiet, at) && isQuietTime(quiet, addMinutes(at, -1));
}

/**
 * Around DST changes the local end time may not exist (clocks jump past it) or exist twice; then
 * walk minute by minute to the first instant that is no longer quiet (at most a day and an hour).
 */
function firstLoudMinuteAfter(quiet: QuietHours, now: Date): Date {
  let at = addMinutes(startOfMinute(now), 1);
  for (let i = 0; i < 25 * 60 && isQuietTime(quiet, at); i++) at = addMinutes(at, 1);
  return at;
}
