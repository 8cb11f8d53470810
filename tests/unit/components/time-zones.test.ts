import { describe, expect, it } from 'vitest';
import { timeZoneOptions, utcOffsetLabel } from '@/components/settings/time-zones';

const winter = new Date('2026-01-15T00:00:00Z');
const summer = new Date('2026-07-15T00:00:00Z');

describe('timeZoneOptions', () => {
  it('puts Seoul and New York first, then the rest sorted without duplicates, UTC included', () => {
    const { pinned, others } = timeZoneOptions(
      ['Europe/London', 'America/New_York', 'Asia/Seoul', 'America/Los_Angeles'],
      winter,
    );
    expect(pinned.map((zone) => zone.value)).toEqual(['Asia/Seoul', 'America/New_York']);
    expect(others.map((zone) => zone.value)).toEqual([
      'America/Los_Angeles',
      'Europe/London',
      'UTC',
    ]);
  });

  it('labels zones with their offset at the given date (DST aware)', () => {
    expect(timeZoneOptions([], winter).pinned).toEqual([
      { value: 'Asia/Seoul', label: 'Asia/Seoul (GMT+9)' },
      { value: 'America/New_York', label: 'America/New York (GMT-5)' },
    ]);
    expect(utcOffsetLabel('America/New_York', summer)).toBe('GMT-4');
    expect(utcOffsetLabel('Not/AZone', summer)).toBe('');
  });
});
