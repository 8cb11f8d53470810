import type { BarSeries, OhlcvBar } from '../bars';
import { assertPeriod, decayBars, type Kernel, StreamingIndicator } from './kernel';

export interface AtrParams {
  period: number;
}
export const atrDefaults: AtrParams = { period: 14 };

/** Bar 0 has no true range, so the first ATR is at index `period` (TA-Lib's lookback). */
export const atrWarmup = ({ period }: AtrParams): number => period;
export const atrStableBars = ({ period }: AtrParams): number => period + 1 + decayBars(1 / period);

/** max(high − low, |high − previous close|, |low − previous close|). */
export function trueRange(high: number, low: number, previousClose: number): number {
  const range = high - low;
  const up = Math.abs(high - previousClose);
  const down = Math.abs(low - previousClose);
  return range >= up ? (range >= down ? range : down) : up >= down ? up : down;
}

/**
 * Average true range: true ranges start at bar 1 (bar 0 has no previous close; Tulip and
 * trading-signals count bar 0's high − low instead), the seed is the SMA of the first `period`
 * true ranges, then Wilder's smoothing atr = (atr · (period − 1) + tr) / period.
 */
export class AtrKernel implements Kernel {
  value = NaN;
  private previousClose = NaN;
  private ranges = -1;
  private sum = 0;
  private saved = { value: NaN, previousClose: NaN, ranges: -1, sum: 0 };

  constructor(readonly period: number) {
    assertPeriod('period', period);
  }

  step(high: number, low: number, close: number): number {
    const previousClose = this.previousClose;
    this.previousClose = close;
    const ranges = ++this.ranges;
    if (ranges === 0) return this.value;
    const tr = trueRange(high, low, previousClose);
    const period = this.period;
    if (ranges > period) {
      this.value = (this.value * (period - 1) + tr) / period;
    } else {
      this.sum += tr;
      if (ranges === period) this.value = this.sum / period;
    }
    return this.value;
  }

  save(): void {
    const s = this.saved;
    s.value = this.value;
    s.previousClose = this.previousClose;
    s.ranges = this.ranges;
    s.sum = this.sum;
  }

  restore(): void {
    const s = this.saved;
    this.value = s.value;
    this.previousClose = s.previousClose;
    this.ranges = s.ranges;
    this.sum = s.sum;
  }
}

export function atr(
  series: Pick<BarSeries, 'high' | 'low' | 'close'>,
  params: AtrParams = atrDefaults,
): Float64Array {
  const kernel = new AtrKernel(params.period);
  const { high, low, close } = series;
  const out = new Float64Array(close.length);
  for (let i = 0; i < close.length; i++) out[i] = kernel.step(high[i]!, low[i]!, close[i]!);
  return out;
}

export class AtrStream extends StreamingIndicator<
  Pick<OhlcvBar, 'high' | 'low' | 'close'>,
  number
> {
  protected readonly kernel: AtrKernel;
  constructor(params: AtrParams = atrDefaults) {
    super();
    this.kernel = new AtrKernel(params.period);
  }
  protected next(bar: Pick<OhlcvBar, 'high' | 'low' | 'close'>): number {
    return this.kernel.step(bar.high, bar.low, bar.close);
  }
}
