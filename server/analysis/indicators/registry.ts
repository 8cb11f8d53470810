import { z } from 'zod';
import { DomainError } from '@/server/errors';
import type { BarSeries, OhlcvBar } from '../bars';
import type { IndicatorContext } from '../strategies/context';
import { AdxKernel, adx, adxStableBars, adxWarmup } from './adx';
import { AtrKernel, atr, atrStableBars, atrWarmup } from './atr';
import { BollingerKernel, bollinger, bollingerStableBars, bollingerWarmup } from './bollinger';
import { CciKernel, cci, cciStableBars, cciWarmup } from './cci';
import { DonchianKernel, donchian, donchianStableBars, donchianWarmup } from './donchian';
import { EmaKernel, ema, emaStableBars, emaWarmup } from './ema';
import { IchimokuKernel, ichimoku, ichimokuStableBars, ichimokuWarmup } from './ichimoku';
import { KeltnerKernel, keltner, keltnerStableBars, keltnerWarmup } from './keltner';
import { type Kernel, StreamingIndicator } from './kernel';
import { MacdKernel, macd, macdStableBars, macdWarmup } from './macd';
import { MfiKernel, mfi, mfiStableBars, mfiWarmup } from './mfi';
import { ObvKernel, obv, obvStableBars, obvWarmup } from './obv';
import { PsarKernel, psar, psarStableBars, psarWarmup } from './psar';
import { RocKernel, roc, rocStableBars, rocWarmup } from './roc';
import { RsiKernel, rsi, rsiStableBars, rsiWarmup } from './rsi';
import { SmaKernel, sma, smaStableBars, smaWarmup } from './sma';
import { type PriceSource, priceOf, priceSources, sourceValues } from './source';
import { StochasticKernel, stochastic, stochasticStableBars, stochasticWarmup } from './stochastic';
import { VwapKernel, vwap, vwapStableBars, vwapWarmup } from './vwap';
import { WilliamsRKernel, williamsR, williamsRStableBars, williamsRWarmup } from './williams-r';
import { WmaKernel, wma, wmaStableBars, wmaWarmup } from './wma';

export const indicatorNames = [
  'sma',
  'ema',
  'wma',
  'rsi',
  'macd',
  'bollinger',
  'stochastic',
  'obv',
  'atr',
  'adx',
  'cci',
  'williams-r',
  'mfi',
  'roc',
  'vwap',
  'psar',
  'ichimoku',
  'donchian',
  'keltner',
] as const;
export type IndicatorName = (typeof indicatorNames)[number];

/** One bar in, the value of every line out (NaN during warm-up). */
export type IndicatorStream = StreamingIndicator<OhlcvBar, Record<string, number>>;

export interface IndicatorDefinition<P extends object = Record<string, unknown>> {
  name: IndicatorName;
  title: string;
  description: string;
  /** `overlay`: drawn on the price chart (same scale); `panel`: its own sub-panel. */
  placement: 'overlay' | 'panel';
  /** Validates raw parameters (strings from a CLI are coerced) and fills documented defaults. */
  params: z.ZodType<P>;
  lines: readonly string[];
  /** Bars before every line has a value: the first full output is at this index. */
  warmup(params: P): number;
  /**
   * Bars a caller needs so the last value no longer depends on where the series starts (to ~1e-8
   * of the seed's influence for exponential smoothing; exact for window indicators). Infinity for
   * cumulative or path-dependent indicators (OBV, VWAP, SAR).
   */
  stableBars(params: P): number;
  /** Batch computation: one Float64Array per line, aligned to the series, NaN during warm-up. */
  compute(series: BarSeries, params: P): Record<string, Float64Array>;
  /** Streaming computation; gives values identical to `compute`. */
  createStream(params: P): IndicatorStream;
}

const int = (min: number, fallback: number, description: string) =>
  z.coerce.number().int().min(min).max(100_000).default(fallback).describe(description);
const positive = (fallback: number, description: string) =>
  z.coerce.number().positive().max(1_000).default(fallback).describe(description);
const source = z.enum(priceSources).default('close').describe('price the indicator reads');

class KernelStream extends StreamingIndicator<OhlcvBar, Record<string, number>> {
  constructor(
    protected readonly kernel: Kernel,
    private readonly read: (bar: OhlcvBar) => Record<string, number>,
  ) {
    super();
  }
  protected next(bar: OhlcvBar): Record<string, number> {
    return this.read(bar);
  }
}

