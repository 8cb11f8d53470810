import { assertPeriod, type Kernel, RingWindow, StreamingIndicator } from './kernel';

export interface RocParams {
  period: number;
}
export const rocDefaults: RocParams = { period: 10 };

export const rocWarmup = ({ period }: RocParams): number => period;
export const rocStableBars = ({ period }: RocParams): number => period + 1;

/**
 * Rate of change in percent: 100 · (x / x[period bars ago] − 1) (TA-Lib ROC); 0 when the earlier
 * value is 0, as in TA-Lib, rather than an infinity.
 */
export class RocKernel implements Kernel {
  value = NaN;
  private readonly window: RingWindow;
  private savedValue = NaN;

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.window = new RingWindow(period);
  }

  step(x: number): number {
    const full = this.window.isFull;
    const earlier = this.window.push(x);
    if (full) this.value = earlier === 0 ? 0 : (x / earlier - 1) * 100;
    return this.value;
  }

  save(): void {
    this.window.save();
    this.savedValue = this.value;
  }

  restore(): void {
    this.window.restore();
    this.value = this.savedValue;
  }
}

export function roc(values: ArrayLike<number>, params: RocParams = rocDefaults): Float64Array {
  const kernel = new RocKernel(params.period);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = kernel.step(values[i]!);
  return out;
}

export class RocStream extends StreamingIndicator<number, number> {
  protected readonly kernel: RocKernel;
  constructor(params: RocParams = rocDefaults) {
    super();
    this.kernel = new RocKernel(params.period);
  }
  protected next(x: number): number {
    return this.kernel.step(x);
  }
}
