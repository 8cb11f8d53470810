import { describe, expect, it } from 'vitest';
import { backtestResultToJson, runBacktest } from '@/server/analysis/backtest/run';
import { evaluateSignalQuality } from '@/server/analysis/backtest/signal-quality';
import { isDomainError } from '@/server/errors';
import { loadSpy } from '../strategies/fixture';
import { actionsOf, seriesOf } from './series';

const spy = loadSpy();

function messageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (isDomainError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('runBacktest', () => {
  it('returns metrics, trades, curves and the signal evaluation for one strategy', () => {
    const result = runBacktest(spy, { strategy: 'sma-cross', commissionRate: 0.001 });
    expect(result.strategy).toEqual({
      id: 'sma-cross',
      name: 'SMA crossover',
      params: { fast: 10, slow: 20, minGap: 0.01 },
    });
    expect(result.options).toMatchObject({
      initialCash: 10_000,
      fill: 'next-open',
      sizing: { mode: 'all-in' },
    });
    const n = spy.length;
    expect(result.curves.dates).toHaveLength(n);
    expect(result.curves.equity).toHaveLength(n);
    expect(result.curves.drawdown).toHaveLength(n);
    expect(result.metrics.finalEquity).toBe(result.curves.equity[n - 1]);
    expect(result.curves.buyAndHold[n - 1]! / 10_000 - 1).toBeCloseTo(
      result.metrics.buyAndHoldReturn,
      12,
    );
    expect(result.metrics.trades + result.metrics.openTrades).toBe(result.trades.length);
    expect(result.metrics.totalCommission).toBeGreaterThan(0);
    expect(result.signalQuality.horizon).toBe(5);
    expect(result.signalQuality.signals).toBeGreaterThan(0);
    // Cash never goes negative in long-only all-in with whole shares.
    const json = JSON.parse(JSON.stringify(backtestResultToJson(result)));
    expect(json.curves.equity).toHaveLength(n);
    expect(json.metrics).toEqual(result.metrics);
  });

  it('trades only inside from/to but warms indicators up on earlier bars', () => {
    const result = runBacktest(spy, {
      strategy: 'golden-cross',
      from: '2021-01-01',
      to: '2021-06-30',
    });
    expect(result.metrics.startDate).toBe('2021-01-04');
    expect(result.metrics.endDate).toBe('2021-06-30');
    expect(result.curves.dates[0]).toBe('2021-01-04');
    // SMA 200 has a value on the window's first bar only because of the bars before it.
    expect(result.metrics.bars).toBe(124);
  });

  it('rejects bad configuration naming the field', () => {
    expect(messageOf(() => runBacktest(spy, { strategy: 'nope' }))).toMatch(
      /^Unknown strategy "nope"/,
    );
    expect(
      messageOf(() => runBacktest(spy, { strategy: 'sma-cross', commissionRate: -0.1 })),
    ).toMatch(/^backtest: commissionRate: /);
    expect(
      messageOf(() =>
        runBacktest(spy, { strategy: 'sma-cross', sizing: { mode: 'fraction', fraction: 2 } }),
      ),
    ).toMatch(/^backtest: sizing\.fraction: /);
    expect(messageOf(() => runBacktest(spy, { strategy: 'sma-cross', params: { slow: 5 } }))).toBe(
      'sma-cross params: fast: must be less than slow (5)',
    );
    expect(
      messageOf(() => runBacktest(spy, { strategy: 'sma-cross', from: '2030-01-01' })),
    ).toMatch(/at least 2 bars; 0 fall in the chosen period/);
  });

  it('reports progress through the simulation', () => {
    const seen: number[] = [];
    runBacktest(spy, {
      strategy: 'ema-cross',
      onProgress: ({ done, total }) => seen.push(done / total),
    });
    expect(seen.at(-1)).toBe(1);
  });
});

describe('evaluateSignalQuality', () => {
  it('grades each call by its forward return in the call direction', () => {
    const series = seriesOf([
      ['2024-01-01', 10, 10, 10, 10],
      ['2024-01-02', 11, 11, 11, 11],
      ['2024-01-03', 12, 12, 12, 12],
      ['2024-01-04', 9, 9, 9, 9],
      ['2024-01-05', 9, 9, 9, 9],
    ]);
    // BUY at 0 (10 → 12: +20%), SELL at 1 (11 → 9: +18.18% for a seller), BUY at 2 (12 → 9: −25%).
    const quality = evaluateSignalQuality(series, actionsOf('BSB.S'), {
      horizon: 2,
      barsPerYear: 252,
      range: { start: 0, end: 5 },
    });
    const r = [0.2, 2 / 11, -0.25];
    const mean = (r[0]! + r[1]! + r[2]!) / 3;
    const std = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    expect(quality).toMatchObject({ horizon: 2, signals: 3, buySignals: 2, sellSignals: 1 });
    expect(quality.successRate).toBeCloseTo(2 / 3, 12);
    expect(quality.averageReturn).toBeCloseTo(mean, 12);
    expect(quality.averageBuyReturn).toBeCloseTo(-0.025, 12);
    expect(quality.averageSellReturn).toBeCloseTo(2 / 11, 12);
    expect(quality.sharpe).toBeCloseTo((mean / std) * Math.sqrt(126), 10);
  });
});
