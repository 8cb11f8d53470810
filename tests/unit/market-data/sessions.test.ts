import { describe, expect, it } from 'vitest';
import {
  calendarCoverage,
  isSessionOpen,
  isTradingDay,
  lastCompletedSession,
  marketTimezone,
  nextClose,
  nextOpen,
  sessionBounds,
  sessionDate,
  tradingDays,
} from '@/server/market-data/sessions';

const utc = (iso: string) => new Date(iso);
const before = (iso: string) => new Date(new Date(iso).getTime() - 1);

function bounds(market: 'KR' | 'US', date: string) {
  const session = sessionBounds(market, date);
  return session && { open: session.open.toISOString(), close: session.close.toISOString() };
}

describe('regular hours', () => {
  it('names each market timezone', () => {
    expect(marketTimezone('KR')).toBe('Asia/Seoul');
    expect(marketTimezone('US')).toBe('America/New_York');
  });

  it('opens KRX 09:00–15:30 Seoul time, all year (no DST)', () => {
    expect(bounds('KR', '2025-03-07')).toEqual({
      open: '2025-03-07T00:00:00.000Z',
      close: '2025-03-07T06:30:00.000Z',
    });
    expect(bounds('KR', '2025-07-15')).toEqual({
      open: '2025-07-15T00:00:00.000Z',
      close: '2025-07-15T06:30:00.000Z',
    });
  });

  it('follows US daylight saving time across the March switch', () => {
    // Friday before the switch (EST, UTC−5), Monday after it (EDT, UTC−4).
    expect(bounds('US', '2025-03-07')).toEqual({
      open: '2025-03-07T14:30:00.000Z',
      close: '2025-03-07T21:00:00.000Z',
    });
    expect(bounds('US', '2025-03-10')).toEqual({
      open: '2025-03-10T13:30:00.000Z',
      close: '2025-03-10T20:00:00.000Z',
    });
    expect(isSessionOpen('US', utc('2025-03-10T13:45:00Z'))).toBe(true);
    expect(isSessionOpen('US', utc('2025-03-07T13:45:00Z'))).toBe(false);
  });

  it('follows US daylight saving time across the November switch', () => {
    expect(bounds('US', '2025-10-31')?.open).toBe('2025-10-31T13:30:00.000Z');
    expect(bounds('US', '2025-11-03')?.open).toBe('2025-11-03T14:30:00.000Z');
    expect(isSessionOpen('US', utc('2025-11-03T20:30:00Z'))).toBe(true);
    expect(isSessionOpen('US', utc('2025-10-31T20:30:00Z'))).toBe(false);
  });

  it('is open from the open instant up to, not including, the close', () => {
    expect(isSessionOpen('KR', before('2025-03-04T00:00:00Z'))).toBe(false);
    expect(isSessionOpen('KR', utc('2025-03-04T00:00:00Z'))).toBe(true);
    expect(isSessionOpen('KR', before('2025-03-04T06:30:00Z'))).toBe(true);
    expect(isSessionOpen('KR', utc('2025-03-04T06:30:00Z'))).toBe(false);
    expect(isSessionOpen('US', before('2025-06-02T13:30:00Z'))).toBe(false);
    expect(isSessionOpen('US', utc('2025-06-02T13:30:00Z'))).toBe(true);
    expect(isSessionOpen('US', before('2025-06-02T20:00:00Z'))).toBe(true);
    expect(isSessionOpen('US', utc('2025-06-02T20:00:00Z'))).toBe(false);
  });

  it('opens KRX an hour late on the first session of the year and on exam day', () => {
    expect(bounds('KR', '2025-01-02')).toEqual({
      open: '2025-01-02T01:00:00.000Z',
      close: '2025-01-02T06:30:00.000Z',
    });
    expect(isSessionOpen('KR', utc('2025-01-02T00:30:00Z'))).toBe(false);
    // CSAT 2025-11-13: the whole schedule moves an hour later (10:00–16:30).
    expect(bounds('KR', '2025-11-13')).toEqual({
      open: '2025-11-13T01:00:00.000Z',
      close: '2025-11-13T07:30:00.000Z',
    });
    expect(isSessionOpen('KR', utc('2025-11-13T07:00:00Z'))).toBe(true);
  });

  it('closes KRX at 15:00 before the 2016-08-01 extension', () => {
    expect(bounds('KR', '2016-07-29')?.close).toBe('2016-07-29T06:00:00.000Z');
    expect(bounds('KR', '2016-08-01')?.close).toBe('2016-08-01T06:30:00.000Z');
  });
});

