/**
 * Portfolio performance measures, per ../notes/analysis-and-trading.md "Portfolio performance".
 *
 * Money inputs are exact (number, decimal string or Decimal). Sums and ratios are computed in
 * Decimal; the resulting *rates* are returned as JS numbers (floats are fine for a rate at the
 * output step, never for money). XIRR is the exception: its root finder evaluates the NPV in
 * floating point (after scaling the flows), because (1+r)^(t/365) with fractional exponents is
 * a float operation anyway and the answer is a rate.
 */
import type Decimal from 'decimal.js';
import { DomainError } from '@/server/errors';
import { toDayNumber } from './calc-dates';
import { ONE, ZERO, rateOf, toDecimal, toDecimalOr, type DecimalInput } from './money';

export { maxDrawdown, annualizedVolatility, periodReturns } from './calc-risk';
export type { DrawdownResult, IndexPoint } from './calc-risk';
export { rangeStart, resolveRange, selectRange } from './calc-ranges';
export type { PerformanceRange, RangeKey, ResolvedRange } from './calc-ranges';
export { benchmarkReturn, compareWithBenchmark } from './calc-benchmark';
export type { BenchmarkComparison, BenchmarkReturn, PricePoint } from './calc-benchmark';

const DAYS_PER_YEAR = 365;

/** (1 + rate)^(365 / days) − 1 (actual/365). A total loss stays −1. */
export function annualize(rate: number, days: number): number {
  if (!(days > 0)) {
    throw new DomainError('INVALID', `days must be positive to annualize, got ${days}`, {
      field: 'days',
    });
  }
  if (rate <= -1) return -1;
  return Math.pow(1 + rate, DAYS_PER_YEAR / days) - 1;
}

// ---------------------------------------------------------------------------------------------
// XIRR

export interface XirrFlow {
  date: string;
  /** Negative = money paid in (investment), positive = money received (incl. final value). */
  amount: DecimalInput;
}

export interface XirrOptions {
  /** Newton's starting rate (default 0.1, as spreadsheets). */
  guess?: number;
  /** Convergence tolerance on the rate (default 1e-10). */
  tolerance?: number;
  maxIterations?: number;
}

/**
 * `ok: true` → `rate` is the annual rate r with Σ amount_i / (1+r)^(days_i/365) = 0, days counted
 * from the earliest flow. `ok: false` is a normal outcome for flows that have no rate:
 * - `too-few-flows`: fewer than two flows (or all on one date);
 * - `no-sign-change`: all flows have the same sign (nothing invested or nothing returned);
 * - `no-root`: neither Newton nor a bracketed bisection over (−100%, +10^9%) found a root.
 */
export type XirrResult =
  | { ok: true; rate: number; method: 'newton' | 'bisection'; iterations: number }
  | { ok: false; reason: 'too-few-flows' | 'no-sign-change' | 'no-root'; message: string };

export function xirr(flows: readonly XirrFlow[], options: XirrOptions = {}): XirrResult {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  const days = flows.map((f, i) => toDayNumber(f.date, `flows[${i}].date`));
  const amounts = flows.map((f, i) => toDecimal(f.amount, `flows[${i}].amount`));
  const nonZero = amounts.filter((a) => !a.isZero());
  if (nonZero.length < 2 || new Set(days).size < 2) {
    return { ok: false, reason: 'too-few-flows', message: 'XIRR needs at least two dated flows' };
  }
  if (!nonZero.some((a) => a.isNegative()) || !nonZero.some((a) => a.isPositive())) {
    return {
      ok: false,
      reason: 'no-sign-change',
      message: 'XIRR needs both money invested (negative) and money returned (positive)',
    };
  }
  // Scale by the largest flow so the NPV's magnitude (and the tolerance on it) is unit-free.
  const scale = amounts.reduce((m, a) => (a.abs().gt(m) ? a.abs() : m), ZERO);
  const a = amounts.map((x) => x.div(scale).toNumber());
  const first = Math.min(...days);
  const t = days.map((d) => (d - first) / DAYS_PER_YEAR);

  const npv = (r: number) => {
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += a[i]! * Math.pow(1 + r, -t[i]!);
    return sum;
  };
  const dnpv = (r: number) => {
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum -= t[i]! * a[i]! * Math.pow(1 + r, -t[i]! - 1);
    return sum;
  };

  let r = options.guess ?? 0.1;
  for (let i = 1; i <= maxIterations; i++) {
    const f = npv(r);
    const df = dnpv(r);
    if (!Number.isFinite(f) || !Number.isFinite(df) || df === 0) break;
    const next = r - f / df;
    if (!Number.isFinite(next) || next <= -1) break;
    if (Math.abs(next - r) < tolerance) {
      if (Math.abs(npv(next)) < 1e-9)
        return { ok: true, rate: next, method: 'newton', iterations: i };
      break;
    }
    r = next;
  }

  // Bisection fallback: bracket a sign change on a grid around zero, nearest to zero first.
  const grid = [0, 0.1, -0.1, 0.25, -0.25, 0.5, -0.5, 1, -0.75, 2, -0.9, 5, -0.99, 10, -0.999];
  grid.push(100, -0.9999, 1e3, -0.99999, 1e4, -0.999999, 1e5, 1e6, 1e7);
  const points = [...new Set(grid)].sort((x, y) => x - y);
  const brackets: [number, number][] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const lo = points[i]!;
    const hi = points[i + 1]!;
    const flo = npv(lo);
    const fhi = npv(hi);
    if (Number.isFinite(flo) && Number.isFinite(fhi) && Math.sign(flo) !== Math.sign(fhi)) {
      brackets.push([lo, hi]);
    }
  }
  brackets.sort(
    (x, y) => Math.min(Math.abs(x[0]), Math.abs(x[1])) - Math.min(Math.abs(y[0]), Math.abs(y[1])),
  );
  const bracket = brackets[0];
  if (!bracket) {
    return { ok: false, reason: 'no-root', message: 'no rate makes the net present value zero' };
  }
  let [lo, hi] = bracket;
  let flo = npv(lo);
  let iterations = 0;
  while (hi - lo > tolerance * Math.max(1, Math.abs(lo)) && iterations < 400) {
    iterations++;
    const mid = (lo + hi) / 2;
    const fmid = npv(mid);
    if (fmid === 0) return { ok: true, rate: mid, method: 'bisection', iterations };
    if (Math.sign(fmid) === Math.sign(flo)) {
      lo = mid;
      flo = fmid;
    } else hi = mid;
  }
  return { ok: true, rate: (lo + hi) / 2, method: 'bisection', iterations };
}

