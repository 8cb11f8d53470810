/**
 * Risk measures of a portfolio's daily index (e.g. `timeWeightedReturn().index`, or values of an
 * account without flows). Ratios of index values are rates, computed as floats.
 */
import { DomainError } from '@/server/errors';
import { daysBetween } from './calc-dates';
import { toDecimal, type DecimalInput } from './money';

export interface IndexPoint {
  date: string;
  value: DecimalInput;
}

export interface DrawdownResult {
  /** max over t of 1 − value_t / running max, as a positive fraction (0.25 = −25%). */
  maxDrawdown: number;
  peakDate: string | null;
  peakValue: number | null;
  troughDate: string | null;
  troughValue: number | null;
  /** First date after the trough back at or above the peak value; null if not (yet) recovered. */
  recoveryDate: string | null;
  recovered: boolean;
  /** Calendar days from peak to recovery, or to the last date when not recovered. */
  durationDays: number | null;
  /** Calendar days from peak to trough. */
  declineDays: number | null;
}

function toNumbers(series: readonly IndexPoint[]): number[] {
  return series.map((p, i) => {
    const value = typeof p.value === 'number' ? p.value : toDecimal(p.value).toNumber();
    if (!Number.isFinite(value)) {
      throw new DomainError('INVALID', `series[${i}].value must be a finite number`, {
        field: `series[${i}].value`,
      });
    }
    return value;
  });
}

/** Max drawdown with its peak, trough, recovery and duration; 0 with null dates if none. */
export function maxDrawdown(series: readonly IndexPoint[]): DrawdownResult {
  const values = toNumbers(series);
  let peakIndex = -1;
  let best = { drawdown: 0, peak: -1, trough: -1 };
  values.forEach((value, i) => {
    if (peakIndex < 0 || value > values[peakIndex]!) {
      if (value > 0) peakIndex = i;
      return;
    }
    const drawdown = 1 - value / values[peakIndex]!;
    if (drawdown > best.drawdown) best = { drawdown, peak: peakIndex, trough: i };
  });
  if (best.peak < 0) {
    return {
      maxDrawdown: 0,
      peakDate: null,
      peakValue: null,
      troughDate: null,
      troughValue: null,
      recoveryDate: null,
      recovered: false,
      durationDays: null,
      declineDays: null,
    };
  }
  const peak = series[best.peak]!;
  const trough = series[best.trough]!;
  const peakValue = values[best.peak]!;
  let recovery = -1;
  for (let i = best.trough + 1; i < values.length; i++) {
    if (values[i]! >= peakValue) {
      recovery = i;
      break;
    }
  }
  const recoveryDate = recovery >= 0 ? series[recovery]!.date : null;
  const endDate = recoveryDate ?? series.at(-1)!.date;
  return {
    maxDrawdown: best.drawdown,
    peakDate: peak.date,
    peakValue,
    troughDate: trough.date,
    troughValue: values[best.trough]!,
    recoveryDate,
    recovered: recovery >= 0,
    durationDays: daysBetween(peak.date, endDate),
    declineDays: daysBetween(peak.date, trough.date),
  };
}

/** value_t / value_{t−1} − 1 for consecutive points (skips a zero previous value). */
export function periodReturns(series: readonly IndexPoint[]): number[] {
  const values = toNumbers(series);
  const returns: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const previous = values[i - 1]!;
    if (previous !== 0) returns.push(values[i]! / previous - 1);
  }
  return returns;
}

/**
 * Annualized volatility: sample standard deviation (n − 1) of per-period returns × √periodsPerYear
 * (252 trading days for equities, 365 for crypto or calendar-day series). Null for < 2 returns.
 */
export function annualizedVolatility(
  returns: readonly number[],
  periodsPerYear = 252,
): number | null {
  if (returns.length < 2) return null;
  const mean = returns.reduce((s, r) => s + r, 0) / returns.length;
  const variance = returns.reduce((s, r) => s + (r - mean) ** 2, 0) / (returns.length - 1);
  return Math.sqrt(variance) * Math.sqrt(periodsPerYear);
}
