import type { BarSeries } from '@/server/analysis/bars';
import { adx, type AdxLines } from '@/server/analysis/indicators/adx';
import { atr } from '@/server/analysis/indicators/atr';
import { bollinger, type BandLines } from '@/server/analysis/indicators/bollinger';
import { cci } from '@/server/analysis/indicators/cci';
import { donchian } from '@/server/analysis/indicators/donchian';
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

/**
 * The indicator arrays strategies read, computed once per (indicator, parameters) for one series
 * and shared: 24 strategies, a parameter sweep or a walk-forward run over the same bars reuse
 * the SMA(20) the first one computed.
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

  keltner(period: number, multiplier: number, atrPeriod: number): BandLines {
    return this.memo(`keltner:${period}:${multiplier}:${atrPeriod}`, () =>
      keltner(this.series, { period, multiplier, atrPeriod }),
    );
  }
}
