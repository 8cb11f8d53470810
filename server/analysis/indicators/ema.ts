import { assertPeriod, decayBars, type Kernel, StreamingIndicator } from './kernel';

export interface EmaParams {
  period: number;
}
export const emaDefaults: EmaParams = { period: 20 };

/** TA-Lib: the first value (index period − 1) is the SMA of the first `period` values. */
export const emaWarmup = ({ period }: EmaParams): number => period - 1;
export const emaStableBars = ({ period }: EmaParams): number =>
  period + decayBars(2 / (period + 1));

/**
 * Exponential moving average, k = 2 / (period + 1), seeded with the SMA of the first `period`
 * values (TA-Lib; trading-signals and old LEAN seed from the first price instead). The update is
 * TA-Lib's `(x − ema) · k + ema`.
 */
export class EmaKernel implements Kernel {
  value = NaN;
  private count = 0;
  private sum = 0;
  private readonly k: number;
  private saved = { value: NaN, count: 0, sum: 0 };

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.k = 2 / (period + 1);
  }

  step(x: number): number {
    const count = ++this.count;
    if (count > this.period) {
      this.value = (x - this.value) * this.k + this.value;
    } else {
      this.sum += x;
      this.value = count === this.period ? this.sum / this.period : NaN;
    }
    return this.value;
  }

  save(): void {
    this.saved.value = this.value;
    this.saved.count = this.count;
    this.saved.sum = this.sum;
  }

  restore(): void {
    this.value = this.saved.value;
    this.count = this.saved.count;
    this.sum = this.saved.sum;
  }
}

export function ema(values: ArrayLike<number>, params: EmaParams = emaDefaults): Float64Array {
  const kernel = new EmaKernel(params.period);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = kernel.step(values[i]!);
  return out;
}

export class EmaStream extends StreamingIndicator<number, number> {
  protected readonly kernel: EmaKernel;
  constructor(params: EmaParams = emaDefaults) {
    super();
    this.kernel = new EmaKernel(params.period);
  }
  protected next(x: number): number {
    return this.kernel.step(x);
  }
}
