/**
 * Performance and history of a portfolio from its daily total snapshots (pure; F's functions do
 * the math). Snapshots are calendar-daily (./snapshots.ts), so volatility annualises with √365.
 *
 * A range is measured from the close of its base date to the close of its end date
 * (`resolveRange`): the base snapshot's value is the start value (0 before the first snapshot),
 * and the days base+1 … end are chained.
 */
import { addDays } from './calc-dates';
import type { PricePoint } from './calc-benchmark';
import { ZERO, toDecimal } from './money';
import {
  annualizedVolatility,
  compareWithBenchmark,
  maxDrawdown,
  moneyWeightedReturn,
  periodReturns,
  resolveRange,
  simpleReturn,
  timeWeightedReturn,
  twrDaysFromSnapshots,
  type PerformanceRange,
  type ResolvedRange,
} from './performance';
import type { SnapshotValues } from './snapshots';
import type { Currency } from './types';

export const CALENDAR_DAYS_PER_YEAR = 365;

export interface PerformanceDto {
  currency: Currency;
  range: ResolvedRange | null;
  startValue: string;
  endValue: string;
  inflow: string;
  outflow: string;
  timeWeighted: {
    method: 'TTWROR';
    description: string;
    cumulative: number | null;
    annualized: number | null;
    /** True when the range is shorter than a year (annualized extrapolates). */
    extrapolated: boolean;
    flaggedDays: { date: string; reason: string }[];
  };
  moneyWeighted: {
    method: 'XIRR';
    description: string;
    rate: number | null;
    /** Why there is no rate (e.g. 'no-sign-change'); null when solved. */
    noSolution: { reason: string; message: string } | null;
  };
  simple: { method: 'simple'; description: string; gain: string; rate: number | null };
  maxDrawdown: {
    method: string;
    value: number;
    peakDate: string | null;
    troughDate: string | null;
    recoveryDate: string | null;
    durationDays: number | null;
  };
  volatility: { method: string; annualized: number | null };
  benchmark: {
    symbol: string;
    name: string;
    portfolioReturn: number | null;
    benchmarkReturn: number | null;
    excessReturn: number | null;
    method: string;
    series: { date: string; portfolio: number | null; benchmark: number | null }[];
  };
}

export interface BenchmarkInfo {
  symbol: string;
  name: string;
  closes: PricePoint[];
}

export function benchmarkFor(currency: Currency): { symbol: string; name: string } {
  return currency === 'KRW'
    ? { symbol: '^KS11', name: 'KOSPI' }
    : { symbol: '^GSPC', name: 'S&P 500' };
}

/** The range over the snapshots (null when there are none), `today` clamping its end. */
export function rangeOver(
  snapshots: readonly SnapshotValues[],
  range: PerformanceRange,
  today: string,
): ResolvedRange | null {
  const first = snapshots[0];
  const last = snapshots.at(-1);
  if (!first || !last) return null;
  const resolved = resolveRange(range, last.date < today ? last.date : today, first.date);
  return resolved.start > resolved.end ? null : resolved;
}

function split(snapshots: readonly SnapshotValues[], range: ResolvedRange) {
  let baseRow: SnapshotValues | undefined;
  for (const s of snapshots) if (s.date <= range.base) baseRow = s;
  const rows = snapshots.filter((s) => s.date >= range.start && s.date <= range.end);
  return { startValue: baseRow?.value ?? ZERO, rows };
}

