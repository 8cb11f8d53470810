import type { BarSeries, OhlcvBar } from '../bars';
import { assertPeriod, type Kernel, RingWindow, StreamingIndicator } from './kernel';

export interface CciParams {
  period: number;
}
export const cciDefaults: CciParams = { period: 20 };

export const cciWarmup = ({ period }: CciParams): number => period - 1;
export const cciStableBars = ({ period }: CciParams): number => period;

/** Lambert's constant: scales CCI so that ~70–80% of values fall within ±100. */
const LAMBERT = 0.015;

/**
 * Commodity Channel Index on the typical price tp = (high + low + close) / 3:
 * CCI = (tp − SMA(tp)) / (0.015 · mean absolute deviation of tp from that SMA); 0 when the mean
 * deviation is 0 (TA-Lib). The mean deviation is taken around the *current* mean, so it cannot be
 * rolled like a sum: it costs O(period) per bar (as in TA-Lib), the SMA itself is rolling.
 */
export class CciKernel implements Kernel {
  value = NaN;
  private sum = 0;
  private readonly window: RingWindow;
  private saved = { value: NaN, sum: 0 };

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.window = new RingWindow(period);
  }

  step(high: number, low: number, close: number): number {
    const tp = (high + low + close) / 3;
    if (this.window.isFull) {
      this.sum += tp - this.window.push(tp);
    } else {
      this.window.push(tp);
      this.sum += tp;
      if (!this.window.isFull) return this.value;
    }
    const period = this.period;
    const mean = this.sum / period;
    const buffer = this.window.buffer;
    let deviation = 0;
    for (let j = 0; j < period; j++) deviation += Math.abs(buffer[j]! - mean);
    deviation /= period;
    this.value = deviation === 0 ? 0 : (tp - mean) / (LAMBERT * deviation);
    return this.value;
  }

  save(): void {
    this.window.save();
    this.saved.value = this.value;
    this.saved.sum = this.sum;
  }

  restore(): void {
    this.window.restore();
    this.value = this.saved.value;
    this.sum = this.saved.sum;
  }
}

export function cci(
  series: Pick<BarSeries, 'high' | 'low' | 'close'>,
  params: CciParams = cciDefaults,
): Float64Array {
  const kernel = new CciKernel(params.period);
  const { high, low, close } = series;
  const out = new Float64Array(close.length);
  for (let i = 0; i < close.length; i++) out[i] = kernel.step(high[i]!, low[i]!, close[i]!);
  return out;
}

export class CciStream extends StreamingIndicator<
  Pick<OhlcvBar, 'high' | 'low' | 'close'>,
  number
> {
  protected readonly kernel: CciKernel;
  constructor(params: CciParams = cciDefaults) {
    super();
    this.kernel = new CciKernel(params.period);
  }
  protected next(bar: Pick<OhlcvBar, 'high' | 'low' | 'close'>): number {
    return this.kernel.step(bar.high, bar.low, bar.close);
  }
}
