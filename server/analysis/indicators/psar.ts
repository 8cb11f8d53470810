import type { BarSeries, OhlcvBar } from '../bars';
import { assertPositive, type Kernel, StreamingIndicator } from './kernel';
import { DomainError } from '@/server/errors';

export interface PsarParams {
  step: number;
  max: number;
}
export const psarDefaults: PsarParams = { step: 0.02, max: 0.2 };

export interface PsarValue {
  psar: number;
  trend: number;
}
export interface PsarLines {
  psar: Float64Array;
  trend: Float64Array;
}

/** The first SAR is for bar 1: bar 0 only decides the initial direction. */
export const psarWarmup = (): number => 1;
/**
 * SAR is path-dependent with no fading memory: two runs started on different bars agree from the
 * first bar on which both reverse together (usually within a few reversals), not after a fixed
 * count, hence no finite guarantee.
 */
export const psarStableBars = (): number => Infinity;

/**
 * Wilder's Parabolic SAR, following TA-Lib's SAR exactly: the initial direction is short when bar
 * 1's −DM is positive (a lower low that outweighs the higher high), long otherwise; the first SAR
 * is bar 0's low (long) or high (short) and the first extreme point is bar 1's high/low. The
 * acceleration starts at `step`, grows by `step` with each new extreme up to `max`; on a reversal
 * SAR jumps to the extreme point. SAR never enters the previous or current bar's range.
 * `trend` is +1 while long (SAR below price), −1 while short.
 */
export class PsarKernel implements Kernel {
  psar = NaN;
  trend = NaN;
  private count = 0;
  private isLong = true;
  private sar = 0;
  private extreme = 0;
  private acceleration = 0;
  private previousHigh = 0;
  private previousLow = 0;
  private readonly saved = new Float64Array(9);

  constructor(readonly params: PsarParams) {
    assertPositive('step', params.step);
    assertPositive('max', params.max);
    if (params.max < params.step) {
      throw new DomainError('INVALID', `max (${params.max}) must be ≥ step (${params.step})`, {
        field: 'max',
      });
    }
  }

  step(high: number, low: number): void {
    const bar = this.count++;
    if (bar === 0) {
      this.previousHigh = high;
      this.previousLow = low;
      return;
    }
    let prevHigh = this.previousHigh;
    let prevLow = this.previousLow;
    if (bar === 1) {
      const minusDm = prevLow - low;
      const plusDm = high - prevHigh;
      this.isLong = !(minusDm > 0 && minusDm > plusDm);
      this.sar = this.isLong ? prevLow : prevHigh;
      this.extreme = this.isLong ? high : low;
      this.acceleration = this.params.step;
      // TA-Lib treats bar 1 as its own "previous" bar on the first iteration.
      prevHigh = high;
      prevLow = low;
    }
    const { step, max } = this.params;
    let sar = this.sar;
    if (this.isLong) {
      if (low <= sar) {
        this.isLong = false;
        sar = this.extreme;
        if (sar < prevHigh) sar = prevHigh;
        if (sar < high) sar = high;
        this.psar = sar;
        this.acceleration = step;
        this.extreme = low;
        sar += this.acceleration * (this.extreme - sar);
        if (sar < prevHigh) sar = prevHigh;
        if (sar < high) sar = high;
      } else {
        this.psar = sar;
        if (high > this.extreme) {
          this.extreme = high;
          this.acceleration += step;
          if (this.acceleration > max) this.acceleration = max;
        }
        sar += this.acceleration * (this.extreme - sar);
        if (sar > prevLow) sar = prevLow;
        if (sar > low) sar = low;
      }
    } else if (high >= sar) {
      this.isLong = true;
      sar = this.extreme;
      if (sar > prevLow) sar = prevLow;
      if (sar > low) sar = low;
      this.psar = sar;
      this.acceleration = step;
      this.extreme = high;
      sar += this.acceleration * (this.extreme - sar);
      if (sar > prevLow) sar = prevLow;
      if (sar > low) sar = low;
    } else {
      this.psar = sar;
      if (low < this.extreme) {
        this.extreme = low;
        this.acceleration += step;
        if (this.acceleration > max) this.acceleration = max;
      }
      sar += this.acceleration * (this.extreme - sar);
      if (sar < prevHigh) sar = prevHigh;
      if (sar < high) sar = high;
    }
    this.trend = this.isLong ? 1 : -1;
    this.sar = sar;
    this.previousHigh = high;
    this.previousLow = low;
  }