function define<S extends z.ZodType<object>>(
  definition: Omit<IndicatorDefinition<z.output<S>>, 'params'> & { params: S },
): IndicatorDefinition<z.output<S>> {
  return definition as unknown as IndicatorDefinition<z.output<S>>;
}

/** Single-input indicators all take `period` and `source`. */
function singleLine(
  name: 'sma' | 'ema' | 'wma' | 'rsi' | 'roc',
  meta: { title: string; description: string; placement: 'overlay' | 'panel'; period: number },
  batch: (values: Float64Array, params: { period: number }) => Float64Array,
  kernel: new (period: number) => Kernel & { step(x: number): number },
  warmup: (p: { period: number }) => number,
  stableBars: (p: { period: number }) => number,
) {
  return define({
    name,
    title: meta.title,
    description: meta.description,
    placement: meta.placement,
    params: z.strictObject({ period: int(1, meta.period, 'bars in the window'), source }),
    lines: [name],
    warmup,
    stableBars,
    compute: (series, p) => ({ [name]: batch(sourceValues(series, p.source), p) }),
    createStream: (p) => {
      const k = new kernel(p.period);
      return new KernelStream(k, (bar) => ({ [name]: k.step(priceOf(bar, p.source)) }));
    },
  });
}

const periodOnly = (fallback: number, min = 1) =>
  z.strictObject({ period: int(min, fallback, 'bars in the window') });

