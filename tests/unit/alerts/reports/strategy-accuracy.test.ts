import { describe, expect, it } from 'vitest';
import {
  ACCURACY_BARS,
  DEFAULT_STRATEGIES,
  resolveStrategies,
  strategyAccuracy,
} from '@/server/alerts/reports/strategy-accuracy';
import { barSeriesFrom, type BarSeries } from '@/server/analysis/bars';
import { computeSignals, strategyRegistry } from '@/server/analysis/strategies/registry';

function wave(length: number, period: number, amplitude: number): BarSeries {
  return barSeriesFrom(
    Array.from({ length }, (_, i) => {
      const close = 100 * (1 + amplitude * Math.sin((2 * Math.PI * i) / period));
      return { date: `d${i}`, open: close, high: close, low: close, close, volume: 1 };
    }),
  );
}

describe('resolveStrategies', () => {
  it('uses the followed list, else the rule strategies, else the defaults', () => {
    expect(resolveStrategies(['rsi-reversal', 'sma-cross'], ['macd-cross'])).toEqual({
      source: 'settings',
      ids: ['rsi-reversal', 'sma-cross'],
    });
    expect(resolveStrategies([], ['macd-cross', 'macd-cross', 'sma-cross'])).toEqual({
      source: 'rules',
      ids: ['macd-cross', 'sma-cross'],
    });
    expect(resolveStrategies(['gone'], ['also-gone'])).toEqual({
      source: 'default',
      ids: [...DEFAULT_STRATEGIES],
    });
  });

  it('defaults to strategies the registry has', () => {
    for (const id of DEFAULT_STRATEGIES) expect(strategyRegistry.has(id)).toBe(true);
  });
});

describe('strategyAccuracy', () => {
  it('pools every call of the last 252 bars over the symbols, graded 5 bars later', () => {
    const series = new Map([
      ['A', wave(400, 40, 0.1)],
      ['B', wave(300, 26, 0.05)],
    ]);
    const signed: number[] = [];
    for (const s of series.values()) {
      const { action } = computeSignals(s, 'sma-cross').signals;
      for (let i = s.length - ACCURACY_BARS; i < s.length - 5; i++) {
        if (action[i] === 0) continue;
        const forward = s.close[i + 5]! / s.close[i]! - 1;
        signed.push(action[i]! > 0 ? forward : -forward);
      }
    }
    expect(signed.length).toBeGreaterThan(10);
    const [item] = strategyAccuracy(['sma-cross'], series, new Map());
    expect(item).toMatchObject({
      strategy: 'sma-cross',
      strategyName: 'SMA crossover',
      symbols: 2,
      signals: signed.length,
    });
    expect(item!.successRate).toBeCloseTo(signed.filter((r) => r > 0).length / signed.length, 12);
    expect(item!.averageReturn).toBeCloseTo(signed.reduce((a, b) => a + b, 0) / signed.length, 12);
  });

  it('reports no rates when no call could be graded', () => {
    const flat = barSeriesFrom(
      Array.from({ length: 50 }, (_, i) => ({
        date: `d${i}`,
        open: 100,
        high: 100,
        low: 100,
        close: 100,
        volume: 1,
      })),
    );
    expect(strategyAccuracy(['sma-cross'], new Map([['F', flat]]), new Map())).toEqual([
      {
        strategy: 'sma-cross',
        strategyName: 'SMA crossover',
        symbols: 1,
        signals: 0,
        successRate: null,
        averageReturn: null,
      },
    ]);
  });
});
