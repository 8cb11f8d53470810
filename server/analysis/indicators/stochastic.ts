import type { BarSeries, OhlcvBar } from '../bars';
import {
  assertPeriod,
  type Kernel,
  RollingMax,
  rollingMaxInto,
  rollingMinInto,
  StreamingIndicator,
} from './kernel';
import { SmaKernel } from './sma';

export interface StochasticParams {
  period: number;
  kSmoothing: number;
  dPeriod: number;
}
export const stochasticDefaults: StochasticParams = { period: 14, kSmoothing: 3, dPeriod: 3 };

export interface StochasticValue {
  k: number;
  d: number;
}
export interface StochasticLines {
  k: Float64Array;
  d: Float64Array;
}

/** %K starts at period + kSmoothing − 2, %D at period + kSmoothing + dPeriod − 3 (TA-Lib STOCH). */
export const stochasticWarmup = (p: StochasticParams): number =>
  p.period + p.kSmoothing + p.dPeriod - 3;
export const stochasticStableBars = (p: StochasticParams): number => stochasticWarmup(p) + 1;

/**
 * Slow stochastic: raw %K = 100 · (close − lowest low) / (highest high − lowest low) over `period`
 * bars, %K = SMA(kSmoothing) of raw %K, %D = SMA(dPeriod) of %K (technicalindicators returns the
 * fast %K). Convention: when the range is zero (a flat window) raw %K is 50, the midpoint.
 */
export class StochasticKernel implements Kernel {
  k = NaN;
  d = NaN;
  private readonly highest: RollingMax;
  private readonly negLowest: RollingMax;
  private readonly kSma: SmaKernel;
  private readonly dSma: SmaKernel;
  private count = 0;
  private saved = { k: NaN, d: NaN, count: 0 };

  constructor(readonly params: StochasticParams) {
    assertPeriod('period', params.period);
    assertPeriod('kSmoothing', params.kSmoothing);
    assertPeriod('dPeriod', params.dPeriod);
    this.highest = new RollingMax(params.period);
    this.negLowest = new RollingMax(params.period);
    this.kSma = new SmaKernel(params.kSmoothing);
    this.dSma = new SmaKernel(params.dPeriod);
  }

  step(high: number, low: number, close: number): void {
    this.stepRange(this.highest.push(high), -this.negLowest.push(-low), close);
  }

  /** The bar given its window's highest high and lowest low (batch computes those in bulk). */
  stepRange(hh: number, ll: number, close: number): void {
    if (++this.count < this.params.period) return;
    const range = hh - ll;
    const raw = range === 0 ? 50 : (100 * (close - ll)) / range;
    this.k = this.kSma.step(raw);
    if (this.k === this.k) this.d = this.dSma.step(this.k);
  }

  save(): void {
    this.highest.save();
    this.negLowest.save();
    this.kSma.save();
    this.dSma.save();
    this.saved.k = this.k;
    this.saved.d = this.d;
    this.saved.count = this.count;
  }

  restore(): void {
    this.highest.restore();
    this.negLowest.restore();
    this.kSma.restore();
    this.dSma.restore();
    this.k = this.saved.k;
    this.d = this.saved.d;
    this.count = this.saved.count;
  }
}

export function stochastic(
  series: Pick<BarSeries, 'high' | 'low' | 'close'>,
  params: StochasticParams = stochasticDefaults,
): StochasticLines {
  const kernel = new StochasticKernel(params);
  const { close } = series;
  const n = close.length;
  // %K's array holds the highest highs and %D's the lowest lows until each bar, read first,
  // replaces them with its own values (no scratch arrays).
  const k = rollingMaxInto(series.high, params.period, new Float64Array(n));
  const d = rollingMinInto(series.low, params.period, new Float64Array(n));
  for (let i = 0; i < n; i++) {
    kernel.stepRange(k[i]!, d[i]!, close[i]!);
    k[i] = kernel.k;
    d[i] = kernel.d;
  }
  return { k, d };
}

export class StochasticStream extends StreamingIndicator<
  Pick<OhlcvBar, 'high' | 'low' | 'close'>,
  StochasticValue
> {
  protected readonly kernel: StochasticKernel;
  constructor(params: StochasticParams = stochasticDefaults) {
    super();
    this.kernel = new StochasticKernel(params);
  }
  protected next(bar: Pick<OhlcvBar, 'high' | 'low' | 'close'>): StochasticValue {
    this.kernel.step(bar.high, bar.low, bar.close);
    return { k: this.kernel.k, d: this.kernel.d };
  }
}
