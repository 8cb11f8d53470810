import type { BarSeries } from '@/server/analysis/bars';
import { adx, type AdxLines } from '@/server/analysis/indicators/adx';
import { atr } from '@/server/analysis/indicators/atr';
import { bollinger, type BandLines } from '@/server/analysis/indicators/bollinger';
import { cci } from '@/server/analysis/indicators/cci';
import { donchian, donchianBand } from '@/server/analysis/indicators/donchian';
import { ema } from '@/server/analysis/indicators/ema';
import { ichimoku, type IchimokuLines } from '@/server/analysis/indicators/ichimoku';
import { keltner } from '@/server/analysis/indicators/keltner';
import { macd, type MacdLines } from '@/server/analysis/indicators/macd';
import { mfi } from '@/server/analysis/indicators/mfi';
import { obv } from '@/server/analysis/indicators/obv';
import { psar, type PsarLines } from '@/server/analysis/indicators/psar';
import { roc } from '@/server/analysis/indicators/roc';
import { rsi } from '@/server/analysis/indicators/rsi';
import { sma } from '@/server/analysis/indicators/sma';
import { stochastic, type StochasticLines } from '@/server/analysis/indicators/stochastic';
import { williamsR } from '@/server/analysis/indicators/williams-r';
import type { IndicatorName } from '@/server/analysis/indicators/registry';

/** Lines of one indicator by line name, as the registry's `compute` returns them. */
type Lines = Record<string, Float64Array>;

/**
 * The indicator arrays strategies read, computed once per (indicator, parameters) for one series
 * and shared: 24 strategies, a parameter sweep or a walk-forward run over the same bars reuse
 * the SMA(20) the first one computed. Registry computations given this context
 * (`computeIndicator(name, series, params, ctx)`) share the same arrays through `lines`, so a
 * chart's Bollinger(20, 2) and the Bollinger strategies read one computation.
 *
 * Every entry is the array the indicator function returns for these bars and parameters, so a
 * cached line is bit-identical to a direct call; callers must treat the arrays as read-only.
 */
export class IndicatorContext {
  private readonly cache = new Map<string, unknown>();

  constructor(readonly series: BarSeries) {}

  private memo<T>(key: string, make: () => T): T {
    let value = this.cache.get(key) as T | undefined;
    if (value === undefined) {
      value = make();
      this.cache.set(key, value);
    }
    return value;
  }

  /**
   * The lines of registry indicator `name` for validated `params` (`compute` computes them when
   * absent). Indicators on the close with a typed accessor below share its entry: identical
   * function, input array and parameter values, hence identical arrays. Others are cached by
   * name and parameters.
   */
  lines(name: IndicatorName, params: Record<string, unknown>, compute: () => Lines): Lines {
    const shared = this.sharedLines(name, params);
    if (shared) return shared;
    return this.memo(`lines:${name}:${canonicalKey(params)}`, compute);
  }

  private sharedLines(name: IndicatorName, p: Record<string, unknown>): Lines | null {
    const num = (key: string) => p[key] as number;
    // Single-input indicators share only when they read the close (the accessors do).
    const onClose = p.source === undefined || p.source === 'close';
    switch (name) {
      case 'sma':
        return onClose ? { sma: this.sma(num('period')) } : null;
      case 'ema':
        return onClose ? { ema: this.ema(num('period')) } : null;
      case 'rsi':
        return onClose ? { rsi: this.rsi(num('period')) } : null;
      case 'roc':
        return onClose ? { roc: this.roc(num('period')) } : null;
      case 'macd':
        return onClose ? { ...this.macd(num('fast'), num('slow'), num('signal')) } : null;
      case 'bollinger':
        return onClose ? { ...this.bollinger(num('period'), num('stddev')) } : null;
      case 'stochastic':
        return { ...this.stochastic(num('period'), num('kSmoothing'), num('dPeriod')) };
      case 'obv':
        return { obv: this.obv() };
      case 'atr':
        return { atr: this.atr(num('period')) };
      case 'adx':
        return { ...this.adx(num('period')) };
      case 'cci':
        return { cci: this.cci(num('period')) };
      case 'williams-r':
        return { williamsR: this.williamsR(num('period')) };
      case 'mfi':
        return { mfi: this.mfi(num('period')) };
      case 'psar':
        return { ...this.psar(num('step'), num('max')) };
      case 'ichimoku':
        return {
          ...this.ichimoku(num('conversion'), num('base'), num('spanB'), num('displacement')),
        };
      case 'donchian':
        return { ...this.donchian(num('period')) };
      case 'keltner':
        return { ...this.keltner(num('period'), num('multiplier'), num('atrPeriod')) };
      default:
        return null;
    }
  }

