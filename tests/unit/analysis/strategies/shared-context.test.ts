import { describe, expect, it } from 'vitest';
import { donchian } from '@/server/analysis/indicators/donchian';
import { computeIndicator, indicatorNames } from '@/server/analysis/indicators/registry';
import { IndicatorContext } from '@/server/analysis/strategies/context';
import {
  computeSignals,
  createSignals,
  evaluateSignals,
  strategyRegistry,
} from '@/server/analysis/strategies/registry';
import { bitsOf } from '../bits';
import { loadSpy } from './fixture';

const spy = loadSpy();

/** Defaults, other windows and every non-close price source the registry offers. */
const paramSets: Record<string, Record<string, unknown>[]> = {
  sma: [{}, { period: 7 }, { period: 7, source: 'hlc3' }],
  ema: [{}, { period: 12, source: 'high' }],
  wma: [{}, { period: 9, source: 'ohlc4' }],
  rsi: [{}, { period: 7 }, { period: 14, source: 'hl2' }],
  roc: [{}, { period: 12, source: 'open' }],
  macd: [{}, { fast: 5, slow: 35, signal: 5 }, { source: 'low' }],
  bollinger: [{}, { period: 10, stddev: 1.5 }, { source: 'hlc3' }],
  stochastic: [{}, { period: 5, kSmoothing: 1, dPeriod: 4 }],
  obv: [{}],
  atr: [{}, { period: 20 }],
  adx: [{}, { period: 7 }],
  cci: [{}, { period: 14 }],
  'williams-r': [{}, { period: 21 }],
  mfi: [{}, { period: 10 }],
  vwap: [{}, { anchor: 'session' }],
  psar: [{}, { step: 0.01, max: 0.1 }],
  ichimoku: [{}, { conversion: 5, base: 10, spanB: 20, displacement: 0 }],
  donchian: [{}, { period: 10 }],
  keltner: [{}, { period: 10, atrPeriod: 14, multiplier: 1.5 }],
};

describe('IndicatorContext shared by registry indicators and strategies', () => {
  it('gives every indicator the same bits through a context as computed directly', () => {
    const ctx = new IndicatorContext(spy);
    for (const name of indicatorNames) {
      for (const params of paramSets[name]!) {
        const direct = computeIndicator(name, spy, params);
        const shared = computeIndicator(name, spy, params, ctx);
        expect(bitsOf(shared), `${name} ${JSON.stringify(params)}`).toBe(bitsOf(direct));
        // A second request is served from the cache: the very same arrays.
        const again = computeIndicator(name, spy, params, ctx);
        for (const line of Object.keys(shared.lines)) {
          expect(again.lines[line]).toBe(shared.lines[line]);
        }
      }
    }
  });

  it('hands strategies the arrays the indicator request computed', () => {
    const ctx = new IndicatorContext(spy);
    const bands = computeIndicator('bollinger', spy, {}, ctx).lines;
    expect(ctx.bollinger(20, 2).upper).toBe(bands.upper);
    expect(computeIndicator('sma', spy, { period: 20 }, ctx).lines.sma).toBe(ctx.sma(20));
    expect(computeIndicator('williams-r', spy, {}, ctx).lines.williamsR).toBe(ctx.williamsR(14));
    // A price source other than the close is a different series: not the close accessor's.
    expect(computeIndicator('sma', spy, { source: 'open' }, ctx).lines.sma).not.toBe(ctx.sma(20));
  });

  it('gives strategies identical signals after the indicators filled the context', () => {
    const warmed = new IndicatorContext(spy);
    for (const name of indicatorNames) computeIndicator(name, spy, {}, warmed);
    for (const id of strategyRegistry.keys()) {
      expect(bitsOf(computeSignals(warmed, id).signals), id).toBe(
        bitsOf(computeSignals(spy, id).signals),
      );
    }
  });

  it('refuses a context built on other bars', () => {
    const other = new IndicatorContext(loadSpy());
    expect(() => computeIndicator('sma', spy, {}, other)).toThrow(/different series/);
  });
});

describe('computeSignals into reused arrays', () => {
  it('clears and refills one buffer strategy after strategy, matching fresh arrays', () => {
    const ctx = new IndicatorContext(spy);
    const buffer = createSignals(spy.length);
    for (const id of strategyRegistry.keys()) {
      const { signals } = computeSignals(ctx, id, undefined, buffer);
      expect(signals).toBe(buffer);
      expect(bitsOf(signals), id).toBe(bitsOf(computeSignals(spy, id).signals));
    }
  });

  it('rejects arrays of another length', () => {
    expect(() => computeSignals(spy, 'sma-cross', undefined, createSignals(10))).toThrow(
      /series' length/,
    );
  });

  it('evaluates every strategy at any bar as separate computations would', () => {
    for (const index of [30, 400, spy.length - 1]) {
      const evaluated = evaluateSignals(spy, { index });
      for (const signal of evaluated.signals) {
        const { signals } = computeSignals(spy, signal.id);
        expect(signal.action, `${signal.id} @${index}`).toBe(
          ['SELL', 'HOLD', 'BUY'][signals.action[index]! + 1],
        );
        expect(Object.is(signal.confidence, signals.confidence[index]!)).toBe(true);
      }
    }
  });
});

describe('IndicatorContext.donchianBand', () => {
  it('is the matching band of the full Donchian channel, bit for bit', () => {
    const nasty = {
      ...spy,
      high: spy.high.slice(),
      low: spy.low.slice(),
    };
    nasty.high[40] = NaN;
    nasty.low[41] = NaN;
    const short = { ...spy, high: spy.high.slice(0, 5), low: spy.low.slice(0, 5), length: 5 };
    for (const series of [spy, nasty, short]) {
      for (const period of [2, 10, 20, 55]) {
        const channel = donchian(series, { period });
        // Band alone (nothing cached yet), then the cached channel's own array.
        const fresh = new IndicatorContext(series);
        expect(bitsOf(fresh.donchianBand(period, 'upper'))).toBe(bitsOf(channel.upper));
        expect(bitsOf(fresh.donchianBand(period, 'lower'))).toBe(bitsOf(channel.lower));
        const filled = new IndicatorContext(series);
        const cached = filled.donchian(period);
        expect(filled.donchianBand(period, 'upper')).toBe(cached.upper);
        expect(filled.donchianBand(period, 'lower')).toBe(cached.lower);
      }
    }
  });
});
