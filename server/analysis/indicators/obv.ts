import type { BarSeries, OhlcvBar } from '../bars';
import { type Kernel, StreamingIndicator } from './kernel';

export type ObvParams = Record<string, never>;

export const obvWarmup = (): number => 0;
/** OBV's level depends on where the series starts (only its changes compare across runs). */
export const obvStableBars = (): number => Infinity;

/**
 * On-balance volume: starts at 0 on the first bar (TA-Lib starts at the first bar's volume), then
 * adds the bar's volume when the close rises, subtracts it when it falls, keeps it when unchanged.
 */
export class ObvKernel implements Kernel {
  value = NaN;
  private previousClose = NaN;
  private saved = { value: NaN, previousClose: NaN };

  step(close: number, volume: number): number {
    if (this.previousClose !== this.previousClose) this.value = 0;
    else if (close > this.previousClose) this.value += volume;
    else if (close < this.previousClose) this.value -= volume;
    this.previousClose = close;
    return this.value;
  }

  save(): void {
    this.saved.value = this.value;
    this.saved.previousClose = this.previousClose;
  }

  restore(): void {
    this.value = this.saved.value;
    this.previousClose = this.saved.previousClose;
  }
}

export function obv(series: Pick<BarSeries, 'close' | 'volume'>): Float64Array {
  const kernel = new ObvKernel();
  const { close, volume } = series;
  const out = new Float64Array(close.length);
  for (let i = 0; i < close.length; i++) out[i] = kernel.step(close[i]!, volume[i]!);
  return out;
}

export class ObvStream extends StreamingIndicator<Pick<OhlcvBar, 'close' | 'volume'>, number> {
  protected readonly kernel = new ObvKernel();
  protected next(bar: Pick<OhlcvBar, 'close' | 'volume'>): number {
    return this.kernel.step(bar.close, bar.volume);
  }
}
