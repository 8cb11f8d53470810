import { DomainError } from '@/server/errors';
import type { BarSeries, OhlcvBar } from '../bars';
import { type Kernel, StreamingIndicator } from './kernel';

export type VwapAnchor = 'series' | 'session';
export interface VwapParams {
  anchor: VwapAnchor;
}
export const vwapDefaults: VwapParams = { anchor: 'series' };

export const vwapWarmup = (): number => 0;
/** Cumulative from its anchor: the value depends on where the series (or session) starts. */
export const vwapStableBars = (): number => Infinity;

/**
 * Volume-weighted average price of the typical price (h + l + c) / 3, cumulative from an anchor:
 * - `series` (default, meant for daily bars): from the first bar of the series;
 * - `session` (intraday bars): restarts whenever the calendar date — the first 10 characters of
 *   the bar's date, `YYYY-MM-DD…` in the market's local time — changes.
 * Until any volume has traded since the anchor, the VWAP is the bar's typical price.
 */
export class VwapKernel implements Kernel {
  value = NaN;
  private priceVolume = 0;
  private volume = 0;
  private session = '';
  private saved = { value: NaN, priceVolume: 0, volume: 0, session: '' };

  constructor(readonly anchor: VwapAnchor) {}

  step(high: number, low: number, close: number, volume: number, date = ''): number {
    if (this.anchor === 'session' && date.length < 10) {
      throw new DomainError('INVALID', `session-anchored VWAP needs bar dates (got "${date}")`, {
        field: 'date',
      });
    }
    // startsWith avoids slicing a new string on every bar; only a new session allocates.
    if (this.anchor === 'session' && (this.session === '' || !date.startsWith(this.session))) {
      this.session = date.slice(0, 10);
      this.priceVolume = 0;
      this.volume = 0;
    }
    const tp = (high + low + close) / 3;
    this.priceVolume += tp * volume;
    this.volume += volume;
    this.value = this.volume === 0 ? tp : this.priceVolume / this.volume;
    return this.value;
  }

  save(): void {
    const s = this.saved;
    s.value = this.value;
    s.priceVolume = this.priceVolume;
    s.volume = this.volume;
    s.session = this.session;
  }

  restore(): void {
    const s = this.saved;
    this.value = s.value;
    this.priceVolume = s.priceVolume;
    this.volume = s.volume;
    this.session = s.session;
  }
}

export function vwap(
  series: Pick<BarSeries, 'dates' | 'high' | 'low' | 'close' | 'volume'>,
  params: VwapParams = vwapDefaults,
): Float64Array {
  const kernel = new VwapKernel(params.anchor);
  const { dates, high, low, close, volume } = series;
  const out = new Float64Array(close.length);
  for (let i = 0; i < close.length; i++) {
    out[i] = kernel.step(high[i]!, low[i]!, close[i]!, volume[i]!, dates[i]);
  }
  return out;
}

export class VwapStream extends StreamingIndicator<
  Pick<OhlcvBar, 'high' | 'low' | 'close' | 'volume'> & { date?: string },
  number
> {
  protected readonly kernel: VwapKernel;
  constructor(params: VwapParams = vwapDefaults) {
    super();
    this.kernel = new VwapKernel(params.anchor);
  }
  protected next(bar: Pick<OhlcvBar, 'high' | 'low' | 'close' | 'volume'> & { date?: string }) {
    return this.kernel.step(bar.high, bar.low, bar.close, bar.volume, bar.date);
  }
}
