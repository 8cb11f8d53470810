import type { BarSeries, OhlcvBar } from '../bars';
import { AtrKernel } from './atr';
import type { BandLines, BandValue } from './bollinger';
import { EmaKernel } from './ema';
import { assertPositive, decayBars, type Kernel, StreamingIndicator } from './kernel';

export interface KeltnerParams {
  period: number;
  atrPeriod: number;
  multiplier: number;
}
export const keltnerDefaults: KeltnerParams = { period: 20, atrPeriod: 10, multiplier: 2 };

export const keltnerWarmup = (p: KeltnerParams): number => Math.max(p.period - 1, p.atrPeriod);
export const keltnerStableBars = (p: KeltnerParams): number =>
  Math.max(p.period + decayBars(2 / (p.period + 1)), p.atrPeriod + 1 + decayBars(1 / p.atrPeriod));

/**
 * Keltner channel (Chester Keltner as modernised by Linda Raschke / StockCharts): middle =
 * EMA(period) of the close, bands = middle ± multiplier · ATR(atrPeriod). EMA and ATR follow the
 * conventions of ema.ts and atr.ts (SMA seeds, Wilder smoothing).
 */
export class KeltnerKernel implements Kernel {
  upper = NaN;
  middle = NaN;
  lower = NaN;
  private readonly ema: EmaKernel;
  private readonly atr: AtrKernel;
  private saved = { upper: NaN, middle: NaN, lower: NaN };

  constructor(readonly params: KeltnerParams) {
    assertPositive('multiplier', params.multiplier);
    this.ema = new EmaKernel(params.period);
    this.atr = new AtrKernel(params.atrPeriod);
  }

  step(high: number, low: number, close: number): void {
    const middle = this.ema.step(close);
    const width = this.params.multiplier * this.atr.step(high, low, close);
    // NaN until both the EMA and the ATR have warmed up.
    this.middle = width === width ? middle : NaN;
    this.upper = middle + width;
    this.lower = middle - width;
  }

  save(): void {
    this.ema.save();
    this.atr.save();
    const s = this.saved;
    s.upper = this.upper;
    s.middle = this.middle;
    s.lower = this.lower;
  }

  restore(): void {
    this.ema.restore();
    this.atr.restore();
    const s = this.saved;
    this.upper = s.upper;
    this.middle = s.middle;
    this.lower = s.lower;
  }
}

export function keltner(
  series: Pick<BarSeries, 'high' | 'low' | 'close'>,
  params: KeltnerParams = keltnerDefaults,
): BandLines {
  const kernel = new KeltnerKernel(params);
  const { high, low, close } = series;
  const n = close.length;
  const lines: BandLines = {
    upper: new Float64Array(n),
    middle: new Float64Array(n),
    lower: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    kernel.step(high[i]!, low[i]!, close[i]!);
    lines.upper[i] = kernel.upper;
    lines.middle[i] = kernel.middle;
    lines.lower[i] = kernel.lower;
  }
  return lines;
}

export class KeltnerStream extends StreamingIndicator<
  Pick<OhlcvBar, 'high' | 'low' | 'close'>,
  BandValue
> {
  protected readonly kernel: KeltnerKernel;
  constructor(params: KeltnerParams = keltnerDefaults) {
    super();
    this.kernel = new KeltnerKernel(params);
  }
  protected next(bar: Pick<OhlcvBar, 'high' | 'low' | 'close'>): BandValue {
    const k = this.kernel;
    k.step(bar.high, bar.low, bar.close);
    return { upper: k.upper, middle: k.middle, lower: k.lower };
  }
}
