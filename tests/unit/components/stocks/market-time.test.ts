import { describe, expect, it } from 'vitest';
import { candlesFromBars } from '@/components/stocks/chart-candles';
import { wallClockSeconds, weekEndingFriday, zonedDateKey } from '@/components/stocks/market-time';

describe('market time', () => {
  it('gives the calendar date in the market zone', () => {
    const at = Date.UTC(2024, 4, 14, 23, 30); // 08:30 on the 15th in Seoul, 19:30 on the 14th in New York
    expect(zonedDateKey(at, 'Asia/Seoul')).toBe('2024-05-15');
    expect(zonedDateKey(at, 'America/New_York')).toBe('2024-05-14');
  });

  it('shifts instants to the wall clock, following DST in New York', () => {
    const kstOpen = Date.UTC(2024, 4, 14, 0, 0); // 09:00 KST
    expect(new Date(wallClockSeconds(kstOpen, 'Asia/Seoul') * 1000).toISOString()).toBe(
      '2024-05-14T09:00:00.000Z',
    );
    const summerOpen = Date.UTC(2024, 6, 1, 13, 30); // 09:30 EDT
    const winterOpen = Date.UTC(2024, 0, 2, 14, 30); // 09:30 EST
    expect(new Date(wallClockSeconds(summerOpen, 'America/New_York') * 1000).toISOString()).toBe(
      '2024-07-01T09:30:00.000Z',
    );
    expect(new Date(wallClockSeconds(winterOpen, 'America/New_York') * 1000).toISOString()).toBe(
      '2024-01-02T09:30:00.000Z',
    );
  });

  it('dates a week by its Friday, weekends included', () => {
    expect(weekEndingFriday('2024-05-13')).toBe('2024-05-17'); // Monday
    expect(weekEndingFriday('2024-05-17')).toBe('2024-05-17'); // Friday
    expect(weekEndingFriday('2024-05-18')).toBe('2024-05-17'); // Saturday
    expect(weekEndingFriday('2024-05-19')).toBe('2024-05-17'); // Sunday
  });
});

describe('candlesFromBars', () => {
  const ohlc = { open: 1, high: 2, low: 0.5, close: 1.5, volume: 10, simulated: false };

  it('keeps dates for daily bars and shows intraday bars on the market clock', () => {
    expect(candlesFromBars([{ time: '2024-05-14', ...ohlc }], 'Asia/Seoul')[0]!.time).toBe(
      '2024-05-14',
    );
    const [candle] = candlesFromBars(
      [{ time: Date.UTC(2024, 4, 14, 0, 1), ...ohlc }],
      'Asia/Seoul',
    );
    expect(candle!.time).toBe(Date.UTC(2024, 4, 14, 9, 1) / 1000);
  });

  it('drops bars whose time does not increase (the chart needs an ascending axis)', () => {
    const candles = candlesFromBars(
      [
        { time: '2024-05-14', ...ohlc },
        { time: '2024-05-14', ...ohlc },
        { time: '2024-05-15', ...ohlc },
      ],
      'Asia/Seoul',
    );
    expect(candles.map((c) => c.time)).toEqual(['2024-05-14', '2024-05-15']);
  });
});
