import { describe, expect, it } from 'vitest';
import { barSeriesFrom } from '@/server/analysis/bars';
import {
  atr,
  bollinger,
  cci,
  donchian,
  ema,
  ichimoku,
  macd,
  mfi,
  obv,
  psar,
  roc,
  rsi,
  sma,
  stochastic,
  vwap,
  williamsR,
  wma,
} from '@/server/analysis/indicators';

const f = (...xs: number[]) => Float64Array.from(xs);
const bars = (rows: [number, number, number, number?][]) =>
  barSeriesFrom(
    rows.map(([high, low, close, volume = 100], i) => ({
      date: `2024-01-${String(i + 1).padStart(2, '0')}`,
      open: close,
      high,
      low,
      close,
      volume,
    })),
  );
/** Values compared to 12 decimals; NaN marks the warm-up. */
function expectSeries(actual: Float64Array, expected: number[]) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => {
    if (Number.isNaN(value)) expect(actual[i], `index ${i}`).toBeNaN();
    else expect(actual[i], `index ${i}`).toBeCloseTo(value, 12);
  });
}
const N = NaN;

describe('hand-computed values on tiny inputs', () => {
  it('SMA / EMA (SMA seed, k = 2/(n+1)) / WMA', () => {
    expectSeries(sma(f(1, 2, 3, 4, 5), { period: 3 }), [N, N, 2, 3, 4]);
    // seed (1+2+3)/3 = 2, k = 0.5: (4−2)·0.5+2 = 3, then (8−3)·0.5+3 = 5.5
    expectSeries(ema(f(1, 2, 3, 4, 8), { period: 3 }), [N, N, 2, 3, 5.5]);
    // (1·1+2·2+3·3)/6 and (1·2+2·3+3·4)/6
    expectSeries(wma(f(1, 2, 3, 4), { period: 3 }), [N, N, 14 / 6, 20 / 6]);
  });

  it('RSI: Wilder averages seeded with simple means', () => {
    // changes +1 +1 −1 +1; seed gain 2/3, loss 1/3 → 66.67; then gain 7/9, loss 2/9 → 77.78
    expectSeries(rsi(f(1, 2, 3, 2, 3), { period: 3 }), [N, N, N, 200 / 3, 700 / 9]);
  });

  it('RSI conventions: 100 with only gains, 0 with only losses, 50 on a flat series', () => {
    expect(rsi(f(1, 2, 3, 4, 5), { period: 3 })[4]).toBe(100);
    expect(rsi(f(5, 4, 3, 2, 1), { period: 3 })[4]).toBe(0);
    expectSeries(rsi(f(7, 7, 7, 7, 7), { period: 3 }), [N, N, N, 50, 50]);
  });

  it('MACD with TA-Lib seed alignment (fast 2, slow 3, signal 2)', () => {
    // slow seed mean(1,3,2) = 2 and fast seed mean(3,2) = 2.5 both end on bar 2.
    const {
      macd: line,
      signal,
      histogram,
    } = macd(f(1, 3, 2, 5, 4), { fast: 2, slow: 3, signal: 2 });
    expectSeries(line, [N, N, 0.5, 2 / 3, 11 / 36]);
    expectSeries(signal, [N, N, N, 7 / 12, 43 / 108]);
    expectSeries(histogram, [N, N, N, 2 / 3 - 7 / 12, -5 / 54]);
  });

  it('Bollinger uses the population standard deviation', () => {
    const { upper, middle, lower } = bollinger(f(1, 2, 3), { period: 3, stddev: 2 });
    expectSeries(middle, [N, N, 2]);
    expectSeries(upper, [N, N, 2 + 2 * Math.sqrt(2 / 3)]);
    expectSeries(lower, [N, N, 2 - 2 * Math.sqrt(2 / 3)]);
  });

  it('slow stochastic: raw %K, SMA-smoothed %K, %D', () => {
    const s = bars([
      [10, 8, 9],
      [12, 9, 11],
      [11, 7, 8],
      [13, 10, 12],
      [12, 10, 10],
    ]);
    // raw %K (period 3) at bars 2..4: (8−7)/(12−7)=20, (12−7)/(13−7)=83.33, (10−7)/(13−7)=50
    const { k, d } = stochastic(s, { period: 3, kSmoothing: 2, dPeriod: 2 });
    expectSeries(k, [N, N, N, (20 + 500 / 6) / 2, (500 / 6 + 50) / 2]);
    expectSeries(d, [N, N, N, N, ((20 + 500 / 6) / 2 + (500 / 6 + 50) / 2) / 2]);
  });

  it('OBV starts at 0 and ignores unchanged closes', () => {
    const s = bars([
      [10, 10, 10, 100],
      [11, 11, 11, 200],
      [11, 11, 11, 300],
      [9, 9, 9, 400],
      [12, 12, 12, 500],
    ]);
    expectSeries(obv(s), [0, 200, 200, -200, 300]);
  });

  it('ATR: no true range on bar 0, SMA seed, then Wilder', () => {
    const s = bars([
      [10, 8, 9],
      [11, 9, 10], // TR 2
      [12, 9, 11], // TR 3
      [11, 7, 8], // TR max(4, 0, 4) = 4
    ]);
    expectSeries(atr(s, { period: 2 }), [N, N, 2.5, (2.5 + 4) / 2]);
  });

  it('CCI, Williams %R, Donchian on a 3-bar window', () => {
    const s = bars([
      [10, 8, 9],
      [12, 9, 11],
      [11, 7, 8],
    ]);
    // typical prices 9, 32/3, 26/3; mean 85/9; mean deviation (4/9 + 11/9 + 7/9)/3 = 22/27
    expectSeries(cci(s, { period: 3 }), [N, N, (26 / 3 - 85 / 9) / (0.015 * (22 / 27))]);
    expectSeries(williamsR(s, { period: 3 }), [N, N, (-100 * (12 - 8)) / (12 - 7)]);
    const channel = donchian(s, { period: 3 });
    expectSeries(channel.upper, [N, N, 12]);
    expectSeries(channel.lower, [N, N, 7]);
    expectSeries(channel.middle, [N, N, 9.5]);
  });

  it('Williams %R is −50 and stochastic 50 on a zero-range window', () => {
    const flat = bars([
      [5, 5, 5],
      [5, 5, 5],
      [5, 5, 5],
    ]);
    expectSeries(williamsR(flat, { period: 2 }), [N, -50, -50]);
    expectSeries(stochastic(flat, { period: 2, kSmoothing: 1, dPeriod: 1 }).k, [N, 50, 50]);
  });

  it('MFI: positive and negative money flow of the typical price', () => {
    const s = bars([
      [10, 10, 10, 100],
      [12, 12, 12, 100], // +1200
      [11, 11, 11, 200], // −2200
      [13, 13, 13, 100], // +1300
    ]);
    expectSeries(mfi(s, { period: 2 }), [N, N, (100 * 1200) / 3400, (100 * 1300) / 3500]);
  });

  it('MFI is 50 when no money flowed (zero volume), 100 with only inflows', () => {
    const idle = bars([
      [10, 10, 10, 0],
      [11, 11, 11, 0],
      [12, 12, 12, 0],
    ]);
    expectSeries(mfi(idle, { period: 2 }), [N, N, 50]);
    const rising = bars([
      [10, 10, 10],
      [11, 11, 11],
      [12, 12, 12],
    ]);
    expect(mfi(rising, { period: 2 })[2]).toBe(100);
  });

  it('ROC in percent; 0 when the base value is 0', () => {
    expectSeries(roc(f(10, 11, 12.1), { period: 1 }), [N, 10, 10]);
    expectSeries(roc(f(0, 5), { period: 1 }), [N, 0]);
  });

  it('VWAP of the typical price, cumulative or per session', () => {
    const s = bars([
      [10, 10, 10, 100],
      [13, 10, 10, 300], // tp 11
      [12, 12, 12, 0],
    ]);
    expectSeries(vwap(s), [10, (1000 + 3300) / 400, (1000 + 3300) / 400]);
    const sessions = { ...s, dates: ['2024-01-02T09:30', '2024-01-02T09:31', '2024-01-03T09:30'] };
    // The third bar opens a session with no volume yet: its own typical price.
    expectSeries(vwap(sessions, { anchor: 'session' }), [10, 4300 / 400, 12]);
  });

  it('Parabolic SAR: rising trend, acceleration, reversal to the extreme point', () => {
    const s = bars([
      [10, 9, 9.5],
      [11, 10, 10.5],
      [12, 11, 11.5],
      [13, 12, 12.5],
      [11, 9.5, 10],
      [10, 8, 9],
    ]);
    const { psar: sar, trend } = psar(s, { step: 0.02, max: 0.2 });
    // 9 + 0.02·(11−9) = 9.04; new high 12 → af 0.04: 9.04 + 0.04·2.96 = 9.1584;
    // new high 13 → af 0.06: 9.1584 + 0.06·3.8416 = 9.388896; next SAR clamps to the low 9.5;
    // bar 5's low 8 ≤ 9.5 → short, SAR = extreme point 13.
    expectSeries(sar, [N, 9, 9.04, 9.1584, 9.388896, 13]);
    expectSeries(trend, [N, 1, 1, 1, 1, -1]);
  });

  it('Ichimoku: midpoints, spans displaced forward, chikou = close', () => {
    const s = bars([
      [10, 8, 9],
      [12, 9, 11],
      [11, 7, 8],
      [13, 10, 12],
    ]);
    const lines = ichimoku(s, { conversion: 2, base: 3, spanB: 4, displacement: 1 });
    expectSeries(lines.tenkan, [N, 10, 9.5, 10]);
    expectSeries(lines.kijun, [N, N, 9.5, 10]);
    expectSeries(lines.senkouA, [N, N, N, 9.5]);
    expectSeries(lines.senkouB, [N, N, N, N]);
    expectSeries(lines.chikou, [9, 11, 8, 12]);
  });
});