export interface PeriodFlow {
  date: string;
  inflow?: DecimalInput | null;
  outflow?: DecimalInput | null;
}

/**
 * XIRR over a range from the investor's side: the value at the range's base is money put in on
 * `startDate` (skipped when zero, e.g. ALL), each inflow is paid in and each outflow received on
 * its date, and the end value is received on `endDate`.
 */
export function moneyWeightedReturn(
  input: {
    startDate: string;
    startValue: DecimalInput;
    endDate: string;
    endValue: DecimalInput;
    flows: readonly PeriodFlow[];
  },
  options?: XirrOptions,
): XirrResult {
  const flows: XirrFlow[] = [];
  const start = toDecimal(input.startValue, 'startValue');
  if (!start.isZero()) flows.push({ date: input.startDate, amount: start.negated() });
  input.flows.forEach((f, i) => {
    const net = toDecimalOr(f.outflow, `flows[${i}].outflow`).minus(
      toDecimalOr(f.inflow, `flows[${i}].inflow`),
    );
    if (!net.isZero()) flows.push({ date: f.date, amount: net });
  });
  flows.push({ date: input.endDate, amount: toDecimal(input.endValue, 'endValue') });
  return xirr(flows, options);
}

// ---------------------------------------------------------------------------------------------
// Time-weighted return (TTWROR)

export interface TwrDay {
  date: string;
  /** MVB: value at the start of the day (normally the previous day's end value). */
  startValue: DecimalInput;
  /** MVE: value at the end of the day, after the day's flows. */
  endValue: DecimalInput;
  /** CFin: external money in (deposits, transfers in), counted at the start of the day. */
  inflow?: DecimalInput | null;
  /** CFout: external money out (withdrawals, transfers out), counted at the end of the day. */
  outflow?: DecimalInput | null;
}

export type TwrFlagReason = 'zero-base' | 'negative-base' | 'discontinuity';

export interface TwrResult {
  /** Π(1 + r_t) − 1. */
  cumulative: number;
  /** (1 + cumulative)^(365/days) − 1; null for an empty series. */
  annualized: number | null;
  /** Calendar days covered: first date's start to last date's end (last − first + 1). */
  days: number;
  /** True when `days` < 365, i.e. `annualized` extrapolates a shorter period. */
  extrapolated: boolean;
  /** r_t per day. */
  dailyReturns: { date: string; rate: number }[];
  /** Growth of 1 at each day's end (the portfolio's daily index, for charts/drawdown). */
  index: { date: string; value: number }[];
  /** Days that need attention; zero/negative-base days contributed 0. */
  flagged: { date: string; reason: TwrFlagReason; message: string }[];
}

/**
 * Daily-chained true time-weighted return: r_t = (MVE_t + CFout_t) / (MVB_t + CFin_t) − 1,
 * cumulative = Π(1 + r_t) − 1, annualized = (1 + cumulative)^(365/days) − 1. A day with
 * MVB + CFin = 0 (empty account) contributes 0 and is flagged `zero-base` (`negative-base` when
 * below zero, e.g. negative cash). A day whose startValue differs from the previous endValue is
 * computed with its own startValue and flagged `discontinuity` (a missing snapshot or bad data).
 * Days must be in strictly ascending date order.
 */
