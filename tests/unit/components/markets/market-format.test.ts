import { describe, expect, it } from 'vitest';
import { asOfFormat, isEarlierDay, volumeFormat } from '@/components/markets/market-format';

// use-intl's format.number/dateTime pass these options to Intl; format the same way here.
const time = (locale: string, at: number, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, options).format(at);

describe('markets page formatting', () => {
  it('abbreviates volume in the reader’s language', () => {
    expect(new Intl.NumberFormat('en', volumeFormat).format(12_345_678)).toBe('12.3M');
    expect(new Intl.NumberFormat('ko', volumeFormat).format(12_345_678)).toBe('1234.6만');
  });

  it("gives quote times in the market's own zone, whatever the reader's zone", () => {
    // 2026-03-04 05:30 UTC: 14:30 in Seoul, 00:30 in New York (EST).
    const at = Date.UTC(2026, 2, 4, 5, 30, 0);
    expect(time('en-US', at, asOfFormat('KR', false))).toBe('14:30:00');
    expect(time('en-US', at, asOfFormat('US', false))).toBe('00:30:00');
    expect(time('en-US', at, asOfFormat('US', true))).toBe('Mar 4, 00:30:00');
    // Summer time in New York: 4 July 14:00 UTC is 10:00 EDT.
    expect(time('en-US', Date.UTC(2026, 6, 4, 14, 0, 0), asOfFormat('US', false))).toBe('10:00:00');
  });

  it("adds the date only when the quote is from an earlier day in that market's calendar", () => {
    const now = Date.UTC(2026, 2, 4, 5, 30, 0); // 4 March in Seoul, 4 March 00:30 in New York
    const yesterdayInNewYork = Date.UTC(2026, 2, 4, 4, 0, 0); // 3 March 23:00 EST
    expect(isEarlierDay('KR', yesterdayInNewYork, now)).toBe(false);
    expect(isEarlierDay('US', yesterdayInNewYork, now)).toBe(true);
    expect(isEarlierDay('US', now - 60_000, now)).toBe(false);
  });
});
