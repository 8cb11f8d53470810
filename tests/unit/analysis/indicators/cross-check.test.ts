import { describe, expect, it } from 'vitest';
import { computeIndicator } from '@/server/analysis/indicators/registry';
import { expectClose, samsungDaily } from './fixture';
import * as ref from './reference';

/**
 * Every indicator against its naive textbook formulation (tests/.../reference.ts) on 1,120 real
 * bars, default and non-default parameters. Agreement to 1e-9 relative rules out seeding, alignment
 * and window off-by-ones while allowing the rolling sums' rounding.
 */
const series = samsungDaily();
const { close } = series;

type Lines = Record<string, ArrayLike<number>>;
const cases: [string, Record<string, unknown>, () => Lines][] = [
  ['sma', { period: 20 }, () => ({ sma: ref.naiveSma(close, 20) })],
  ['sma', { period: 1 }, () => ({ sma: ref.naiveSma(close, 1) })],
  ['ema', { period: 20 }, () => ({ ema: ref.naiveEma(close, 20) })],
  ['ema', { period: 5 }, () => ({ ema: ref.naiveEma(close, 5) })],
  ['wma', { period: 20 }, () => ({ wma: ref.naiveWma(close, 20) })],
  ['rsi', { period: 14 }, () => ({ rsi: ref.naiveRsi(close, 14) })],
  ['rsi', { period: 2 }, () => ({ rsi: ref.naiveRsi(close, 2) })],
  ['macd', {}, () => ref.naiveMacd(close, 12, 26, 9)],
  ['macd', { fast: 5, slow: 35, signal: 5 }, () => ref.naiveMacd(close, 5, 35, 5)],
  ['bollinger', {}, () => ref.naiveBollinger(close, 20, 2)],
  ['bollinger', { period: 10, stddev: 1.5 }, () => ref.naiveBollinger(close, 10, 1.5)],
  ['stochastic', {}, () => ref.naiveStochastic(series, 14, 3, 3)],
  [
    'stochastic',
    { period: 5, kSmoothing: 1, dPeriod: 4 },
    () => ref.naiveStochastic(series, 5, 1, 4),
  ],
  ['obv', {}, () => ({ obv: ref.naiveObv(series) })],
  ['atr', {}, () => ({ atr: ref.naiveAtr(series, 14) })],
  ['adx', {}, () => ref.naiveAdx(series, 14)],
  ['adx', { period: 5 }, () => ref.naiveAdx(series, 5)],
  ['cci', {}, () => ({ cci: ref.naiveCci(series, 20) })],
  ['williams-r', {}, () => ({ williamsR: ref.naiveWilliamsR(series, 14) })],
  ['mfi', {}, () => ({ mfi: ref.naiveMfi(series, 14) })],
  ['roc', {}, () => ({ roc: ref.naiveRoc(close, 10) })],
  ['vwap', {}, () => ({ vwap: ref.naiveVwap(series, 'series') })],
  ['psar', {}, () => ref.naivePsar(series, 0.02, 0.2)],
  ['psar', { step: 0.01, max: 0.1 }, () => ref.naivePsar(series, 0.01, 0.1)],
  ['ichimoku', {}, () => ref.naiveIchimoku(series, 9, 26, 52, 26)],
  ['ichimoku', { displacement: 0 }, () => ref.naiveIchimoku(series, 9, 26, 52, 0)],
  ['donchian', {}, () => ref.naiveDonchian(series, 20)],
  ['keltner', {}, () => ref.naiveKeltner(series, 20, 10, 2)],
];

describe('indicators match their naive formulations on real bars', () => {
  it.each(cases)('%s %j', (name, params, expected) => {
    const result = computeIndicator(name, series, params);
    const want = expected();
    expect(Object.keys(result.lines).sort()).toEqual(Object.keys(want).sort());
    for (const [line, values] of Object.entries(want)) {
      expectClose(result.lines[line]!, values, `${name}.${line}`);
    }
  });

  it('covers every registered indicator', () => {
    const covered = new Set(cases.map(([name]) => name));
    expect(covered.size).toBe(19);
  });

  it('session-anchored VWAP restarts on each date', () => {
    const intraday = {
      ...series,
      // Two bars a "day": the anchor must restart on every other bar.
      dates: series.dates.map(
        (_, i) =>
          `2024-01-${String(1 + (Math.floor(i / 2) % 28)).padStart(2, '0')}T${i % 2 ? '10' : '09'}:00:00-05:00`,
      ),
    };
    const result = computeIndicator('vwap', intraday, { anchor: 'session' });
    expectClose(result.lines.vwap!, ref.naiveVwap(intraday, 'session'), 'vwap.session');
  });
});