  save(): void {
    const s = this.saved;
    s[0] = this.psar;
    s[1] = this.trend;
    s[2] = this.count;
    s[3] = this.isLong ? 1 : 0;
    s[4] = this.sar;
    s[5] = this.extreme;
    s[6] = this.acceleration;
    s[7] = this.previousHigh;
    s[8] = this.previousLow;
  }

  restore(): void {
    const s = this.saved;
    this.psar = s[0]!;
    this.trend = s[1]!;
    this.count = s[2]!;
    this.isLong = s[3] === 1;
    this.sar = s[4]!;
    this.extreme = s[5]!;
    this.acceleration = s[6]!;
    this.previousHigh = s[7]!;
    this.previousLow = s[8]!;
  }
}

/**
 * SAR plus the trend direction (+1 long, −1 short) at every bar. This is PsarKernel.step inlined
 * into one loop over locals (faster than calling the kernel per bar); it performs the same
 * operations in the same order, and the streaming tests check the two agree bit for bit.
 */
export function psar(
  series: Pick<BarSeries, 'high' | 'low'>,
  params: PsarParams = psarDefaults,
): PsarLines {
  new PsarKernel(params); // validates the parameters
  const { high, low } = series;
  const { step, max } = params;
  const n = high.length;
  const lines: PsarLines = { psar: new Float64Array(n), trend: new Float64Array(n) };
  const out = lines.psar;
  const trend = lines.trend;
  if (n > 0) out[0] = trend[0] = NaN;
  if (n < 2) return lines;
  const minusDm = low[0]! - low[1]!;
  let isLong = !(minusDm > 0 && minusDm > high[1]! - high[0]!);
  let sar = isLong ? low[0]! : high[0]!;
  let extreme = isLong ? high[1]! : low[1]!;
  let acceleration = step;
  let prevHigh = high[1]!;
  let prevLow = low[1]!;
  // TA-Lib's clamps as plain comparisons: measurably faster than 3-argument Math.max/min.
  for (let i = 1; i < n; i++) {
    const h = high[i]!;
    const l = low[i]!;
    if (isLong) {
      if (l <= sar) {
        isLong = false;
        sar = extreme;
        if (sar < prevHigh) sar = prevHigh;
        if (sar < h) sar = h;
        out[i] = sar;
        acceleration = step;
        extreme = l;
        sar += acceleration * (extreme - sar);
        if (sar < prevHigh) sar = prevHigh;
        if (sar < h) sar = h;
      } else {
        out[i] = sar;
        if (h > extreme) {
          extreme = h;
          acceleration += step;
          if (acceleration > max) acceleration = max;
        }
        sar += acceleration * (extreme - sar);
        if (sar > prevLow) sar = prevLow;
        if (sar > l) sar = l;
      }
    } else if (h >= sar) {
      isLong = true;
      sar = extreme;
      if (sar > prevLow) sar = prevLow;
      if (sar > l) sar = l;
      out[i] = sar;
      acceleration = step;
      extreme = h;
      sar += acceleration * (extreme - sar);
      if (sar > prevLow) sar = prevLow;
      if (sar > l) sar = l;
    } else {
      out[i] = sar;
      if (l < extreme) {
        extreme = l;
        acceleration += step;
        if (acceleration > max) acceleration = max;
      }
      sar += acceleration * (extreme - sar);
      if (sar < prevHigh) sar = prevHigh;
      if (sar < h) sar = h;
    }
    trend[i] = isLong ? 1 : -1;
    prevHigh = h;
    prevLow = l;
  }
  return lines;
}

export class PsarStream extends StreamingIndicator<Pick<OhlcvBar, 'high' | 'low'>, PsarValue> {
  protected readonly kernel: PsarKernel;
  constructor(params: PsarParams = psarDefaults) {
    super();
    this.kernel = new PsarKernel(params);
  }
  protected next(bar: Pick<OhlcvBar, 'high' | 'low'>): PsarValue {
    this.kernel.step(bar.high, bar.low);
    return { psar: this.kernel.psar, trend: this.kernel.trend };
  }
}
