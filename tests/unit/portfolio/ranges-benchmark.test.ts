import { describe, expect, it } from 'vitest';
import {
  compareWithBenchmark,
  benchmarkReturn,
  rangeStart,
  resolveRange,
  selectRange,
  timeWeightedReturn,
} from '@/server/portfolio/performance';

describe('resolveRange / rangeStart', () => {
  const today = '2024-03-31';
  const first = '2020-06-15';

  it('measures each preset from the close of its base date', () => {
    expect(resolveRange('1D', today, first)).toEqual({
      base: '2024-03-30',
      start: '2024-03-31',
      end: today,
    });
    expect(resolveRange('1W', today, first).base).toBe('2024-03-24');
    // Calendar months clamp to the shorter month's end (leap year).
    expect(resolveRange('1M', today, first).base).toBe('2024-02-29');
    expect(resolveRange('3M', today, first).base).toBe('2023-12-31');
    expect(resolveRange('YTD', today, first)).toEqual({
      base: '2023-12-31',
      start: '2024-01-01',
      end: today,
    });
    expect(resolveRange('1Y', today, first).base).toBe('2023-03-31');
    expect(resolveRange('ALL', today, first)).toEqual({
      base: '2020-06-14',
      start: first,
      end: today,
    });
    expect(rangeStart('1Y', today, first)).toBe('2023-04-01');
  });

  it('clamps to the first date with data and to today', () => {
    expect(resolveRange('1Y', today, '2024-02-10')).toEqual({
      base: '2024-02-09',
      start: '2024-02-10',
      end: today,
    });
    expect(resolveRange({ from: '2024-01-10', to: '2024-12-31' }, today, first)).toEqual({
      base: '2024-01-09',
      start: '2024-01-10',
      end: today,
    });
  });

  it('rejects an inverted custom range and an unknown preset', () => {
    expect(() => resolveRange({ from: '2024-02-01', to: '2024-01-01' }, today, first)).toThrow(
      /range\.from 2024-02-01 is after range\.to/,
    );
    expect(() => resolveRange('2Y' as never, today, first)).toThrow(/range must be one of/);
  });

  it('selects the days a range chains', () => {
    const days = ['2023-12-29', '2024-01-02', '2024-03-28'].map((date) => ({ date }));
    expect(selectRange(days, resolveRange('YTD', today, first)).map((d) => d.date)).toEqual([
      '2024-01-02',
      '2024-03-28',
    ]);
  });
});

describe('benchmark comparison', () => {
  const kospi = [
    { date: '2023-12-28', close: '2655.28' },
    { date: '2024-01-02', close: '2669.81' },
    { date: '2024-01-03', close: '2607.31' },
    { date: '2024-01-04', close: '2587.02' },
  ];

  it('uses the last close on or before base and end (non-trading days included)', () => {
    // YTD on 2024-01-04: base 2023-12-31 (a Sunday) → the 12-28 close; 2587.02 / 2655.28 − 1.
    const range = resolveRange('YTD', '2024-01-04', '2020-01-01');
    const result = benchmarkReturn(kospi, range);
    expect(result).toMatchObject({
      ok: true,
      startDate: '2023-12-28',
      endDate: '2024-01-04',
      startAdjusted: false,
    });
    if (result.ok) expect(result.rate).toBeCloseTo(2587.02 / 2655.28 - 1, 14);
    expect(
      benchmarkReturn(
        kospi,
        resolveRange({ from: '2025-01-01', to: '2025-01-31' }, '2025-02-01', '2020-01-01'),
      ),
    ).toMatchObject({ ok: false, reason: 'no-data' });
  });

  it('rebases the portfolio and the benchmark to the same start', () => {
    const range = resolveRange('YTD', '2024-01-04', '2020-01-01');
    const twr = timeWeightedReturn([
      { date: '2024-01-02', startValue: 1000, endValue: 1010 },
      { date: '2024-01-03', startValue: 1010, endValue: 990 },
      { date: '2024-01-04', startValue: 990, endValue: 1020 },
    ]);
    const comparison = compareWithBenchmark(twr.index, kospi, range);
    expect(comparison.portfolioReturn).toBeCloseTo(0.02, 14);
    expect(comparison.benchmarkReturn).toBeCloseTo(2587.02 / 2655.28 - 1, 14);
    expect(comparison.excessReturn).toBeCloseTo(0.02 - (2587.02 / 2655.28 - 1), 14);
    expect(comparison.series.map((p) => p.date)).toEqual([
      '2024-01-02',
      '2024-01-03',
      '2024-01-04',
    ]);
    expect(comparison.series[0]!.portfolio).toBeCloseTo(0.01, 14);
    expect(comparison.series[0]!.benchmark).toBeCloseTo(2669.81 / 2655.28 - 1, 14);
  });
});
