import {
  assertPeriod,
  assertPositive,
  type Kernel,
  RingWindow,
  StreamingIndicator,
} from './kernel';

export interface BollingerParams {
  period: number;
  stddev: number;
}
export const bollingerDefaults: BollingerParams = { period: 20, stddev: 2 };

export interface BandValue {
  upper: number;
  middle: number;
  lower: number;
}
export interface BandLines {
  upper: Float64Array;
  middle: Float64Array;
  lower: Float64Array;
}

export const bollingerWarmup = ({ period }: BollingerParams): number => period - 1;
export const bollingerStableBars = ({ period }: BollingerParams): number => period;

/**
 * Bollinger Bands: SMA(period) ± stddev · σ, σ the **population** standard deviation of the window
 * (TA-Lib; pandas' default sample σ gives wider bands). Rolling sums of x and x², variance =
 * E[x²] − E[x]², floored at 0 so rounding can never produce a NaN on a flat window.
 */
export class BollingerKernel implements Kernel {
  upper = NaN;
  middle = NaN;
  lower = NaN;
  private sum = 0;
  private sumSquares = 0;
  private readonly window: RingWindow;
  private saved = { upper: NaN, middle: NaN, lower: NaN, sum: 0, sumSquares: 0 };

  constructor(readonly params: BollingerParams) {
    assertPeriod('period', params.period);
    assertPositive('stddev', params.stddev);
    this.window = new RingWindow(params.period);
  }

  step(x: number): void {
    if (this.window.isFull) {
      const out = this.window.push(x);
      this.sum += x - out;
      this.sumSquares += x * x - out * out;
    } else {
      this.window.push(x);
      this.sum += x;
      this.sumSquares += x * x;
      if (!this.window.isFull) return;
    }
    const n = this.params.period;
    const mean = this.sum / n;
    const variance = this.sumSquares / n - mean * mean;
    const width = variance > 0 ? this.params.stddev * Math.sqrt(variance) : 0;
    this.middle = mean;
    this.upper = mean + width;
    this.lower = mean - width;
  }

  save(): void {
    this.window.save();
    const s = this.saved;
    s.upper = this.upper;
    s.middle = this.middle;
    s.lower = this.lower;
    s.sum = this.sum;
    s.sumSquares = this.sumSquares;
  }

  restore(): void {
    this.window.restore();
    const s = this.saved;
    this.upper = s.upper;
    this.middle = s.middle;
    this.lower = s.lower;
    this.sum = s.sum;
    this.sumSquares = s.sumSquares;
  }
}

export function bollinger(
  values: ArrayLike<number>,
  params: BollingerParams = bollingerDefaults,
): BandLines {
  const kernel = new BollingerKernel(params);
  const n = values.length;
  const lines: BandLines = {
    upper: new Float64Array(n),
    middle: new Float64Array(n),
    lower: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    kernel.step(values[i]!);
    lines.upper[i] = kernel.upper;
    lines.middle[i] = kernel.middle;
    lines.lower[i] = kernel.lower;
  }
  return lines;
}

export class BollingerStream extends StreamingIndicator<number, BandValue> {
  protected readonly kernel: BollingerKernel;
  constructor(params: BollingerParams = bollingerDefaults) {
    super();
    this.kernel = new BollingerKernel(params);
  }
  protected next(x: number): BandValue {
    const k = this.kernel;
    k.step(x);
    return { upper: k.upper, middle: k.middle, lower: k.lower };
  }
}