export function computePerformance(
  currency: Currency,
  snapshots: readonly SnapshotValues[],
  rangeInput: PerformanceRange,
  today: string,
  benchmark: BenchmarkInfo,
): PerformanceDto {
  const range = rangeOver(snapshots, rangeInput, today);
  const { startValue, rows } = range ? split(snapshots, range) : { startValue: ZERO, rows: [] };
  const endValue = rows.at(-1)?.value ?? startValue;
  const inflow = rows.reduce((sum, r) => sum.plus(r.inflow), ZERO);
  const outflow = rows.reduce((sum, r) => sum.plus(r.outflow), ZERO);
  const twr = timeWeightedReturn(twrDaysFromSnapshots(rows, startValue));
  const index = range ? [{ date: range.base, value: 1 }, ...twr.index] : [];
  const mwr =
    range && rows.length > 0
      ? moneyWeightedReturn({
          startDate: range.base,
          startValue,
          endDate: range.end,
          endValue,
          flows: rows.map((r) => ({ date: r.date, inflow: r.inflow, outflow: r.outflow })),
        })
      : ({ ok: false, reason: 'too-few-flows', message: 'no snapshots in the range' } as const);
  const simple = simpleReturn({ startValue, endValue, inflow, outflow });
  const drawdown = maxDrawdown(index);
  const comparison = range
    ? compareWithBenchmark(index, benchmark.closes, range)
    : { portfolioReturn: null, benchmarkReturn: null, excessReturn: null, series: [] };
  return {
    currency,
    range,
    startValue: startValue.toFixed(),
    endValue: endValue.toFixed(),
    inflow: inflow.toFixed(),
    outflow: outflow.toFixed(),
    timeWeighted: {
      method: 'TTWROR',
      description:
        'true time-weighted return, daily-chained: Π(1 + r_t) − 1 with r_t = (end + outflow) / (start + inflow) − 1; annualized (1 + r)^(365/days) − 1',
      cumulative: rows.length > 0 ? twr.cumulative : null,
      annualized: rows.length > 0 ? twr.annualized : null,
      extrapolated: twr.extrapolated,
      flaggedDays: twr.flagged.map((f) => ({ date: f.date, reason: f.reason })),
    },
    moneyWeighted: {
      method: 'XIRR',
      description:
        'money-weighted annual rate making the NPV of the start value, dated flows and end value zero (actual/365)',
      rate: mwr.ok ? mwr.rate : null,
      noSolution: mwr.ok ? null : { reason: mwr.reason, message: mwr.message },
    },
    simple: {
      method: 'simple',
      description: '(end − start − inflow + outflow) / (start + inflow)',
      gain: simple.gain.toFixed(),
      rate: simple.rate,
    },
    maxDrawdown: {
      method: 'largest peak-to-trough fall of the daily time-weighted index',
      value: drawdown.maxDrawdown,
      peakDate: drawdown.peakDate,
      troughDate: drawdown.troughDate,
      recoveryDate: drawdown.recoveryDate,
      durationDays: drawdown.durationDays,
    },
    volatility: {
      method: 'sample std of daily index returns × √365 (calendar-day snapshots)',
      annualized: annualizedVolatility(periodReturns(index), CALENDAR_DAYS_PER_YEAR),
    },
    benchmark: {
      symbol: benchmark.symbol,
      name: benchmark.name,
      portfolioReturn: comparison.portfolioReturn,
      benchmarkReturn: comparison.benchmarkReturn,
      excessReturn: comparison.excessReturn,
      method: 'portfolio TTWROR vs benchmark close(end) / close(base) − 1, same range',
      series: comparison.series,
    },
  };
}

export interface HistoryDto {
  currency: Currency;
  range: ResolvedRange | null;
  points: { date: string; value: string; invested: string; cash: string; netFlow: string }[];
  benchmark: {
    symbol: string;
    name: string;
    /** Closes rebased so the first one equals the portfolio's start value. */
    points: { date: string; value: string }[];
  };
}

export function computeHistory(
  currency: Currency,
  snapshots: readonly SnapshotValues[],
  rangeInput: PerformanceRange,
  today: string,
  benchmark: BenchmarkInfo,
): HistoryDto {
  const range = rangeOver(snapshots, rangeInput, today);
  const points = range ? snapshots.filter((s) => s.date >= range.base && s.date <= range.end) : [];
  // ALL starts from an empty account: rebase to the first non-zero value instead.
  const anchor = points.find((p) => !p.value.isZero());
  const benchPoints: { date: string; value: string }[] = [];
  if (anchor && range) {
    const closes = benchmark.closes.filter((c) => c.date <= range.end);
    let baseIndex = -1;
    closes.forEach((c, i) => {
      if (c.date <= anchor.date) baseIndex = i;
    });
    if (baseIndex < 0) baseIndex = closes.findIndex((c) => c.date >= anchor.date);
    const base = baseIndex >= 0 ? toDecimal(closes[baseIndex]!.close) : null;
    if (base && base.gt(0)) {
      for (const c of closes.slice(baseIndex)) {
        const date = c.date < anchor.date ? anchor.date : c.date;
        benchPoints.push({
          date,
          value: anchor.value.times(toDecimal(c.close)).div(base).toDecimalPlaces(4).toFixed(),
        });
      }
    }
  }
  return {
    currency,
    range,
    points: points.map((p) => ({
      date: p.date,
      value: p.value.toFixed(),
      invested: p.invested.toFixed(),
      cash: p.cash.toFixed(),
      netFlow: p.inflow.minus(p.outflow).toFixed(),
    })),
    benchmark: { symbol: benchmark.symbol, name: benchmark.name, points: benchPoints },
  };
}

/** Bars needed for a range's benchmark: from a little before base (last close on/before it). */
export function benchmarkWindow(range: ResolvedRange | null): { from: string; to: string } | null {
  return range ? { from: addDays(range.base, -14), to: range.end } : null;
}