export const indicatorRegistry = {
  sma: singleLine(
    'sma',
    {
      title: 'Simple moving average',
      description: 'Arithmetic mean of the last `period` prices.',
      placement: 'overlay',
      period: 20,
    },
    sma,
    SmaKernel,
    smaWarmup,
    smaStableBars,
  ),
  ema: singleLine(
    'ema',
    {
      title: 'Exponential moving average',
      description: 'k = 2/(period+1), seeded with the SMA of the first `period` prices (TA-Lib).',
      placement: 'overlay',
      period: 20,
    },
    ema,
    EmaKernel,
    emaWarmup,
    emaStableBars,
  ),
  wma: singleLine(
    'wma',
    {
      title: 'Weighted moving average',
      description: 'Linearly weighted mean, weights 1…period with the newest heaviest.',
      placement: 'overlay',
      period: 20,
    },
    wma,
    WmaKernel,
    wmaWarmup,
    wmaStableBars,
  ),
  rsi: singleLine(
    'rsi',
    {
      title: 'Relative strength index',
      description: 'Wilder smoothing seeded with simple averages; 50 on a flat series.',
      placement: 'panel',
      period: 14,
    },
    rsi,
    RsiKernel,
    rsiWarmup,
    rsiStableBars,
  ),
  roc: singleLine(
    'roc',
    {
      title: 'Rate of change',
      description: 'Percent change versus `period` bars earlier.',
      placement: 'panel',
      period: 10,
    },
    roc,
    RocKernel,
    rocWarmup,
    rocStableBars,
  ),
  macd: define({
    name: 'macd',
    title: 'MACD',
    description:
      'EMA(fast) − EMA(slow) with TA-Lib seed alignment, signal = EMA(signal) of MACD, histogram.',
    placement: 'panel',
    params: z
      .strictObject({
        fast: int(1, 12, 'fast EMA period'),
        slow: int(2, 26, 'slow EMA period'),
        signal: int(1, 9, 'signal EMA period'),
        source,
      })
      .refine((p) => p.fast < p.slow, { message: 'fast must be less than slow', path: ['fast'] }),
    lines: ['macd', 'signal', 'histogram'],
    warmup: macdWarmup,
    stableBars: macdStableBars,
    compute: (series, p) => ({ ...macd(sourceValues(series, p.source), p) }),
    createStream: (p) => {
      const k = new MacdKernel(p);
      return new KernelStream(k, (bar) => {
        k.step(priceOf(bar, p.source));
        return { macd: k.macd, signal: k.signal, histogram: k.histogram };
      });
    },
  }),
  bollinger: define({
    name: 'bollinger',
    title: 'Bollinger Bands',
    description: 'SMA(period) ± stddev × population standard deviation.',
    placement: 'overlay',
    params: z.strictObject({
      period: int(1, 20, 'bars in the window'),
      stddev: positive(2, 'band width in standard deviations'),
      source,
    }),
    lines: ['upper', 'middle', 'lower'],
    warmup: bollingerWarmup,
    stableBars: bollingerStableBars,
    compute: (series, p) => ({ ...bollinger(sourceValues(series, p.source), p) }),
    createStream: (p) => {
      const k = new BollingerKernel(p);
      return new KernelStream(k, (bar) => {
        k.step(priceOf(bar, p.source));
        return { upper: k.upper, middle: k.middle, lower: k.lower };
      });
    },
  }),
  stochastic: define({
    name: 'stochastic',
    title: 'Stochastic oscillator (slow)',
    description: 'Raw %K over `period` bars, %K = SMA(kSmoothing) of it, %D = SMA(dPeriod) of %K.',
    placement: 'panel',
    params: z.strictObject({
      period: int(1, 14, 'look-back bars of the high/low range'),
      kSmoothing: int(1, 3, 'SMA period that smooths raw %K into %K'),
      dPeriod: int(1, 3, 'SMA period of %D'),
    }),
    lines: ['k', 'd'],
    warmup: stochasticWarmup,
    stableBars: stochasticStableBars,
    compute: (series, p) => ({ ...stochastic(series, p) }),
    createStream: (p) => {
      const k = new StochasticKernel(p);
      return new KernelStream(k, (bar) => {
        k.step(bar.high, bar.low, bar.close);
        return { k: k.k, d: k.d };
      });
    },
  }),
  obv: define({
    name: 'obv',
    title: 'On-balance volume',
    description: 'Cumulative signed volume starting at 0 on the first bar.',
    placement: 'panel',
    params: z.strictObject({}),
    lines: ['obv'],
    warmup: obvWarmup,
    stableBars: obvStableBars,
    compute: (series) => ({ obv: obv(series) }),
    createStream: () => {
      const k = new ObvKernel();
      return new KernelStream(k, (bar) => ({ obv: k.step(bar.close, bar.volume) }));
    },
  }),
  atr: define({
    name: 'atr',
    title: 'Average true range',
    description: 'Wilder-smoothed true range, seeded with the SMA of the first `period` ranges.',
    placement: 'panel',
    params: periodOnly(14),
    lines: ['atr'],
    warmup: atrWarmup,
    stableBars: atrStableBars,
    compute: (series, p) => ({ atr: atr(series, p) }),
    createStream: (p) => {
      const k = new AtrKernel(p.period);
      return new KernelStream(k, (bar) => ({ atr: k.step(bar.high, bar.low, bar.close) }));
    },
  }),
  adx: define({
    name: 'adx',
    title: 'ADX / DMI',
    description: 'Average directional index with +DI and −DI (Wilder, TA-Lib seeding).',
    placement: 'panel',
    params: periodOnly(14, 2),
    lines: ['adx', 'plusDi', 'minusDi'],
    warmup: adxWarmup,
    stableBars: adxStableBars,
    compute: (series, p) => ({ ...adx(series, p) }),
    createStream: (p) => {
      const k = new AdxKernel(p.period);
      return new KernelStream(k, (bar) => {
        k.step(bar.high, bar.low, bar.close);
        return { adx: k.adx, plusDi: k.plusDi, minusDi: k.minusDi };
      });
    },
  }),
  cci: define({
    name: 'cci',
    title: 'Commodity channel index',
    description: '(typical price − SMA) / (0.015 × mean deviation).',
    placement: 'panel',
    params: periodOnly(20),
    lines: ['cci'],
    warmup: cciWarmup,
    stableBars: cciStableBars,
    compute: (series, p) => ({ cci: cci(series, p) }),
    createStream: (p) => {
      const k = new CciKernel(p.period);
      return new KernelStream(k, (bar) => ({ cci: k.step(bar.high, bar.low, bar.close) }));
    },
  }),
  'williams-r': define({
    name: 'williams-r',
    title: 'Williams %R',
    description: 'Close within the high/low range, 0 (at the high) to −100 (at the low).',
    placement: 'panel',
    params: periodOnly(14),
    lines: ['williamsR'],
    warmup: williamsRWarmup,
    stableBars: williamsRStableBars,
    compute: (series, p) => ({ williamsR: williamsR(series, p) }),
    createStream: (p) => {
      const k = new WilliamsRKernel(p.period);
      return new KernelStream(k, (bar) => ({ williamsR: k.step(bar.high, bar.low, bar.close) }));
    },
  }),
  mfi: define({
    name: 'mfi',
    title: 'Money flow index',
    description: 'Volume-weighted RSI of the typical price; 50 when no money flowed.',
    placement: 'panel',
    params: periodOnly(14),
    lines: ['mfi'],
    warmup: mfiWarmup,
    stableBars: mfiStableBars,
    compute: (series, p) => ({ mfi: mfi(series, p) }),
    createStream: (p) => {
      const k = new MfiKernel(p.period);
      return new KernelStream(k, (bar) => ({
        mfi: k.step(bar.high, bar.low, bar.close, bar.volume),
      }));
    },
  }),
  vwap: define({
    name: 'vwap',
    title: 'VWAP',
    description:
      'Cumulative volume-weighted typical price from the series start, or per session (intraday).',
    placement: 'overlay',
    params: z.strictObject({
      anchor: z
        .enum(['series', 'session'])
        .default('series')
        .describe('`series`: from the first bar; `session`: restart on each new date'),
    }),
    lines: ['vwap'],
    warmup: vwapWarmup,
    stableBars: vwapStableBars,
    compute: (series, p) => ({ vwap: vwap(series, p) }),
    createStream: (p) => {
      const k = new VwapKernel(p.anchor);
      return new KernelStream(k, (bar) => ({
        vwap: k.step(bar.high, bar.low, bar.close, bar.volume, bar.date),
      }));
    },
  }),
  psar: define({
    name: 'psar',
    title: 'Parabolic SAR',
    description: 'Wilder’s stop-and-reverse (TA-Lib algorithm); `trend` is +1 long, −1 short.',
    placement: 'overlay',
    params: z
      .strictObject({
        step: positive(0.02, 'acceleration step'),
        max: positive(0.2, 'maximum acceleration'),
      })
      .refine((p) => p.max >= p.step, { message: 'max must be ≥ step', path: ['max'] }),
    lines: ['psar', 'trend'],
    warmup: psarWarmup,
    stableBars: psarStableBars,
    compute: (series, p) => ({ ...psar(series, p) }),
    createStream: (p) => {
      const k = new PsarKernel(p);
      return new KernelStream(k, (bar) => {
        k.step(bar.high, bar.low);
        return { psar: k.psar, trend: k.trend };
      });
    },
  }),
  ichimoku: define({
    name: 'ichimoku',
    title: 'Ichimoku cloud',
    description:
      'Tenkan, kijun, senkou A/B (already shifted: the cloud at each bar) and chikou (= close).',
    placement: 'overlay',
    params: z.strictObject({
      conversion: int(1, 9, 'tenkan-sen period'),
      base: int(1, 26, 'kijun-sen period'),
      spanB: int(1, 52, 'senkou span B period'),
      displacement: int(0, 26, 'bars the spans are drawn ahead'),
    }),
    lines: ['tenkan', 'kijun', 'senkouA', 'senkouB', 'chikou'],
    warmup: ichimokuWarmup,
    stableBars: ichimokuStableBars,
    compute: (series, p) => ({ ...ichimoku(series, p) }),
    createStream: (p) => {
      const k = new IchimokuKernel(p);
      return new KernelStream(k, (bar) => {
        k.step(bar.high, bar.low, bar.close);
        return {
          tenkan: k.tenkan,
          kijun: k.kijun,
          senkouA: k.senkouA,
          senkouB: k.senkouB,
          chikou: k.chikou,
        };
      });
    },
  }),
  donchian: define({
    name: 'donchian',
    title: 'Donchian channel',
    description: 'Highest high / lowest low of the last `period` bars (current bar included).',
    placement: 'overlay',
    params: periodOnly(20),
    lines: ['upper', 'middle', 'lower'],
    warmup: donchianWarmup,
    stableBars: donchianStableBars,
    compute: (series, p) => ({ ...donchian(series, p) }),
    createStream: (p) => {
      const k = new DonchianKernel(p.period);
      return new KernelStream(k, (bar) => {
        k.step(bar.high, bar.low);
        return { upper: k.upper, middle: k.middle, lower: k.lower };
      });
    },
  }),
  keltner: define({
    name: 'keltner',
    title: 'Keltner channel',
    description: 'EMA(period) ± multiplier × ATR(atrPeriod).',
    placement: 'overlay',
    params: z.strictObject({
      period: int(1, 20, 'EMA period of the middle line'),
      atrPeriod: int(1, 10, 'ATR period of the band width'),
      multiplier: positive(2, 'band width in ATRs'),
    }),
    lines: ['upper', 'middle', 'lower'],
    warmup: keltnerWarmup,
    stableBars: keltnerStableBars,
    compute: (series, p) => ({ ...keltner(series, p) }),
    createStream: (p) => {
      const k = new KeltnerKernel(p);
      return new KernelStream(k, (bar) => {
        k.step(bar.high, bar.low, bar.close);
        return { upper: k.upper, middle: k.middle, lower: k.lower };
      });
    },
  }),
} satisfies Record<IndicatorName, { name: IndicatorName; lines: readonly string[] }>;

