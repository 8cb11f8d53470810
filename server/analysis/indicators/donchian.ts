import type { BarSeries, OhlcvBar } from '../bars';
import type { BandLines, BandValue } from './bollinger';
import {
  assertPeriod,
  type Kernel,
  RollingMax,
  rollingMaxInto,
  rollingMinInto,
  StreamingIndicator,
} from './kernel';

export interface DonchianParams {
  period: number;
}
export const donchianDefaults: DonchianParams = { period: 20 };

export const donchianWarmup = ({ period }: DonchianParams): number => period - 1;
export const donchianStableBars = ({ period }: DonchianParams): number => period;

/**
 * Donchian channel: upper = highest high and lower = lowest low of the last `period` bars
 * *including the current one*, middle = their midpoint. A breakout rule ("close above the prior
 * 20-day high", the turtles' entry) compares against the previous bar's upper band.
 */
export class DonchianKernel implements Kernel {
  upper = NaN;
  middle = NaN;
  lower = NaN;
  private count = 0;
  private readonly highest: RollingMax;
  private readonly negLowest: RollingMax;
  private saved = { upper: NaN, middle: NaN, lower: NaN, count: 0 };

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.highest = new RollingMax(period);
    this.negLowest = new RollingMax(period);
  }

  step(high: number, low: number): void {
    this.stepRange(this.highest.push(high), -this.negLowest.push(-low));
  }

  /** The bar given its window's highest high and lowest low (batch computes those in bulk). */
  stepRange(hh: number, ll: number): void {
    if (++this.count < this.period) return;
    this.upper = hh;
    this.lower = ll;
    this.middle = (hh + ll) / 2;
  }

  save(): void {
    this.highest.save();
    this.negLowest.save();
    const s = this.saved;
    s.upper = this.upper;
    s.middle = this.middle;
    s.lower = this.lower;
    s.count = this.count;
  }

  restore(): void {
    this.highest.restore();
    this.negLowest.restore();
    const s = this.saved;
    this.upper = s.upper;
    this.middle = s.middle;
    this.lower = s.lower;
    this.count = s.count;
  }
}

export function donchian(
  series: Pick<BarSeries, 'high' | 'low'>,
  params: DonchianParams = donchianDefaults,
): BandLines {
  const kernel = new DonchianKernel(params.period);
  const n = series.high.length;
  // The window extremes are written straight into the bands, then each bar is read before its
  // band values replace them (no scratch arrays).
  const upper = rollingMaxInto(series.high, params.period, new Float64Array(n));
  const lower = rollingMinInto(series.low, params.period, new Float64Array(n));
  const middle = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    kernel.stepRange(upper[i]!, lower[i]!);
    upper[i] = kernel.upper;
    middle[i] = kernel.middle;
    lower[i] = kernel.lower;
  }
  return { upper, middle, lower };
}

/**
 * One band of donchian(series, { period }) alone, bit for bit (NaN through the warm-up, then the
 * window extreme): for rules that read one band, without the other band and the middle line.
 */
export function donchianBand(
  series: Pick<BarSeries, 'high' | 'low'>,
  period: number,
  band: 'upper' | 'lower',
): Float64Array {
  assertPeriod('period', period);
  const n = series.high.length;
  const out =
    band === 'upper'
      ? rollingMaxInto(series.high, period, new Float64Array(n))
      : rollingMinInto(series.low, period, new Float64Array(n));
  out.fill(NaN, 0, Math.min(period - 1, n));
  return out;
}

export class DonchianStream extends StreamingIndicator<Pick<OhlcvBar, 'high' | 'low'>, BandValue> {
  protected readonly kernel: DonchianKernel;
  constructor(params: DonchianParams = donchianDefaults) {
    super();
    this.kernel = new DonchianKernel(params.period);
  }
  protected next(bar: Pick<OhlcvBar, 'high' | 'low'>): BandValue {
    const k = this.kernel;
    k.step(bar.high, bar.low);
    return { upper: k.upper, middle: k.middle, lower: k.lower };
  }
}
