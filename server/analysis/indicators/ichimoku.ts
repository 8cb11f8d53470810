import type { BarSeries, OhlcvBar } from '../bars';
import {
  assertPeriod,
  type Kernel,
  RingWindow,
  RollingMax,
  rollingMaxInto,
  rollingMinInto,
  StreamingIndicator,
} from './kernel';

export interface IchimokuParams {
  conversion: number;
  base: number;
  spanB: number;
  displacement: number;
}
export const ichimokuDefaults: IchimokuParams = {
  conversion: 9,
  base: 26,
  spanB: 52,
  displacement: 26,
};

export interface IchimokuValue {
  tenkan: number;
  kijun: number;
  senkouA: number;
  senkouB: number;
  chikou: number;
}
export interface IchimokuLines {
  tenkan: Float64Array;
  kijun: Float64Array;
  senkouA: Float64Array;
  senkouB: Float64Array;
  chikou: Float64Array;
}

/** Bars before every line has a value: the slowest span plus its displacement (77 by default). */
export const ichimokuWarmup = (p: IchimokuParams): number =>
  Math.max(p.conversion, p.base, p.spanB) - 1 + p.displacement;
export const ichimokuStableBars = (p: IchimokuParams): number => ichimokuWarmup(p) + 1;

/**
 * Ichimoku Kinko Hyo. tenkan = midpoint of the `conversion`-bar high/low range, kijun = midpoint of
 * the `base`-bar range, span A = (tenkan + kijun) / 2 and span B = midpoint of the `spanB`-bar
 * range, both drawn `displacement` bars ahead.
 *
 * Alignment (every line is aligned to the input bars and never looks ahead):
 * - `senkouA[i]`/`senkouB[i]` are the cloud *at* bar i, i.e. the spans computed on bar
 *   i − displacement. For the cloud beyond the last bar, compute with displacement 0 and shift.
 * - `chikou[i]` is close[i]; the lagging span is meant to be drawn `displacement` bars to the left
 *   (storing it shifted would need future closes).
 */
export class IchimokuKernel implements Kernel {
  tenkan = NaN;
  kijun = NaN;
  senkouA = NaN;
  senkouB = NaN;
  chikou = NaN;
  private count = 0;
  private readonly maxima: RollingMax[];
  private readonly negMinima: RollingMax[];
  private readonly delayedA: RingWindow | null;
  private readonly delayedB: RingWindow | null;
  private readonly saved = new Float64Array(6);

  constructor(readonly params: IchimokuParams) {
    assertPeriod('conversion', params.conversion);
    assertPeriod('base', params.base);
    assertPeriod('spanB', params.spanB);
    assertPeriod('displacement', params.displacement, 0);
    const periods = [params.conversion, params.base, params.spanB];
    this.maxima = periods.map((period) => new RollingMax(period));
    this.negMinima = periods.map((period) => new RollingMax(period));
    this.delayedA = params.displacement > 0 ? new RingWindow(params.displacement) : null;
    this.delayedB = params.displacement > 0 ? new RingWindow(params.displacement) : null;
  }

  step(high: number, low: number, close: number): void {
    const [conversion, base, spanB] = this.maxima;
    const [negConversion, negBase, negSpanB] = this.negMinima;
    this.stepRanges(
      conversion!.push(high),
      -negConversion!.push(-low),
      base!.push(high),
      -negBase!.push(-low),
      spanB!.push(high),
      -negSpanB!.push(-low),
      close,
    );
  }

  /** The bar given the highest high / lowest low of its three windows (batch computes in bulk). */
  stepRanges(
    conversionHigh: number,
    conversionLow: number,
    baseHigh: number,
    baseLow: number,
    spanBHigh: number,
    spanBLow: number,
    close: number,
  ): void {
    const p = this.params;
    const count = ++this.count;
    this.tenkan = count >= p.conversion ? (conversionHigh + conversionLow) / 2 : NaN;
    this.kijun = count >= p.base ? (baseHigh + baseLow) / 2 : NaN;
    const spanA = (this.tenkan + this.kijun) / 2;
    const spanB = count >= p.spanB ? (spanBHigh + spanBLow) / 2 : NaN;
    if (this.delayedA && this.delayedB) {
      // push() returns the value from `displacement` bars ago once the delay line is full.
      this.senkouA = this.delayedA.push(spanA);
      this.senkouB = this.delayedB.push(spanB);
    } else {
      this.senkouA = spanA;
      this.senkouB = spanB;
    }
    this.chikou = close;
  }

  save(): void {
    for (const k of this.maxima) k.save();
    for (const k of this.negMinima) k.save();
    this.delayedA?.save();
    this.delayedB?.save();
    const s = this.saved;
    s[0] = this.tenkan;
    s[1] = this.kijun;
    s[2] = this.senkouA;
    s[3] = this.senkouB;
    s[4] = this.chikou;
    s[5] = this.count;
  }

  restore(): void {
    for (const k of this.maxima) k.restore();
    for (const k of this.negMinima) k.restore();
    this.delayedA?.restore();
    this.delayedB?.restore();
    const s = this.saved;
    this.tenkan = s[0]!;
    this.kijun = s[1]!;
    this.senkouA = s[2]!;
    this.senkouB = s[3]!;
    this.chikou = s[4]!;
    this.count = s[5]!;
  }
}

export function ichimoku(
  series: Pick<BarSeries, 'high' | 'low' | 'close'>,
  params: IchimokuParams = ichimokuDefaults,
): IchimokuLines {
  const kernel = new IchimokuKernel(params);
  const { high, low, close } = series;
  const n = close.length;
  // The six window extremes live in the five output arrays plus one scratch array until each bar,
  // read first, replaces them with its line values (the kernel keeps the displaced spans itself).
  const tenkan = rollingMaxInto(high, params.conversion, new Float64Array(n));
  const chikou = rollingMinInto(low, params.conversion, new Float64Array(n));
  const kijun = rollingMaxInto(high, params.base, new Float64Array(n));
  const senkouA = rollingMinInto(low, params.base, new Float64Array(n));
  const senkouB = rollingMaxInto(high, params.spanB, new Float64Array(n));
  const spanBLow = rollingMinInto(low, params.spanB, new Float64Array(n));
  for (let i = 0; i < n; i++) {
    kernel.stepRanges(
      tenkan[i]!,
      chikou[i]!,
      kijun[i]!,
      senkouA[i]!,
      senkouB[i]!,
      spanBLow[i]!,
      close[i]!,
    );
    tenkan[i] = kernel.tenkan;
    kijun[i] = kernel.kijun;
    senkouA[i] = kernel.senkouA;
    senkouB[i] = kernel.senkouB;
    chikou[i] = kernel.chikou;
  }
  return { tenkan, kijun, senkouA, senkouB, chikou };
}

export class IchimokuStream extends StreamingIndicator<
  Pick<OhlcvBar, 'high' | 'low' | 'close'>,
  IchimokuValue
> {
  protected readonly kernel: IchimokuKernel;
  constructor(params: IchimokuParams = ichimokuDefaults) {
    super();
    this.kernel = new IchimokuKernel(params);
  }
  protected next(bar: Pick<OhlcvBar, 'high' | 'low' | 'close'>): IchimokuValue {
    const k = this.kernel;
    k.step(bar.high, bar.low, bar.close);
    return {
      tenkan: k.tenkan,
      kijun: k.kijun,
      senkouA: k.senkouA,
      senkouB: k.senkouB,
      chikou: k.chikou,
    };
  }
}
