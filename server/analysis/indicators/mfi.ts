import type { BarSeries, OhlcvBar } from '../bars';
import { assertPeriod, type Kernel, RingWindow, StreamingIndicator } from './kernel';

export interface MfiParams {
  period: number;
}
export const mfiDefaults: MfiParams = { period: 14 };

/** Bar 0 has no previous typical price; the first MFI is at index `period` (TA-Lib). */
export const mfiWarmup = ({ period }: MfiParams): number => period;
export const mfiStableBars = ({ period }: MfiParams): number => period + 1;

/**
 * Money Flow Index: typical price tp = (h + l + c) / 3, money flow = tp · volume, positive when tp
 * rose from the previous bar, negative when it fell, ignored when unchanged (TA-Lib; technicalindicators
 * counts an unchanged typical price as negative flow). MFI = 100 · positive /
 * (positive + negative) over the last `period` flows. Convention: 50 (neutral) when there was no
 * money flow at all, e.g. zero-volume or flat windows (TA-Lib returns 0).
 *
 * The rolling sums are reset to an exact 0 whenever their window holds no flow of that sign, so a
 * window of only losses gives exactly 0, not a rounding residue.
 */
export class MfiKernel implements Kernel {
  value = NaN;
  private previousTp = NaN;
  private count = 0;
  private positive = 0;
  private negative = 0;
  private positiveBars = 0;
  private negativeBars = 0;
  private readonly flows: RingWindow; // signed money flow per bar
  private readonly saved = new Float64Array(7);

  constructor(readonly period: number) {
    assertPeriod('period', period);
    this.flows = new RingWindow(period);
  }

  step(high: number, low: number, close: number, volume: number): number {
    const tp = (high + low + close) / 3;
    const previousTp = this.previousTp;
    this.previousTp = tp;
    if (this.count++ === 0) return this.value;
    const flow = tp > previousTp ? tp * volume : tp < previousTp ? -tp * volume : 0;
    const out = this.flows.push(flow);
    if (out > 0) {
      this.positive -= out;
      this.positiveBars--;
    } else if (out < 0) {
      this.negative += out;
      this.negativeBars--;
    }
    if (flow > 0) {
      this.positive += flow;
      this.positiveBars++;
    } else if (flow < 0) {
      this.negative -= flow;
      this.negativeBars++;
    }
    if (this.positiveBars === 0) this.positive = 0;
    if (this.negativeBars === 0) this.negative = 0;
    if (!this.flows.isFull) return this.value;
    const total = this.positive + this.negative;
    this.value = total === 0 ? 50 : (100 * this.positive) / total;
    return this.value;
  }

  save(): void {
    this.flows.save();
    const s = this.saved;
    s[0] = this.value;
    s[1] = this.previousTp;
    s[2] = this.count;
    s[3] = this.positive;
    s[4] = this.negative;
    s[5] = this.positiveBars;
    s[6] = this.negativeBars;
  }

  restore(): void {
    this.flows.restore();
    const s = this.saved;
    this.value = s[0]!;
    this.previousTp = s[1]!;
    this.count = s[2]!;
    this.positive = s[3]!;
    this.negative = s[4]!;
    this.positiveBars = s[5]!;
    this.negativeBars = s[6]!;
  }
}

export function mfi(
  series: Pick<BarSeries, 'high' | 'low' | 'close' | 'volume'>,
  params: MfiParams = mfiDefaults,
): Float64Array {
  const kernel = new MfiKernel(params.period);
  const { high, low, close, volume } = series;
  const out = new Float64Array(close.length);
  for (let i = 0; i < close.length; i++) {
    out[i] = kernel.step(high[i]!, low[i]!, close[i]!, volume[i]!);
  }
  return out;
}

export class MfiStream extends StreamingIndicator<
  Pick<OhlcvBar, 'high' | 'low' | 'close' | 'volume'>,
  number
> {
  protected readonly kernel: MfiKernel;
  constructor(params: MfiParams = mfiDefaults) {
    super();
    this.kernel = new MfiKernel(params.period);
  }
  protected next(bar: Pick<OhlcvBar, 'high' | 'low' | 'close' | 'volume'>): number {
    return this.kernel.step(bar.high, bar.low, bar.close, bar.volume);
  }
}
