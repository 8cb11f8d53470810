import { describe, expect, it } from 'vitest';
import {
  compositeOf,
  computeSignals,
  evaluateSignals,
  getStrategy,
  listStrategies,
  strategyRegistry,
  type StrategySignal,
} from '@/server/analysis/strategies/registry';
import { resolveParams } from '@/server/analysis/strategies/params';
import { isDomainError } from '@/server/errors';
import { seriesOf } from '../backtest/series';
import { loadSpy } from './fixture';

const spy = loadSpy();

function errorOf(work: () => unknown): { code: string; message: string } {
  try {
    work();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('strategy registry', () => {
  it('lists at least 20 strategies with documented, valid defaults', () => {
    const strategies = listStrategies();
    expect(strategies.length).toBeGreaterThanOrEqual(20);
    expect(new Set(strategies.map((s) => s.id)).size).toBe(strategies.length);
    for (const strategy of strategies) {
      expect(strategy.id).toMatch(/^[a-z0-9-]+$/);
      expect(strategy.description.length).toBeGreaterThan(20);
      for (const param of strategy.params) {
        expect(param.description).not.toBe('');
        expect(param.default).toBeGreaterThanOrEqual(param.min);
        expect(param.default).toBeLessThanOrEqual(param.max);
      }
      // The documented defaults pass the strategy's own validation.
      expect(() => resolveParams(getStrategy(strategy.id), {})).not.toThrow();
    }
    expect(strategies.find((s) => s.id === 'sma-cross')?.params).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'fast', default: 10, type: 'int' }),
        expect.objectContaining({ name: 'slow', default: 20, type: 'int' }),
      ]),
    );
  });

  it.each([...strategyRegistry.keys()])('%s buys and sells on three years of SPY', (id) => {
    const { signals } = computeSignals(spy, id);
    let buys = 0;
    let sells = 0;
    signals.action.forEach((action, i) => {
      const confidence = signals.confidence[i]!;
      if (action === 0) expect(confidence).toBe(0);
      else {
        expect(confidence).toBeGreaterThan(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }
      if (action > 0) buys++;
      if (action < 0) sells++;
    });
    expect(buys).toBeGreaterThan(0);
    expect(sells).toBeGreaterThan(0);
  });
});

describe('parameter validation', () => {
  it('fills defaults and rejects bad values naming the field', () => {
    expect(resolveParams(getStrategy('sma-cross'), { fast: 5 })).toMatchObject({
      fast: 5,
      slow: 20,
    });
    expect(errorOf(() => computeSignals(spy, 'sma-cross', { fast: 30, slow: 20 }))).toEqual({
      code: 'INVALID',
      message: 'sma-cross params: fast: must be less than slow (20)',
    });
    expect(errorOf(() => computeSignals(spy, 'sma-cross', { fast: 2.5 })).message).toBe(
      'sma-cross params: fast: must be a whole number',
    );
    expect(errorOf(() => computeSignals(spy, 'rsi-reversal', { period: 0 })).message).toBe(
      'rsi-reversal params: period: must be at least 2',
    );
    expect(errorOf(() => computeSignals(spy, 'sma-cross', { fats: 5 })).message).toMatch(/fats/);
    expect(errorOf(() => computeSignals(spy, 'rsi-reversal', { oversold: 80 })).message).toBe(
      'rsi-reversal params: oversold: must be below overbought (70)',
    );
  });

  it('rejects an unknown strategy listing the known ones', () => {
    const error = errorOf(() => getStrategy('sma-crossover'));
    expect(error.code).toBe('INVALID');
    expect(error.message).toMatch(/Unknown strategy "sma-crossover".*sma-cross/);
  });
});