describe('holidays and early closes', () => {
  it('knows weekends and full-day holidays of both markets', () => {
    expect(isTradingDay('KR', '2025-03-08')).toBe(false); // Saturday
    expect(isTradingDay('US', '2025-03-09')).toBe(false); // Sunday of the DST switch
    expect(isTradingDay('KR', '2025-12-25')).toBe(false);
    expect(isTradingDay('US', '2025-12-25')).toBe(false);
    expect(isTradingDay('KR', '2025-06-03')).toBe(false); // presidential election
    expect(isTradingDay('US', '2025-06-03')).toBe(true);
    expect(isTradingDay('US', '2025-01-09')).toBe(false); // national day of mourning
    expect(isTradingDay('US', '2026-07-03')).toBe(false); // Independence Day observed
    expect(isTradingDay('KR', '2025-12-31')).toBe(false); // year-end closing day
    expect(isTradingDay('KR', '2025-12-30')).toBe(true);
    expect(sessionBounds('KR', '2025-12-25')).toBeNull();
    expect(isSessionOpen('KR', utc('2025-12-25T02:00:00Z'))).toBe(false);
  });

  it('skips Chuseok: tradingDays and nextOpen jump over the whole holiday', () => {
    expect(
      ['2025-10-06', '2025-10-07', '2025-10-08', '2025-10-09'].map((d) => isTradingDay('KR', d)),
    ).toEqual([false, false, false, false]);
    expect(tradingDays('KR', '2025-10-01', '2025-10-10')).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-10',
    ]);
    // Thursday 2025-10-02 after the close → Friday 2025-10-10 09:00 KST.
    expect(nextOpen('KR', utc('2025-10-02T07:00:00Z')).toISOString()).toBe(
      '2025-10-10T00:00:00.000Z',
    );
  });

  it('closes early at 13:00 New York time on the day after Thanksgiving and Christmas Eve', () => {
    expect(isTradingDay('US', '2025-11-27')).toBe(false); // Thanksgiving
    expect(bounds('US', '2025-11-28')).toEqual({
      open: '2025-11-28T14:30:00.000Z',
      close: '2025-11-28T18:00:00.000Z',
    });
    expect(isSessionOpen('US', before('2025-11-28T18:00:00Z'))).toBe(true);
    expect(isSessionOpen('US', utc('2025-11-28T18:00:00Z'))).toBe(false);
    expect(bounds('US', '2025-12-24')?.close).toBe('2025-12-24T18:00:00.000Z');
    expect(nextClose('US', utc('2025-11-28T15:00:00Z')).toISOString()).toBe(
      '2025-11-28T18:00:00.000Z',
    );
  });

  it('uses the close time a historic early close names', () => {
    // 1994-02-11: snowstorm, markets closed at 2:30pm (EST).
    expect(bounds('US', '1994-02-11')?.close).toBe('1994-02-11T19:30:00.000Z');
  });

  it('says which years the calendars cover, and treats later weekdays as sessions', () => {
    expect(calendarCoverage('KR')).toEqual({ from: '1986-01-01', to: '2027-12-31' });
    expect(calendarCoverage('US').to).toBe('2028-12-31');
    expect(isTradingDay('US', '2031-12-25')).toBe(true);
  });
});

describe('session navigation', () => {
  it('gives the calendar date in the market timezone', () => {
    const at = utc('2025-03-10T23:30:00Z');
    expect(sessionDate('KR', at)).toBe('2025-03-11');
    expect(sessionDate('US', at)).toBe('2025-03-10');
    expect(sessionDate('US', utc('2025-03-10T03:00:00Z'))).toBe('2025-03-09');
  });

  it('finds the next open strictly after the instant', () => {
    // Before the open on a trading day: today's open.
    expect(nextOpen('US', utc('2025-06-02T12:00:00Z')).toISOString()).toBe(
      '2025-06-02T13:30:00.000Z',
    );
    // At the open and during the session: the next session's.
    expect(nextOpen('US', utc('2025-06-02T13:30:00Z')).toISOString()).toBe(
      '2025-06-03T13:30:00.000Z',
    );
    // Friday evening → Monday.
    expect(nextOpen('KR', utc('2025-03-07T09:00:00Z')).toISOString()).toBe(
      '2025-03-10T00:00:00.000Z',
    );
  });

  it('finds the next close: today while open, the next session at or after the close', () => {
    expect(nextClose('KR', utc('2025-03-04T03:00:00Z')).toISOString()).toBe(
      '2025-03-04T06:30:00.000Z',
    );
    expect(nextClose('KR', utc('2025-03-04T06:30:00Z')).toISOString()).toBe(
      '2025-03-05T06:30:00.000Z',
    );
    expect(nextClose('US', utc('2025-03-08T12:00:00Z')).toISOString()).toBe(
      '2025-03-10T20:00:00.000Z',
    );
  });

  it('gives the last session whose close has passed', () => {
    // Friday 09:00 New York after Christmas: the last completed session is the Christmas Eve half day.
    expect(lastCompletedSession('US', utc('2025-12-26T14:00:00Z'))).toBe('2025-12-24');
    expect(lastCompletedSession('US', before('2025-12-26T21:00:00Z'))).toBe('2025-12-24');
    expect(lastCompletedSession('US', utc('2025-12-26T21:00:00Z'))).toBe('2025-12-26');
    // Monday morning in Seoul: the previous Friday.
    expect(lastCompletedSession('KR', utc('2025-03-10T00:30:00Z'))).toBe('2025-03-07');
  });

  it('rejects invalid dates and instants', () => {
    expect(() => isTradingDay('KR', '2025-02-30')).toThrow('Invalid date "2025-02-30"');
    expect(() => sessionBounds('US', '20250303')).toThrow('YYYY-MM-DD');
    expect(() => isSessionOpen('US', new Date('nope'))).toThrow('Invalid time');
  });
});
