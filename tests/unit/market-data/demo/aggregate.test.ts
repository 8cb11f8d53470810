import { describe, expect, it } from 'vitest';
import {
  aggregateIntraday,
  weekEndingFriday,
  weeklyFromDaily,
} from '@/server/market-data/providers/demo/aggregate';
import type { Bar } from '@/server/market-data/types';

const bar = (
  date: string,
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number,
): Bar => ({
  date,
  open,
  high,
  low,
  close,
  volume,
});

describe('weekly bars', () => {
  it('date each Monday–Sunday week by its Friday', () => {
    expect(weekEndingFriday('2026-06-01')).toBe('2026-06-05'); // Monday
    expect(weekEndingFriday('2026-06-05')).toBe('2026-06-05'); // Friday
    expect(weekEndingFriday('2026-06-07')).toBe('2026-06-05'); // Sunday
    expect(weekEndingFriday('2025-12-31')).toBe('2026-01-02'); // across a year end
  });

  it('match hand-computed weeks, including a short week whose Friday is a holiday', () => {
    const daily = [
      bar('2026-05-26', 298_000, 302_000, 297_500, 299_000, 100),
      bar('2026-05-27', 321_500, 323_000, 306_000, 307_000, 200),
      bar('2026-05-28', 305_000, 306_500, 287_500, 299_500, 300),
      bar('2026-05-29', 309_500, 319_000, 305_500, 317_000, 400),
      // Week of 06-01: Wednesday 06-03 a holiday, Friday 06-05 too.
      bar('2026-06-01', 309_000, 312_000, 300_000, 301_500, 10),
      bar('2026-06-02', 292_500, 300_000, 286_500, 298_500, 20),
      bar('2026-06-04', 300_000, 303_000, 292_500, 302_500, 30),
      // A single-day week.
      bar('2026-06-08', 303_000, 305_000, 301_000, 304_000, 5),
    ];
    expect(weeklyFromDaily(daily)).toEqual([
      bar('2026-05-29', 298_000, 323_000, 287_500, 317_000, 1_000),
      bar('2026-06-05', 309_000, 312_000, 286_500, 302_500, 60),
      bar('2026-06-12', 303_000, 305_000, 301_000, 304_000, 5),
    ]);
  });
});

describe('intraday re-bucketing', () => {
  it('folds 1-minute bars into 5-minute bars aligned to the clock', () => {
    const t0 = Date.UTC(2026, 5, 2, 0, 3); // 09:03 KST
    const minutes = [0, 1, 2, 3, 4].map((i) => ({
      time: t0 + i * 60_000,
      open: 100 + i,
      high: 110 + i,
      low: 90 - i,
      close: 101 + i,
      volume: 10 * (i + 1),
    }));
    expect(aggregateIntraday(minutes, 300_000)).toEqual([
      { time: Date.UTC(2026, 5, 2, 0, 0), open: 100, high: 111, low: 89, close: 102, volume: 30 },
      { time: Date.UTC(2026, 5, 2, 0, 5), open: 102, high: 114, low: 86, close: 105, volume: 120 },
    ]);
  });
});
