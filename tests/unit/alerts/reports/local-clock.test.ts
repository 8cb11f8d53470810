import { describe, expect, it } from 'vitest';
import { localClock } from '@/server/alerts/reports/local-clock';

describe('localClock', () => {
  it('gives the wall-clock date and time in the zone, daylight saving included', () => {
    const at = new Date('2024-03-15T23:30:00Z');
    expect(localClock(at, 'Asia/Seoul')).toEqual({ date: '2024-03-16', time: '08:30' });
    // New York is on daylight time (UTC−4) from 10 March 2024, standard time (UTC−5) before.
    expect(localClock(at, 'America/New_York')).toEqual({ date: '2024-03-15', time: '19:30' });
    expect(localClock(new Date('2024-03-08T23:30:00Z'), 'America/New_York')).toEqual({
      date: '2024-03-08',
      time: '18:30',
    });
  });

  it('returns null for a zone it does not know', () => {
    expect(localClock(new Date(), 'Mars/Olympus')).toBeNull();
  });
});
