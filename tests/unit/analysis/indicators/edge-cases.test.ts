import { describe, expect, it } from 'vitest';
import { barSeriesFrom, sliceBarSeries } from '@/server/analysis/bars';
import { ema, macd, rsi, sma } from '@/server/analysis/indicators';
import {
  computeIndicator,
  getIndicator,
  indicatorNames,
  listIndicators,
} from '@/server/analysis/indicators/registry';
import { samsungDaily } from './fixture';

const series = samsungDaily();

describe('short and empty input', () => {
  it.each(indicatorNames)(
    '%s: inputs shorter than the warm-up give only NaN, never throw',
    (name) => {
      const definition = getIndicator(name);
      const params = definition.params.parse({});
      const warmup = definition.warmup(params);
      for (const length of [0, 1, warmup]) {
        const lines = Object.values(definition.compute(sliceBarSeries(series, 0, length), params));
        for (const values of lines) expect(values.length).toBe(length);
        // Until the warm-up is over at least one line has no value at all (the MACD line, for one,
        // starts before its signal line).
        if (length <= warmup) expect(lines.some((values) => values.every(Number.isNaN))).toBe(true);
      }
    },
  );

  it('period 1 averages are the input itself', () => {
    const xs = series.close.subarray(0, 50);
    expect(Array.from(sma(xs, { period: 1 }))).toEqual(Array.from(xs));
    expect(Array.from(ema(xs, { period: 1 }))).toEqual(Array.from(xs));
  });

  it('flat series: RSI 50, MACD 0', () => {
    const flat = new Float64Array(60).fill(100);
    expect(
      rsi(flat)
        .slice(14)
        .every((v) => v === 50),
    ).toBe(true);
    expect(
      macd(flat)
        .histogram.slice(33)
        .every((v) => v === 0),
    ).toBe(true);
  });

  it('zero-volume placeholder rows in real data keep MFI/VWAP finite', () => {
    // The fixture has flat zero-volume rows (e.g. 2020-03-09); nothing may become NaN after warm-up.
    const zeroVolume = series.volume.findIndex((v) => v === 0);
    expect(zeroVolume).toBeGreaterThan(0);
    for (const name of ['mfi', 'vwap', 'obv'] as const) {
      const { lines, warmup } = computeIndicator(name, series);
      for (const values of Object.values(lines)) {
        expect(values.slice(warmup).every(Number.isFinite)).toBe(true);
      }
    }
  });

  it('an all-zero-volume window gives MFI 50 and VWAP = typical price', () => {
    const idle = barSeriesFrom(
      Array.from({ length: 20 }, (_, i) => ({
        date: `2024-01-${String(i + 1).padStart(2, '0')}`,
        open: 10 + i,
        high: 11 + i,
        low: 9 + i,
        close: 10 + i,
        volume: 0,
      })),
    );
    expect(
      computeIndicator('mfi', idle)
        .lines.mfi!.slice(14)
        .every((v) => v === 50),
    ).toBe(true);
    expect(computeIndicator('vwap', idle).lines.vwap!.at(-1)).toBeCloseTo(29, 12);
  });
});

describe('parameter validation (registry)', () => {
  it('applies documented defaults', () => {
    expect(computeIndicator('bollinger', series).params).toEqual({
      period: 20,
      stddev: 2,
      source: 'close',
    });
    expect(computeIndicator('macd', series).params).toMatchObject({
      fast: 12,
      slow: 26,
      signal: 9,
    });
  });

  it('coerces CLI strings', () => {
    expect(computeIndicator('rsi', series, { period: '7' }).params.period).toBe(7);
  });

  it.each([
    ['rsi', { period: 'abc' }, /"period"/],
    ['rsi', { period: 0 }, /"period".*>=1|"period"/],
    ['rsi', { period: 2.5 }, /"period"/],
    ['rsi', { lenght: 14 }, /Unknown parameter "lenght" for rsi \(parameters: period, source\)/],
    ['macd', { fast: 30, slow: 26 }, /"fast".*less than slow/],
    ['bollinger', { stddev: -1 }, /"stddev"/],
    ['psar', { step: 0.3, max: 0.2 }, /"max"/],
    ['sma', { source: 'typical' }, /"source"/],
  ])('%s %j is rejected naming the parameter', (name, params, message) => {
    expect(() => computeIndicator(name, series, params)).toThrow(message);
  });

  it('unknown indicator names list the known ones', () => {
    expect(() => computeIndicator('rsi2', series)).toThrow(/Unknown indicator "rsi2".*sma, ema/);
  });

  it('batch functions reject invalid periods directly', () => {
    expect(() => sma(series.close, { period: 0 })).toThrow(/period must be an integer ≥ 1/);
  });

  it('listIndicators describes every indicator with its defaults', () => {
    const list = listIndicators();
    expect(list.map((i) => i.name)).toEqual([...indicatorNames]);
    const bollinger = list.find((i) => i.name === 'bollinger')!;
    expect(bollinger.lines).toEqual(['upper', 'middle', 'lower']);
    expect(bollinger.params).toContainEqual(
      expect.objectContaining({ name: 'stddev', default: 2 }),
    );
  });
});
