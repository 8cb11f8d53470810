import { describe, expect, it } from 'vitest';
import { sliceBarSeries } from '@/server/analysis/bars';
import { runBacktest } from '@/server/analysis/backtest/run';
import {
  computeSignals,
  evaluateSignals,
  strategyRegistry,
} from '@/server/analysis/strategies/registry';
import { loadSpy } from './fixture';

const spy = loadSpy();
const cuts = [60, 150, 260, 400, 555, spy.length - 2];

describe('no lookahead', () => {
  it.each([...strategyRegistry.keys()])(
    '%s decides bar t identically whether or not later bars exist',
    (id) => {
      const full = computeSignals(spy, id).signals;
      for (const cut of cuts) {
        const truncated = computeSignals(sliceBarSeries(spy, 0, cut + 1), id).signals;
        expect(Array.from(truncated.action)).toEqual(Array.from(full.action.subarray(0, cut + 1)));
        expect(Array.from(truncated.confidence)).toEqual(
          Array.from(full.confidence.subarray(0, cut + 1)),
        );
      }
    },
  );

  it('explains bar t identically with or without later bars', () => {
    const cut = 400;
    const later = evaluateSignals(spy, { index: cut });
    const truncated = evaluateSignals(sliceBarSeries(spy, 0, cut + 1));
    expect(truncated).toEqual(later);
  });

  it('fills every signal of bar t at bar t+1 open (next-open) or at bar t close (close model)', () => {
    const { action } = computeSignals(spy, 'sma-cross').signals;
    const nextOpen = runBacktest(spy, { strategy: 'sma-cross', allowShort: true });
    expect(nextOpen.trades.length).toBeGreaterThan(10);
    for (const trade of nextOpen.trades) {
      expect(action[trade.entryIndex - 1]).toBe(trade.side === 'long' ? 1 : -1);
      expect(trade.entryPrice).toBe(spy.open[trade.entryIndex]);
      if (!trade.open) {
        expect(action[trade.exitIndex - 1]).toBe(trade.side === 'long' ? -1 : 1);
        expect(trade.exitPrice).toBe(spy.open[trade.exitIndex]);
      }
    }
    const atClose = runBacktest(spy, { strategy: 'sma-cross', allowShort: true, fill: 'close' });
    for (const trade of atClose.trades) {
      expect(action[trade.entryIndex]).toBe(trade.side === 'long' ? 1 : -1);
      expect(trade.entryPrice).toBe(spy.close[trade.entryIndex]);
    }
  });

  it('gives the same equity up to bar t when the bars after t change', () => {
    const cut = 500;
    const altered = sliceBarSeries(spy, 0);
    for (const key of ['open', 'high', 'low', 'close'] as const) {
      const copy = Float64Array.from(altered[key]);
      for (let i = cut + 1; i < copy.length; i++) copy[i] = copy[i]! * (i % 2 ? 1.3 : 0.7);
      altered[key] = copy;
    }
    const original = runBacktest(spy, { strategy: 'macd-cross' });
    const changed = runBacktest(altered, { strategy: 'macd-cross' });
    expect(Array.from(changed.curves.equity.subarray(0, cut + 1))).toEqual(
      Array.from(original.curves.equity.subarray(0, cut + 1)),
    );
  });
});
