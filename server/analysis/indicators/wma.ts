import { assertPeriod, type Kernel, RingWindow, StreamingIndicator } from './kernel';

export interface WmaParams {
  period: number;
}
export const wmaDefaults: WmaParams = { period: 20 };

export const wmaWarmup = ({ period }: WmaParams): number => period - 1;
export const wmaStableBars = ({ period }: WmaParams): number => period;

/**
 * Linearly weighted moving average (weights 1…period, newest heaviest). Rolling form as in TA-Lib:
 * when the window slides, every weight drops by one, i.e. the weighted sum loses the plain sum of
 * the previous window and gains period · x.
 */
export class WmaKernel implements Kernel {
  value = NaN;
  private sum = 0;
  private weighted = 0;
  private readonly divisor: number;
  private readonly window: RingWindow;
  private saved = { value: NaN, sum: 0, weighted: 0 };

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.divisor = (period * (period + 1)) / 2;
    this.window = new RingWindow(period);
  }

  step(x: number): number {
    if (this.window.isFull) {
      this.weighted += this.period * x - this.sum;
      this.sum += x - this.window.push(x);
    } else {
      this.window.push(x);
      this.weighted += this.window.count * x;
      this.sum += x;
    }
    this.value = this.window.isFull ? this.weighted / this.divisor : NaN;
    return this.value;
  }

  save(): void {
    this.window.save();
    this.saved.value = this.value;
    this.saved.sum = this.sum;
    this.saved.weighted = this.weighted;
  }

  restore(): void {
    this.window.restore();
    this.value = this.saved.value;
    this.sum = this.saved.sum;
    this.weighted = this.saved.weighted;
  }
}

export function wma(values: ArrayLike<number>, params: WmaParams = wmaDefaults): Float64Array {
  const kernel = new WmaKernel(params.period);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = kernel.step(values[i]!);
  return out;
}

export class WmaStream extends StreamingIndicator<number, number> {
  protected readonly kernel: WmaKernel;
  constructor(params: WmaParams = wmaDefaults) {
    super();
    this.kernel = new WmaKernel(params.period);
  }
  protected next(x: number): number {
    return this.kernel.step(x);
  }
}
