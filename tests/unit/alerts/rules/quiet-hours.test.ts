import { describe, expect, it } from 'vitest';
import { isQuietTime, quietHoursSchema, quietUntil, type QuietHours } from '@/server/alerts/rules';

const at = (iso: string) => new Date(iso);
const seoulNight: QuietHours = { start: '22:00', end: '07:00', timeZone: 'Asia/Seoul' };

describe('isQuietTime', () => {
  it('covers a range across midnight, start inclusive and end exclusive', () => {
    // Seoul is UTC+9 all year.
    expect(isQuietTime(seoulNight, at('2026-05-22T12:59:00Z'))).toBe(false); // 21:59
    expect(isQuietTime(seoulNight, at('2026-05-22T13:00:00Z'))).toBe(true); // 22:00
    expect(isQuietTime(seoulNight, at('2026-05-22T17:30:00Z'))).toBe(true); // 02:30
    expect(isQuietTime(seoulNight, at('2026-05-22T21:59:59Z'))).toBe(true); // 06:59:59
    expect(isQuietTime(seoulNight, at('2026-05-22T22:00:00Z'))).toBe(false); // 07:00
  });

  it('covers a range within one day', () => {
    const lunch: QuietHours = { start: '12:00', end: '13:00', timeZone: 'Asia/Seoul' };
    expect(isQuietTime(lunch, at('2026-05-22T03:30:00Z'))).toBe(true);
    expect(isQuietTime(lunch, at('2026-05-22T04:00:00Z'))).toBe(false);
    expect(isQuietTime(lunch, at('2026-05-22T02:59:00Z'))).toBe(false);
  });

  it('is never quiet without quiet hours or with an empty range', () => {
    expect(isQuietTime(null, at('2026-05-22T13:00:00Z'))).toBe(false);
    const empty: QuietHours = { start: '22:00', end: '22:00', timeZone: 'Asia/Seoul' };
    expect(isQuietTime(empty, at('2026-05-22T13:00:00Z'))).toBe(false);
  });

  it('follows the wall clock through DST changes', () => {
    const newYork: QuietHours = { start: '22:00', end: '07:00', timeZone: 'America/New_York' };
    // 06:30 local: EDT (UTC−4) in summer, EST (UTC−5) in winter.
    expect(isQuietTime(newYork, at('2026-07-01T10:30:00Z'))).toBe(true);
    expect(isQuietTime(newYork, at('2026-01-15T11:30:00Z'))).toBe(true);
    expect(isQuietTime(newYork, at('2026-07-01T11:30:00Z'))).toBe(false); // 07:30 EDT
  });
});

describe('quietUntil', () => {
  it('is null outside quiet hours', () => {
    expect(quietUntil(seoulNight, at('2026-05-22T05:00:00Z'))).toBeNull();
    expect(quietUntil(null, at('2026-05-22T13:00:00Z'))).toBeNull();
  });

  it('is the end on the next morning after the start, and the same morning after midnight', () => {
    expect(quietUntil(seoulNight, at('2026-05-22T13:30:00Z'))).toEqual(at('2026-05-22T22:00:00Z'));
    expect(quietUntil(seoulNight, at('2026-05-22T18:00:00Z'))).toEqual(at('2026-05-22T22:00:00Z'));
  });

  it('ends at the local time on the nights the clocks change', () => {
    const newYork: QuietHours = { start: '22:00', end: '07:00', timeZone: 'America/New_York' };
    // Spring forward (8 March 2026): 23:00 EST on the 7th → 07:00 EDT = 11:00 UTC.
    expect(quietUntil(newYork, at('2026-03-08T04:00:00Z'))).toEqual(at('2026-03-08T11:00:00Z'));
    // Fall back (1 November 2026): 23:00 EDT on 31 October → 07:00 EST = 12:00 UTC.
    expect(quietUntil(newYork, at('2026-11-01T03:00:00Z'))).toEqual(at('2026-11-01T12:00:00Z'));
  });

  it('ends when the clocks jump past an end time that does not exist that night', () => {
    const skipped: QuietHours = { start: '23:00', end: '02:30', timeZone: 'America/New_York' };
    // 01:30 EST; at 02:00 EST the clocks jump to 03:00 EDT (07:00 UTC), past 02:30.
    const now = at('2026-03-08T06:30:00Z');
    expect(isQuietTime(skipped, now)).toBe(true);
    expect(quietUntil(skipped, now)).toEqual(at('2026-03-08T07:00:00Z'));
    expect(isQuietTime(skipped, at('2026-03-08T07:00:00Z'))).toBe(false);
  });

  it('ends at the right one of an end time that happens twice', () => {
    const early: QuietHours = { start: '00:00', end: '01:30', timeZone: 'America/New_York' };
    // 01:10 EDT, first pass → 01:30 EDT; 01:10 EST, second pass → 01:30 EST.
    expect(quietUntil(early, at('2026-11-01T05:10:00Z'))).toEqual(at('2026-11-01T05:30:00Z'));
    expect(quietUntil(early, at('2026-11-01T06:10:00Z'))).toEqual(at('2026-11-01T06:30:00Z'));
  });
});

describe('quietHoursSchema', () => {
  it('accepts HH:mm and IANA zones', () => {
    expect(quietHoursSchema.parse(seoulNight)).toEqual(seoulNight);
  });

  it.each([
    [{ ...seoulNight, start: '24:00' }, 'start must be a time as HH:mm'],
    [{ ...seoulNight, end: '7:00' }, 'end must be a time as HH:mm'],
    [{ ...seoulNight, timeZone: 'Mars/Olympus' }, 'timeZone must be an IANA time zone'],
  ])('rejects %j', (input, message) => {
    const result = quietHoursSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});