export function isIndicatorName(name: string): name is IndicatorName {
  return (indicatorNames as readonly string[]).includes(name);
}

export function getIndicator(name: string): IndicatorDefinition {
  if (!isIndicatorName(name)) {
    throw new DomainError(
      'INVALID',
      `Unknown indicator "${name}". Known: ${indicatorNames.join(', ')}`,
      { field: 'indicator', value: name },
    );
  }
  return indicatorRegistry[name] as unknown as IndicatorDefinition;
}

/** Validates raw parameters against the indicator's schema; the error names the parameter. */
export function parseIndicatorParams(
  name: string,
  rawParams: Record<string, unknown> = {},
): Record<string, unknown> {
  const definition = getIndicator(name);
  const parsed = definition.params.safeParse(rawParams);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key =
      issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || name;
    const known = Object.keys(definition.params.parse({}) as object);
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unknown parameter "${key}" for ${name} (parameters: ${known.join(', ') || 'none'})`
        : `Invalid parameter "${key}" for ${name}: ${issue.message}${gotValue(rawParams[key])}`;
    throw new DomainError('INVALID', message, { field: key, indicator: name });
  }
  return parsed.data as Record<string, unknown>;
}

function gotValue(value: unknown): string {
  return value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
}

export interface IndicatorResult {
  name: IndicatorName;
  params: Record<string, unknown>;
  lines: Record<string, Float64Array>;
  warmup: number;
  stableBars: number;
}

/**
 * Validates `rawParams` (strings are coerced) and computes every line over the series. With an
 * IndicatorContext of the same series the lines come from (and go into) its cache, shared with the
 * strategies that read it: identical arrays, computed once.
 */
export function computeIndicator(
  name: string,
  series: BarSeries,
  rawParams: Record<string, unknown> = {},
  context?: IndicatorContext,
): IndicatorResult {
  const params = parseIndicatorParams(name, rawParams);
  const definition = getIndicator(name);
  if (context && context.series !== series) {
    throw new DomainError('INVALID', 'context belongs to a different series', { field: 'context' });
  }
  const compute = () => definition.compute(series, params);
  return {
    name: definition.name,
    params,
    lines: context ? context.lines(definition.name, params, compute) : compute(),
    warmup: definition.warmup(params),
    stableBars: definition.stableBars(params),
  };
}

export interface IndicatorInfo {
  name: IndicatorName;
  title: string;
  description: string;
  placement: 'overlay' | 'panel';
  lines: readonly string[];
  params: { name: string; default: unknown; description: string }[];
}

/** Names, lines and parameters with their defaults, for `--list`, the API and the UI. */
export function listIndicators(): IndicatorInfo[] {
  return indicatorNames.map((name) => {
    const definition = getIndicator(name);
    const defaults = definition.params.parse({}) as Record<string, unknown>;
    const shape = (definition.params as unknown as { shape?: Record<string, z.ZodType> }).shape;
    return {
      name,
      title: definition.title,
      description: definition.description,
      placement: definition.placement,
      lines: definition.lines,
      params: Object.entries(defaults).map(([key, value]) => ({
        name: key,
        default: value,
        description: shape?.[key]?.description ?? '',
      })),
    };
  });
}

export type { PriceSource };
