import { assertPeriod, type Kernel, RingWindow, StreamingIndicator } from './kernel';

export interface SmaParams {
  period: number;
}
export const smaDefaults: SmaParams = { period: 20 };

/** First value at index period − 1; exact from then on (no smoothing memory). */
export const smaWarmup = ({ period }: SmaParams): number => period - 1;
export const smaStableBars = ({ period }: SmaParams): number => period;

/**
 * Simple moving average with a rolling sum (one add and one subtract per bar, TA-Lib's method);
 * the rounding this accumulates stays around 1e-12 of the price scale even on 100k+ bars.
 */
export class SmaKernel implements Kernel {
  value = NaN;
  private sum = 0;
  private readonly window: RingWindow;
  private savedSum = 0;
  private savedValue = NaN;

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.window = new RingWindow(period);
  }

  step(x: number): number {
    if (this.window.isFull) {
      this.sum += x - this.window.push(x);
    } else {
      this.window.push(x);
      this.sum += x;
    }
    this.value = this.window.isFull ? this.sum / this.period : NaN;
    return this.value;
  }

  save(): void {
    this.window.save();
    this.savedSum = this.sum;
    this.savedValue = this.value;
  }

  restore(): void {
    this.window.restore();
    this.sum = this.savedSum;
    this.value = this.savedValue;
  }
}

export function sma(values: ArrayLike<number>, params: SmaParams = smaDefaults): Float64Array {
  const kernel = new SmaKernel(params.period);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = kernel.step(values[i]!);
  return out;
}

export class SmaStream extends StreamingIndicator<number, number> {
  protected readonly kernel: SmaKernel;
  constructor(params: SmaParams = smaDefaults) {
    super();
    this.kernel = new SmaKernel(params.period);
  }
  protected next(x: number): number {
    return this.kernel.step(x);
  }
}