  sma(period: number): Float64Array {
    return this.memo(`sma:${period}`, () => sma(this.series.close, { period }));
  }

  ema(period: number): Float64Array {
    return this.memo(`ema:${period}`, () => ema(this.series.close, { period }));
  }

  /** Average volume of the `period` bars ending at each bar. */
  volumeSma(period: number): Float64Array {
    return this.memo(`volume-sma:${period}`, () => sma(this.series.volume, { period }));
  }

  obv(): Float64Array {
    return this.memo('obv', () => obv(this.series));
  }

  obvSma(period: number): Float64Array {
    return this.memo(`obv-sma:${period}`, () => sma(this.obv(), { period }));
  }

  rsi(period: number): Float64Array {
    return this.memo(`rsi:${period}`, () => rsi(this.series.close, { period }));
  }

  macd(fast: number, slow: number, signal: number): MacdLines {
    return this.memo(`macd:${fast}:${slow}:${signal}`, () =>
      macd(this.series.close, { fast, slow, signal }),
    );
  }

  bollinger(period: number, stddev: number): BandLines {
    return this.memo(`bollinger:${period}:${stddev}`, () =>
      bollinger(this.series.close, { period, stddev }),
    );
  }

  stochastic(period: number, kSmoothing: number, dPeriod: number): StochasticLines {
    return this.memo(`stochastic:${period}:${kSmoothing}:${dPeriod}`, () =>
      stochastic(this.series, { period, kSmoothing, dPeriod }),
    );
  }

  atr(period: number): Float64Array {
    return this.memo(`atr:${period}`, () => atr(this.series, { period }));
  }

  adx(period: number): AdxLines {
    return this.memo(`adx:${period}`, () => adx(this.series, { period }));
  }

  cci(period: number): Float64Array {
    return this.memo(`cci:${period}`, () => cci(this.series, { period }));
  }

  williamsR(period: number): Float64Array {
    return this.memo(`williams-r:${period}`, () => williamsR(this.series, { period }));
  }

  mfi(period: number): Float64Array {
    return this.memo(`mfi:${period}`, () => mfi(this.series, { period }));
  }

  roc(period: number): Float64Array {
    return this.memo(`roc:${period}`, () => roc(this.series.close, { period }));
  }

  psar(step: number, max: number): PsarLines {
    return this.memo(`psar:${step}:${max}`, () => psar(this.series, { step, max }));
  }

  ichimoku(conversion: number, base: number, spanB: number, displacement: number): IchimokuLines {
    return this.memo(`ichimoku:${conversion}:${base}:${spanB}:${displacement}`, () =>
      ichimoku(this.series, { conversion, base, spanB, displacement }),
    );
  }

  donchian(period: number): BandLines {
    return this.memo(`donchian:${period}`, () => donchian(this.series, { period }));
  }

  /**
   * donchian(period).upper or .lower: the cached channel's array when it is there, else that band
   * alone (identical values, a third of the work).
   */
  donchianBand(period: number, band: 'upper' | 'lower'): Float64Array {
    const channel = this.cache.get(`donchian:${period}`) as BandLines | undefined;
    if (channel) return channel[band];
    return this.memo(`donchian-${band}:${period}`, () => donchianBand(this.series, period, band));
  }

  keltner(period: number, multiplier: number, atrPeriod: number): BandLines {
    return this.memo(`keltner:${period}:${multiplier}:${atrPeriod}`, () =>
      keltner(this.series, { period, multiplier, atrPeriod }),
    );
  }
}

/** Parameters as a key independent of property order. */
function canonicalKey(params: Record<string, unknown>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${key}=${String(params[key])}`)
    .join(',');
}
