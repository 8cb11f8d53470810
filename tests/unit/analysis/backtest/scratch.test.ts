import { describe, expect, it } from 'vitest';
import {
  parseBacktestOptions,
  type BacktestOptionsInput,
} from '@/server/analysis/backtest/options';
import { backtestActions } from '@/server/analysis/backtest/run';
import { BacktestScratch } from '@/server/analysis/backtest/scratch';
import { IndicatorContext } from '@/server/analysis/strategies/context';
import { computeSignals, strategyRegistry } from '@/server/analysis/strategies/registry';
import { bitsOf } from '../bits';
import { loadSpy } from '../strategies/fixture';

const spy = loadSpy();
const optionSets: BacktestOptionsInput[] = [
  { commissionRate: 0.001 },
  { fill: 'close', slippageBps: 5, sellTaxRate: 0.0018 },
  { allowShort: true, stopLoss: 0.03, takeProfit: 0.06, commissionRate: 0.0005 },
  { sizing: { mode: 'fraction', fraction: 0.5 }, barsPerYear: 365 },
];
// Longer and shorter windows in turn: reused arrays must never leak a previous run's values.
const ranges = [
  { start: 0, end: spy.length },
  { start: 300, end: 420 },
  { start: 10, end: spy.length - 5 },
];

describe('backtests writing their curves into a reused BacktestScratch', () => {
  it('give the metrics and curves of backtests that allocate their own arrays', () => {
    const ctx = new IndicatorContext(spy);
    const scratch = new BacktestScratch();
    for (const id of strategyRegistry.keys()) {
      const { action } = computeSignals(ctx, id).signals;
      for (const input of optionSets) {
        const options = parseBacktestOptions(input);
        for (const range of ranges) {
          const fresh = backtestActions(spy, action, options, range);
          const reused = backtestActions(spy, action, options, range, undefined, scratch);
          const label = `${id} ${JSON.stringify(input)} ${range.start}-${range.end}`;
          expect(bitsOf(reused.metrics), label).toBe(bitsOf(fresh.metrics));
          expect(bitsOf(reused.simulation), label).toBe(bitsOf(fresh.simulation));
          expect(bitsOf(reused.drawdown), label).toBe(bitsOf(fresh.drawdown));
        }
      }
    }
  });

  it('hands out views of exactly the requested length', () => {
    const scratch = new BacktestScratch();
    expect(scratch.curves(100).equity).toHaveLength(100);
    const shorter = scratch.curves(40);
    expect(shorter.position).toHaveLength(40);
    expect(shorter.drawdown).toHaveLength(40);
    expect(scratch.curves(250).equity).toHaveLength(250);
  });
});
