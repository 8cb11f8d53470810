import { DomainError } from '@/server/errors';
import { EmaKernel } from './ema';
import { assertPeriod, decayBars, type Kernel, RingWindow, StreamingIndicator } from './kernel';

export interface MacdParams {
  fast: number;
  slow: number;
  signal: number;
}
export const macdDefaults: MacdParams = { fast: 12, slow: 26, signal: 9 };

export interface MacdValue {
  macd: number;
  signal: number;
  histogram: number;
}
export interface MacdLines {
  macd: Float64Array;
  signal: Float64Array;
  histogram: Float64Array;
}

/** The MACD line starts at index slow − 1 (25); signal and histogram at slow + signal − 2 (33). */
export const macdWarmup = ({ slow, signal }: MacdParams): number => slow + signal - 2;
export const macdStableBars = (p: MacdParams): number =>
  macdWarmup(p) + 1 + decayBars(2 / (p.slow + 1)) + decayBars(2 / (p.signal + 1));

/**
 * MACD with TA-Lib's alignment: both EMAs are seeded with an SMA whose window ends on the same bar
 * (index slow − 1), so the fast EMA's seed is the mean of closes [slow − fast, slow − 1], not of the
 * first `fast` closes (technicalindicators seeds them independently). The signal line is an EMA of
 * the MACD line seeded with the SMA of its first `signal` values; histogram = MACD − signal.
 */
export class MacdKernel implements Kernel {
  macd = NaN;
  signal = NaN;
  histogram = NaN;
  private count = 0;
  private fastEma = NaN;
  private readonly kFast: number;
  private readonly slowEma: EmaKernel;
  private readonly signalEma: EmaKernel;
  private readonly fastSeed: RingWindow;
  private saved = { macd: NaN, signal: NaN, histogram: NaN, count: 0, fastEma: NaN };

  constructor(readonly params: MacdParams) {
    assertPeriod('fast', params.fast);
    assertPeriod('slow', params.slow, 2);
    assertPeriod('signal', params.signal);
    if (params.fast >= params.slow) {
      throw new DomainError(
        'INVALID',
        `fast (${params.fast}) must be less than slow (${params.slow})`,
        {
          field: 'fast',
        },
      );
    }
    this.kFast = 2 / (params.fast + 1);
    this.slowEma = new EmaKernel(params.slow);
    this.signalEma = new EmaKernel(params.signal);
    this.fastSeed = new RingWindow(params.fast);
  }

  step(x: number): void {
    const count = ++this.count;
    const slow = this.slowEma.step(x);
    if (count < this.params.slow) {
      this.fastSeed.push(x);
      return;
    }
    if (count === this.params.slow) {
      this.fastSeed.push(x);
      let sum = 0;
      for (let age = 0; age < this.params.fast; age++) sum += this.fastSeed.at(age);
      this.fastEma = sum / this.params.fast;
    } else {
      this.fastEma = (x - this.fastEma) * this.kFast + this.fastEma;
    }
    this.macd = this.fastEma - slow;
    this.signal = this.signalEma.step(this.macd);
    this.histogram = this.macd - this.signal;
  }

  save(): void {
    this.slowEma.save();
    this.signalEma.save();
    this.fastSeed.save();
    const s = this.saved;
    s.macd = this.macd;
    s.signal = this.signal;
    s.histogram = this.histogram;
    s.count = this.count;
    s.fastEma = this.fastEma;
  }

  restore(): void {
    this.slowEma.restore();
    this.signalEma.restore();
    this.fastSeed.restore();
    const s = this.saved;
    this.macd = s.macd;
    this.signal = s.signal;
    this.histogram = s.histogram;
    this.count = s.count;
    this.fastEma = s.fastEma;
  }
}

export function macd(values: ArrayLike<number>, params: MacdParams = macdDefaults): MacdLines {
  const kernel = new MacdKernel(params);
  const n = values.length;
  const lines: MacdLines = {
    macd: new Float64Array(n),
    signal: new Float64Array(n),
    histogram: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    kernel.step(values[i]!);
    lines.macd[i] = kernel.macd;
    lines.signal[i] = kernel.signal;
    lines.histogram[i] = kernel.histogram;
  }
  return lines;
}

export class MacdStream extends StreamingIndicator<number, MacdValue> {
  protected readonly kernel: MacdKernel;
  constructor(params: MacdParams = macdDefaults) {
    super();
    this.kernel = new MacdKernel(params);
  }
  protected next(x: number): MacdValue {
    const k = this.kernel;
    k.step(x);
    return { macd: k.macd, signal: k.signal, histogram: k.histogram };
  }
}