describe('sma-cross', () => {
  // SMA(2) vs SMA(3): equal until bar 3; at bar 4 11 > 10.67 (cross up), at bar 8 12 < 13.33.
  const closes = [10, 10, 10, 10, 12, 14, 16, 14, 10, 8, 6];
  const series = seriesOf(
    closes.map((c, i) => [`2024-03-${String(i + 1).padStart(2, '0')}`, c, c, c, c]),
  );

  it('buys when the fast SMA crosses above the slow one and sells when it crosses below', () => {
    const { signals } = computeSignals(series, 'sma-cross', { fast: 2, slow: 3 });
    expect(Array.from(signals.action)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, -1, 0, 0]);
  });

  it('explains each bar with a stable key, parameters and English text', () => {
    const result = evaluateSignals(series, {
      ids: ['sma-cross'],
      params: { 'sma-cross': { fast: 2, slow: 3 } },
      index: 4,
    });
    expect(result.signals[0]).toMatchObject({
      id: 'sma-cross',
      date: '2024-03-05',
      action: 'BUY',
      reasonKey: 'sma-cross.bullish-cross',
      reasonParams: { fast: 2, slow: 3, fastValue: 11, slowValue: 10.67 },
      reason: '2-bar SMA (11) crossed above the 3-bar SMA (10.67).',
      bias: 1,
    });
    const later = evaluateSignals(series, {
      ids: ['sma-cross'],
      params: { 'sma-cross': { fast: 2, slow: 3 } },
      index: 6,
    });
    expect(later.signals[0]).toMatchObject({
      action: 'HOLD',
      reasonKey: 'sma-cross.above',
      bias: 1,
    });
    const early = evaluateSignals(series, {
      ids: ['sma-cross'],
      params: { 'sma-cross': { fast: 2, slow: 3 } },
      index: 1,
    });
    expect(early.signals[0]).toMatchObject({
      action: 'HOLD',
      reasonKey: 'sma-cross.insufficient-data',
    });
  });
});

describe('evaluateSignals and the composite', () => {
  it('gives every strategy a call with a reason at the last bar', () => {
    const result = evaluateSignals(spy);
    expect(result.date).toBe('2021-12-31');
    expect(result.signals).toHaveLength(strategyRegistry.size);
    for (const s of result.signals) {
      expect(['BUY', 'SELL', 'HOLD']).toContain(s.action);
      expect(s.reasonKey.startsWith(`${s.id}.`)).toBe(true);
      expect(s.reason.length).toBeGreaterThan(10);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    expect(result.composite.score).toBeGreaterThanOrEqual(-1);
    expect(result.composite.score).toBeLessThanOrEqual(1);
    expect(result.composite.reasonKey).toBe('composite.summary');
  });

  it('weighs fresh signals by confidence and standing states by 0.3, skipping warm-up', () => {
    const base = { name: '', date: '', reason: '', reasonParams: {}, params: {} };
    const signals: StrategySignal[] = [
      { ...base, id: 'a', action: 'BUY', confidence: 0.8, reasonKey: 'a.x', bias: 1 },
      { ...base, id: 'b', action: 'SELL', confidence: 0.4, reasonKey: 'b.x', bias: -1 },
      { ...base, id: 'c', action: 'HOLD', confidence: 0, reasonKey: 'c.above', bias: 1 },
      {
        ...base,
        id: 'd',
        action: 'HOLD',
        confidence: 0,
        reasonKey: 'd.insufficient-data',
        bias: 0,
      },
    ];
    const composite = compositeOf(signals);
    expect(composite.score).toBeCloseTo((0.8 - 0.4 + 0.3) / 3, 12);
    expect(composite.action).toBe('BUY');
    expect(composite.reasonParams).toEqual({ buy: 1, sell: 1, hold: 1, counted: 3, score: 0.23 });
    expect(compositeOf(signals.slice(1, 2)).action).toBe('SELL');
    expect(compositeOf(signals.slice(2)).action).toBe('BUY');
    expect(compositeOf(signals.slice(3))).toMatchObject({
      score: 0,
      action: 'HOLD',
      reasonKey: 'composite.insufficient-data',
    });
  });
});
