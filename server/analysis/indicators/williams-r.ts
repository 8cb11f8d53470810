import type { BarSeries, OhlcvBar } from '../bars';
import {
  assertPeriod,
  type Kernel,
  RollingMax,
  rollingMaxInto,
  rollingMinInto,
  StreamingIndicator,
} from './kernel';

export interface WilliamsRParams {
  period: number;
}
export const williamsRDefaults: WilliamsRParams = { period: 14 };

export const williamsRWarmup = ({ period }: WilliamsRParams): number => period - 1;
export const williamsRStableBars = ({ period }: WilliamsRParams): number => period;

/**
 * Williams %R = −100 · (highest high − close) / (highest high − lowest low) over `period` bars,
 * from 0 (close at the high) to −100 (close at the low). Convention: −50 (the midpoint) when the
 * range is zero (TA-Lib returns 0 there, which would read as "at the high").
 */
export class WilliamsRKernel implements Kernel {
  value = NaN;
  private count = 0;
  private readonly highest: RollingMax;
  private readonly negLowest: RollingMax;
  private saved = { value: NaN, count: 0 };

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.highest = new RollingMax(period);
    this.negLowest = new RollingMax(period);
  }

  step(high: number, low: number, close: number): number {
    return this.stepRange(this.highest.push(high), -this.negLowest.push(-low), close);
  }

  /** The bar given its window's highest high and lowest low (batch computes those in bulk). */
  stepRange(hh: number, ll: number, close: number): number {
    if (++this.count < this.period) return this.value;
    const range = hh - ll;
    this.value = range === 0 ? -50 : (-100 * (hh - close)) / range;
    return this.value;
  }

  save(): void {
    this.highest.save();
    this.negLowest.save();
    this.saved.value = this.value;
    this.saved.count = this.count;
  }

  restore(): void {
    this.highest.restore();
    this.negLowest.restore();
    this.value = this.saved.value;
    this.count = this.saved.count;
  }
}

export function williamsR(
  series: Pick<BarSeries, 'high' | 'low' | 'close'>,
  params: WilliamsRParams = williamsRDefaults,
): Float64Array {
  const kernel = new WilliamsRKernel(params.period);
  const { close } = series;
  const n = close.length;
  // The highest highs go straight into the output; each bar reads its own before replacing it.
  const out = rollingMaxInto(series.high, params.period, new Float64Array(n));
  const lowest = rollingMinInto(series.low, params.period, new Float64Array(n));
  for (let i = 0; i < n; i++) {
    out[i] = kernel.stepRange(out[i]!, lowest[i]!, close[i]!);
  }
  return out;
}

export class WilliamsRStream extends StreamingIndicator<
  Pick<OhlcvBar, 'high' | 'low' | 'close'>,
  number
> {
  protected readonly kernel: WilliamsRKernel;
  constructor(params: WilliamsRParams = williamsRDefaults) {
    super();
    this.kernel = new WilliamsRKernel(params.period);
  }
  protected next(bar: Pick<OhlcvBar, 'high' | 'low' | 'close'>): number {
    return this.kernel.step(bar.high, bar.low, bar.close);
  }
}
