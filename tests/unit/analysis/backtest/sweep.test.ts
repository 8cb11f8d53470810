import { describe, expect, it } from 'vitest';
import { runBacktest } from '@/server/analysis/backtest/run';
import { gridCombinations, sweepParameters } from '@/server/analysis/backtest/sweep';
import { runWalkForward, walkForwardSplits } from '@/server/analysis/backtest/walk-forward';
import { isDomainError } from '@/server/errors';
import { loadSpy } from '../strategies/fixture';

const spy = loadSpy();

describe('parameter sweep', () => {
  it('enumerates the grid with the last parameter varying fastest', () => {
    expect(gridCombinations({ fast: [5, 10], slow: [20, 30, 40] })).toEqual([
      { fast: 5, slow: 20 },
      { fast: 5, slow: 30 },
      { fast: 5, slow: 40 },
      { fast: 10, slow: 20 },
      { fast: 10, slow: 30 },
      { fast: 10, slow: 40 },
    ]);
  });

  it('backtests every valid combination, ranks by the metric and lists the rejected ones', () => {
    const progress: number[] = [];
    const result = sweepParameters(spy, {
      strategy: 'sma-cross',
      grid: { fast: [5, 10, 20], slow: [10, 20, 50] },
      metric: 'totalReturn',
      commissionRate: 0.001,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(result.rows).toHaveLength(6); // 5/10 5/20 5/50 10/20 10/50 20/50
    expect(result.skipped.map((s) => s.params)).toEqual([
      { fast: 10, slow: 10 },
      { fast: 20, slow: 10 },
      { fast: 20, slow: 20 },
    ]);
    expect(result.skipped[0]!.error).toMatch(/fast: must be less than slow/);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const scores = result.rows.map((row) => row.score!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Each row is exactly the standalone backtest of its parameters.
    const best = result.best!;
    const single = runBacktest(spy, {
      strategy: 'sma-cross',
      params: best.params,
      commissionRate: 0.001,
    });
    expect(best.metrics).toEqual(single.metrics);
    expect(best.score).toBe(single.metrics.totalReturn);
  });

  it('ranks maxDrawdown lowest-first and rejects unknown grid parameters', () => {
    const result = sweepParameters(spy, {
      strategy: 'rsi-reversal',
      grid: { period: [7, 14, 21] },
      metric: 'maxDrawdown',
    });
    const drawdowns = result.rows.map((row) => row.metrics.maxDrawdown);
    expect([...drawdowns].sort((a, b) => a - b)).toEqual(drawdowns);
    try {
      sweepParameters(spy, { strategy: 'sma-cross', grid: { speed: [1] } });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.message).toMatch(
        /^grid\.speed: sma-cross has no parameter "speed"/,
      );
    }
  });
});

describe('walk-forward', () => {
  it('tiles the end of the series with consecutive test windows', () => {
    // 1000 bars, 4 folds, 75% training: test = ⌊1000 / (4 + 3)⌋ = 142, train = 426.
    const rolling = walkForwardSplits(1000, { folds: 4, trainRatio: 0.75 });
    expect(rolling).toEqual([
      { train: { start: 6, end: 432 }, test: { start: 432, end: 574 } },
      { train: { start: 148, end: 574 }, test: { start: 574, end: 716 } },
      { train: { start: 290, end: 716 }, test: { start: 716, end: 858 } },
      { train: { start: 432, end: 858 }, test: { start: 858, end: 1000 } },
    ]);
    const anchored = walkForwardSplits(1000, { folds: 4, trainRatio: 0.75, anchored: true });
    expect(anchored.map((s) => s.train.start)).toEqual([0, 0, 0, 0]);
    expect(anchored.map((s) => s.test)).toEqual(rolling.map((s) => s.test));
    expect(walkForwardSplits(100, { folds: 2, trainBars: 50, testBars: 25 })).toEqual([
      { train: { start: 0, end: 50 }, test: { start: 50, end: 75 } },
      { train: { start: 25, end: 75 }, test: { start: 75, end: 100 } },
    ]);
    expect(() => walkForwardSplits(100, { folds: 2, trainBars: 80, testBars: 25 })).toThrow(
      /cannot hold/,
    );
  });

  it('optimises on each training window and tests the winner on the next window', () => {
    const result = runWalkForward(spy, {
      strategy: 'sma-cross',
      grid: { fast: [5, 10], slow: [20, 40] },
      folds: 3,
      metric: 'sharpe',
    });
    expect(result.folds).toHaveLength(3);
    let growth = 1;
    for (const fold of result.folds) {
      expect(fold.train.end).toBe(fold.test.start);
      expect(fold.test.startDate).toBe(spy.dates[fold.test.start]);
      expect(fold.bestParams).not.toBeNull();
      expect(fold.testMetrics!.bars).toBe(fold.test.end - fold.test.start);
      // The winner is the best of the grid on the training window alone.
      const trainOnly = sweepParameters(spy, {
        strategy: 'sma-cross',
        grid: { fast: [5, 10], slow: [20, 40] },
        from: fold.train.startDate,
        to: fold.train.endDate,
      });
      expect(fold.bestParams).toEqual(trainOnly.best!.params);
      growth *= 1 + fold.testMetrics!.totalReturn;
    }
    expect(result.outOfSampleReturn).toBeCloseTo(growth - 1, 12);
    expect(result.folds.at(-1)!.test.endDate).toBe('2021-12-31');
  });
});
