import type { DateTimeFormatOptions } from 'use-intl';
import { MAX_CHART_POINTS, sampleIndices } from '@/components/analysis/backtests/downsample';
import { dec, decString } from './decimal';
import type { AllocationDto, HistoryDto, PerformanceDto } from './types';

/** The range switch of the performance charts. */
export const chartRanges = ['1W', '1M', '3M', 'YTD', '1Y', 'ALL'] as const;
export type ChartRange = (typeof chartRanges)[number];
export const DEFAULT_CHART_RANGE: ChartRange = '1Y';

function sample<T>(points: readonly T[], max: number): T[] {
  return sampleIndices(points.length, max).map((index) => points[index]!);
}

/**
 * Value and net contributions per day for the area chart. SVG needs plain numbers; the exact
 * strings stay in the DTO for the figures (these only set pixel positions).
 */
export function valueChartData(
  history: Pick<HistoryDto, 'points'>,
  max = MAX_CHART_POINTS,
): { date: string; value: number; invested: number }[] {
  return sample(history.points, max).map((point) => ({
    date: point.date,
    value: Number(point.value),
    invested: Number(point.invested),
  }));
}

/**
 * Cumulative returns of the portfolio (TTWROR) and its benchmark, both 0 at the range's base
 * date so the lines start together.
 */
export function benchmarkChartData(
  performance: Pick<PerformanceDto, 'range' | 'benchmark'>,
  max = MAX_CHART_POINTS,
): { date: string; portfolio: number | null; benchmark: number | null }[] {
  const { range, benchmark } = performance;
  if (!range || benchmark.series.length === 0) return [];
  const series = benchmark.series.filter((point) => point.date > range.base);
  return [{ date: range.base, portfolio: 0, benchmark: 0 }, ...sample(series, max - 1)];
}

/** Slices beyond this many are merged into one "other" slice so the donut stays readable. */
export const MAX_SLICES = 8;

export type AllocationSlice = {
  key: string;
  label: string;
  value: number;
  /** Exact decimal string for the legend and table. */
  amount: string;
  weight: number | null;
  /** Merged small slices. */
  other: boolean;
};

/** The allocation's slices, largest first, the smallest merged when there are too many. */
export function allocationSlices(
  allocation: Pick<AllocationDto, 'slices'>,
  max = MAX_SLICES,
): AllocationSlice[] {
  const positive = allocation.slices.filter((slice) => Number(slice.value) > 0);
  const slices = positive.map((slice) => ({
    key: slice.key,
    label: slice.label,
    value: Number(slice.value),
    amount: slice.value,
    weight: slice.weight,
    other: false,
  }));
  if (slices.length <= max) return slices;
  const kept = slices.slice(0, max - 1);
  const rest = slices.slice(max - 1);
  const restAmount = rest.reduce((total, slice) => total.plus(slice.amount), dec(0));
  // Weights are display fractions already; their sum only labels the merged slice.
  const restWeight = rest.every((slice) => slice.weight !== null)
    ? rest.reduce((total, slice) => total + (slice.weight ?? 0), 0)
    : null;
  return [
    ...kept,
    {
      key: 'other',
      label: 'other',
      value: restAmount.toNumber(),
      amount: decString(restAmount),
      weight: restWeight,
      other: true,
    },
  ];
}

/** Axis dates: days for short ranges, months within a year or two, years beyond. */
export function axisDateFormat(
  first: string | undefined,
  last: string | undefined,
): DateTimeFormatOptions {
  const days =
    first && last
      ? (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000
      : 0;
  if (days <= 100) return { month: 'short', day: 'numeric', timeZone: 'UTC' };
  if (days <= 800) return { year: '2-digit', month: 'short', timeZone: 'UTC' };
  return { year: 'numeric', timeZone: 'UTC' };
}