export function timeWeightedReturn(days: readonly TwrDay[]): TwrResult {
  let growth = ONE;
  let previousEnd: Decimal | null = null;
  let previousDay = -Infinity;
  const dailyReturns: TwrResult['dailyReturns'] = [];
  const index: TwrResult['index'] = [];
  const flagged: TwrResult['flagged'] = [];

  days.forEach((row, i) => {
    const day = toDayNumber(row.date, `days[${i}].date`);
    if (day <= previousDay) {
      throw new DomainError(
        'INVALID',
        `days[${i}].date ${row.date} is not after the previous day`,
        {
          field: `days[${i}].date`,
        },
      );
    }
    previousDay = day;
    const start = toDecimal(row.startValue, `days[${i}].startValue`);
    const end = toDecimal(row.endValue, `days[${i}].endValue`);
    const inflow = toDecimalOr(row.inflow, `days[${i}].inflow`);
    const outflow = toDecimalOr(row.outflow, `days[${i}].outflow`);
    if (previousEnd !== null && !start.eq(previousEnd)) {
      flagged.push({
        date: row.date,
        reason: 'discontinuity',
        message: `start value ${start.toString()} differs from the previous end value ${previousEnd.toString()}`,
      });
    }
    previousEnd = end;
    const base = start.plus(inflow);
    let rate = ZERO;
    if (base.lte(0)) {
      const zero = base.isZero();
      flagged.push({
        date: row.date,
        reason: zero ? 'zero-base' : 'negative-base',
        message: zero
          ? 'start value plus inflow is zero; the day contributes no return'
          : 'start value plus inflow is negative; the day contributes no return',
      });
    } else {
      rate = end.plus(outflow).div(base).minus(1);
      growth = growth.times(rate.plus(1));
    }
    dailyReturns.push({ date: row.date, rate: rate.toNumber() });
    index.push({ date: row.date, value: growth.toNumber() });
  });

  const cumulative = growth.minus(1).toNumber();
  const first = days[0];
  const last = days.at(-1);
  const span = first && last ? toDayNumber(last.date) - toDayNumber(first.date) + 1 : 0;
  return {
    cumulative,
    annualized: span > 0 ? annualize(cumulative, span) : null,
    days: span,
    extrapolated: span < DAYS_PER_YEAR,
    dailyReturns,
    index,
    flagged,
  };
}

export interface ValueSnapshot {
  date: string;
  /** Value at the day's end (after its flows). */
  value: DecimalInput;
  inflow?: DecimalInput | null;
  outflow?: DecimalInput | null;
}

/**
 * Builds TTWROR days from daily snapshots: MVB_t = MVE_{t−1}, the first day starting from
 * `initialValue` (0 for an account's first day, or the value at the range's base).
 */
export function twrDaysFromSnapshots(
  snapshots: readonly ValueSnapshot[],
  initialValue: DecimalInput = 0,
): TwrDay[] {
  let previous: DecimalInput = initialValue;
  return snapshots.map((snapshot) => {
    const day: TwrDay = {
      date: snapshot.date,
      startValue: previous,
      endValue: snapshot.value,
      inflow: snapshot.inflow ?? null,
      outflow: snapshot.outflow ?? null,
    };
    previous = snapshot.value;
    return day;
  });
}

// ---------------------------------------------------------------------------------------------
// Simple return

export interface SimpleReturnInput {
  startValue: DecimalInput;
  endValue: DecimalInput;
  /** External money in during the period. */
  inflow?: DecimalInput | null;
  /** External money out during the period. */
  outflow?: DecimalInput | null;
}

export interface SimpleReturnResult {
  /** endValue − startValue − inflow + outflow: what the period earned. */
  gain: Decimal;
  /** startValue + inflow: the money at work. */
  invested: Decimal;
  /** gain / invested; null when nothing was invested. */
  rate: number | null;
}

/**
 * Simple return: gain / invested. Over ALL with a zero start value this is (value − deposits +
 * withdrawals) / deposits — what a brokerage app calls total return. It ignores *when* money came
 * in, which is what TTWROR and XIRR are for.
 */
export function simpleReturn(input: SimpleReturnInput): SimpleReturnResult {
  const start = toDecimal(input.startValue, 'startValue');
  const end = toDecimal(input.endValue, 'endValue');
  const inflow = toDecimalOr(input.inflow, 'inflow');
  const outflow = toDecimalOr(input.outflow, 'outflow');
  const gain = end.minus(start).minus(inflow).plus(outflow);
  const invested = start.plus(inflow);
  return { gain, invested, rate: invested.gt(0) ? rateOf(gain, invested) : null };
}
