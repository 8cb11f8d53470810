import type { BarSeries, OhlcvBar } from '../bars';
import { trueRange } from './atr';
import { assertPeriod, decayBars, type Kernel, StreamingIndicator } from './kernel';

export interface AdxParams {
  period: number;
}
export const adxDefaults: AdxParams = { period: 14 };

export interface AdxValue {
  adx: number;
  plusDi: number;
  minusDi: number;
}
export interface AdxLines {
  adx: Float64Array;
  plusDi: Float64Array;
  minusDi: Float64Array;
}

/** +DI/−DI start at index `period`, ADX at 2 · period − 1 (TA-Lib's lookbacks). */
export const adxWarmup = ({ period }: AdxParams): number => 2 * period - 1;
/** Two chained Wilder smoothers (DM/TR, then DX), so twice the decay of one. */
export const adxStableBars = ({ period }: AdxParams): number =>
  2 * period + 2 * decayBars(1 / period);

/**
 * Wilder's directional movement with TA-Lib's exact seeding: +DM/−DM/TR are summed over bars
 * 1…period − 1, then each bar applies s = s − s / period + x (so the first DI, at index `period`,
 * already includes one smoothing step). +DM counts when the up-move is positive and larger than the
 * down-move, −DM symmetrically. DI = 100 · sDM / sTR (0 when sTR is 0); DX = 100 · |+DI − −DI| /
 * (+DI + −DI) (0 when both are 0); ADX = mean of the first `period` DX, then Wilder-smoothed.
 */
export class AdxKernel implements Kernel {
  adx = NaN;
  plusDi = NaN;
  minusDi = NaN;
  private count = 0;
  private previousHigh = NaN;
  private previousLow = NaN;
  private previousClose = NaN;
  private plusDm = 0;
  private minusDm = 0;
  private tr = 0;
  private dxSum = 0;
  private readonly saved = new Float64Array(11);

  constructor(readonly period: number) {
    assertPeriod('period', period, 2);
  }

  step(high: number, low: number, close: number): void {
    const bar = this.count++;
    const up = high - this.previousHigh;
    const down = this.previousLow - low;
    const tr = trueRange(high, low, this.previousClose);
    this.previousHigh = high;
    this.previousLow = low;
    this.previousClose = close;
    if (bar === 0) return;
    const plusDm = up > 0 && up > down ? up : 0;
    const minusDm = down > 0 && down > up ? down : 0;
    const period = this.period;
    if (bar < period) {
      this.plusDm += plusDm;
      this.minusDm += minusDm;
      this.tr += tr;
      return;
    }
    // Locals instead of repeated field reads keep this method small enough for V8 to inline into
    // the batch loop (a call would box every argument); the arithmetic is unchanged.
    let sPlus = this.plusDm;
    let sMinus = this.minusDm;
    let sTr = this.tr;
    sPlus = sPlus - sPlus / period + plusDm;
    sMinus = sMinus - sMinus / period + minusDm;
    sTr = sTr - sTr / period + tr;
    this.plusDm = sPlus;
    this.minusDm = sMinus;
    this.tr = sTr;
    const plusDi = sTr === 0 ? 0 : (100 * sPlus) / sTr;
    const minusDi = sTr === 0 ? 0 : (100 * sMinus) / sTr;
    this.plusDi = plusDi;
    this.minusDi = minusDi;
    const diSum = plusDi + minusDi;
    const dx = diSum === 0 ? 0 : (100 * Math.abs(plusDi - minusDi)) / diSum;
    if (bar < 2 * period - 1) {
      this.dxSum += dx;
    } else if (bar === 2 * period - 1) {
      this.adx = (this.dxSum + dx) / period;
    } else {
      this.adx = (this.adx * (period - 1) + dx) / period;
    }
  }

  save(): void {
    const s = this.saved;
    s[0] = this.adx;
    s[1] = this.plusDi;
    s[2] = this.minusDi;
    s[3] = this.count;
    s[4] = this.previousHigh;
    s[5] = this.previousLow;
    s[6] = this.previousClose;
    s[7] = this.plusDm;
    s[8] = this.minusDm;
    s[9] = this.tr;
    s[10] = this.dxSum;
  }

  restore(): void {
    const s = this.saved;
    this.adx = s[0]!;
    this.plusDi = s[1]!;
    this.minusDi = s[2]!;
    this.count = s[3]!;
    this.previousHigh = s[4]!;
    this.previousLow = s[5]!;
    this.previousClose = s[6]!;
    this.plusDm = s[7]!;
    this.minusDm = s[8]!;
    this.tr = s[9]!;
    this.dxSum = s[10]!;
  }
}

export function adx(
  series: Pick<BarSeries, 'high' | 'low' | 'close'>,
  params: AdxParams = adxDefaults,
): AdxLines {
  const kernel = new AdxKernel(params.period);
  const { high, low, close } = series;
  const n = close.length;
  const lines: AdxLines = {
    adx: new Float64Array(n),
    plusDi: new Float64Array(n),
    minusDi: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    kernel.step(high[i]!, low[i]!, close[i]!);
    lines.adx[i] = kernel.adx;
    lines.plusDi[i] = kernel.plusDi;
    lines.minusDi[i] = kernel.minusDi;
  }
  return lines;
}

export class AdxStream extends StreamingIndicator<
  Pick<OhlcvBar, 'high' | 'low' | 'close'>,
  AdxValue
> {
  protected readonly kernel: AdxKernel;
  constructor(params: AdxParams = adxDefaults) {
    super();
    this.kernel = new AdxKernel(params.period);
  }
  protected next(bar: Pick<OhlcvBar, 'high' | 'low' | 'close'>): AdxValue {
    const k = this.kernel;
    k.step(bar.high, bar.low, bar.close);
    return { adx: k.adx, plusDi: k.plusDi, minusDi: k.minusDi };
  }
}
