import { describe, expect, it } from 'vitest';
import { sliceLabel } from '@/components/portfolio/dashboard/allocation-labels';
import {
  allocationSlices,
  axisDateFormat,
  benchmarkChartData,
  valueChartData,
} from '@/components/portfolio/dashboard/chart-data';

describe('value chart data', () => {
  it('plots value and net contributions per day', () => {
    const points = [
      { date: '2026-11-20', value: '100.5', invested: '90', cash: '0', netFlow: '0' },
      { date: '2026-11-21', value: '101', invested: '95', cash: '0', netFlow: '5' },
    ];
    expect(valueChartData({ points })).toEqual([
      { date: '2026-11-20', value: 100.5, invested: 90 },
      { date: '2026-11-21', value: 101, invested: 95 },
    ]);
  });

  it('thins long histories but keeps the first and last day', () => {
    const points = Array.from({ length: 1500 }, (_, i) => ({
      date: `d${i}`,
      value: String(i),
      invested: '0',
      cash: '0',
      netFlow: '0',
    }));
    const data = valueChartData({ points }, 300);
    expect(data.length).toBeLessThanOrEqual(301);
    expect(data[0]!.date).toBe('d0');
    expect(data.at(-1)!.date).toBe('d1499');
  });
});

describe('benchmark chart data', () => {
  it('starts both lines at 0 on the base date', () => {
    const data = benchmarkChartData({
      range: { base: '2026-11-15', start: '2026-11-16', end: '2026-11-17' },
      benchmark: {
        symbol: '^KS11',
        name: 'KOSPI',
        portfolioReturn: 0.01,
        benchmarkReturn: 0.02,
        excessReturn: -0.01,
        method: '',
        series: [
          { date: '2026-11-16', portfolio: 0.005, benchmark: 0.01 },
          { date: '2026-11-17', portfolio: 0.01, benchmark: null },
        ],
      },
    });
    expect(data).toEqual([
      { date: '2026-11-15', portfolio: 0, benchmark: 0 },
      { date: '2026-11-16', portfolio: 0.005, benchmark: 0.01 },
      { date: '2026-11-17', portfolio: 0.01, benchmark: null },
    ]);
  });

  it('is empty without a range or series', () => {
    const benchmark = {
      symbol: '^GSPC',
      name: 'S&P 500',
      portfolioReturn: null,
      benchmarkReturn: null,
      excessReturn: null,
      method: '',
      series: [],
    };
    expect(benchmarkChartData({ range: null, benchmark })).toEqual([]);
  });
});

describe('allocation slices', () => {
  const slices = Array.from({ length: 10 }, (_, i) => ({
    key: `S${i}`,
    label: `Stock ${i}`,
    value: String(100 - i * 10),
    weight: (100 - i * 10) / 550,
  }));

  it('keeps up to the limit as they are', () => {
    const out = allocationSlices({ slices: slices.slice(0, 3) });
    expect(out.map((s) => s.key)).toEqual(['S0', 'S1', 'S2']);
    expect(out[0]).toMatchObject({ value: 100, amount: '100', other: false });
  });

  it('merges the smallest into one "other" slice with the exact sum', () => {
    const out = allocationSlices({ slices }, 8);
    expect(out).toHaveLength(8);
    const other = out.at(-1)!;
    expect(other.other).toBe(true);
    // S7..S9: 30 + 20 + 10.
    expect(other.amount).toBe('60');
    expect(other.weight).toBeCloseTo(60 / 550, 12);
  });

  it('drops empty and negative slices (e.g. an overdrawn cash balance) from the donut', () => {
    const out = allocationSlices({
      slices: [
        { key: 'A', label: 'A', value: '10', weight: 1.1 },
        { key: 'cash', label: 'Cash', value: '-1', weight: -0.1 },
      ],
    });
    expect(out.map((s) => s.key)).toEqual(['A']);
  });
});

describe('slice labels', () => {
  it('names cash, known sectors, currencies and holdings for translation', () => {
    expect(sliceLabel('holding', { key: 'cash', label: 'Cash' })).toEqual({ kind: 'cash' });
    expect(
      sliceLabel('sector', {
        key: 'sector:Information Technology',
        label: 'Information Technology',
      }),
    ).toEqual({ kind: 'sector', key: 'informationTechnology' });
    expect(sliceLabel('sector', { key: 'sector:반도체 제조업', label: '반도체 제조업' })).toEqual({
      kind: 'text',
      text: '반도체 제조업',
    });
    expect(sliceLabel('currency', { key: 'USD', label: 'USD' })).toEqual({
      kind: 'currency',
      code: 'USD',
    });
    expect(sliceLabel('holding', { key: 'AAPL', label: 'Apple Inc.' })).toEqual({
      kind: 'holding',
      symbol: 'AAPL',
      fallback: 'Apple Inc.',
    });
    expect(sliceLabel('account', { key: 'acc1', label: 'My account' })).toEqual({
      kind: 'text',
      text: 'My account',
    });
    expect(sliceLabel('holding', { key: 'other', label: 'other', other: true })).toEqual({
      kind: 'other',
    });
  });
});

describe('axis dates', () => {
  it('shows days for short ranges, months within two years, years beyond', () => {
    expect(axisDateFormat('2026-10-22', '2026-11-22')).toMatchObject({ day: 'numeric' });
    expect(axisDateFormat('2025-11-22', '2026-11-22')).toMatchObject({ month: 'short' });
    expect(axisDateFormat('2022-01-03', '2026-11-22')).toEqual({
      year: 'numeric',
      timeZone: 'UTC',
    });
  });
});
