import { z } from 'zod';
import type { BarSeries } from '@/server/analysis/bars';
import type { StrategyParams } from '@/server/analysis/strategies/types';
import { parseOrThrow } from '@/server/analysis/strategies/validate';
import { DomainError } from '@/server/errors';
import type { BacktestMetrics } from './metrics';
import type { BarRange } from './options';
import { backtestActions } from './run';
import { BacktestScratch } from './scratch';
import {
  SignalCache,
  sweepConfigSchema,
  sweepRange,
  validatedCombinations,
  scoreOf,
  type SweepConfig,
} from './sweep';

export interface WalkForwardSplitOptions {
  folds?: number;
  /** Share of each fold's train + test span used for training (default 0.75). */
  trainRatio?: number;
  /** Explicit lengths; override trainRatio. */
  trainBars?: number;
  testBars?: number;
  /** Train from bar 0 every time (growing window) instead of a rolling window. */
  anchored?: boolean;
}

export interface WalkForwardSplit {
  train: BarRange;
  test: BarRange;
}

/**
 * Consecutive out-of-sample windows tiling the end of the series: fold k trains on the
 * `trainBars` before its test window (or on everything before it when anchored) and tests on the
 * next `testBars`. Without explicit lengths, testBars = ⌊length / (folds + r / (1 − r))⌋ and
 * trainBars = ⌊testBars × r / (1 − r)⌋ for r = trainRatio, so train + folds × test ≤ length.
 */
export function walkForwardSplits(
  length: number,
  options: WalkForwardSplitOptions = {},
): WalkForwardSplit[] {
  const folds = options.folds ?? 5;
  const ratio = options.trainRatio ?? 0.75;
  if (!Number.isInteger(folds) || folds < 1) {
    throw new DomainError('INVALID', `folds must be an integer ≥ 1 (got ${folds})`, {
      field: 'folds',
    });
  }
  if (!(ratio > 0 && ratio < 1)) {
    throw new DomainError('INVALID', `trainRatio must be between 0 and 1 (got ${ratio})`, {
      field: 'trainRatio',
    });
  }
  const testBars = options.testBars ?? Math.floor(length / (folds + ratio / (1 - ratio)));
  const trainBars = options.trainBars ?? Math.floor((testBars * ratio) / (1 - ratio));
  if (!(testBars >= 2 && trainBars >= 2) || trainBars + folds * testBars > length) {
    throw new DomainError(
      'INVALID',
      `${length} bars cannot hold ${folds} folds of ${trainBars} training + ${testBars} test bars`,
      { field: 'folds' },
    );
  }
  const offset = length - (trainBars + folds * testBars); // unused bars go to the start
  const splits: WalkForwardSplit[] = [];
  for (let k = 0; k < folds; k++) {
    const testStart = offset + trainBars + k * testBars;
    splits.push({
      train: { start: options.anchored ? 0 : testStart - trainBars, end: testStart },
      test: { start: testStart, end: testStart + testBars },
    });
  }
  return splits;
}

export const walkForwardConfigSchema = sweepConfigSchema.extend({
  folds: z.number().int().min(1).max(100).default(5),
  trainRatio: z.number().gt(0).lt(1).default(0.75),
  trainBars: z.number().int().min(2).optional(),
  testBars: z.number().int().min(2).optional(),
  anchored: z.boolean().default(false),
});
export type WalkForwardConfig = z.input<typeof walkForwardConfigSchema> &
  Pick<SweepConfig, 'context'> & {
    onProgress?: (progress: { done: number; total: number }) => void;
  };

export interface WalkForwardFold {
  index: number;
  train: BarRange & { startDate: string; endDate: string };
  test: BarRange & { startDate: string; endDate: string };
  bestParams: StrategyParams | null;
  trainScore: number | null;
  testScore: number | null;
  testMetrics: BacktestMetrics | null;
}

export interface WalkForwardResult {
  metric: SweepConfig['metric'];
  folds: WalkForwardFold[];
  /** Compounded out-of-sample return over the test windows. */
  outOfSampleReturn: number;
  meanTrainScore: number | null;
  meanTestScore: number | null;
}

function meanOf(values: (number | null)[]): number | null {
  const finite = values.filter((v): v is number => v !== null);
  return finite.length > 0 ? finite.reduce((a, b) => a + b, 0) / finite.length : null;
}

/**
 * Walk-forward optimisation: for each fold, sweep the grid on the training window, then run
 * the best parameters on the following test window (with fresh cash). Signals come from the whole
 * series (they are causal), so a test window starts with warmed-up indicators.
 */
export function runWalkForward(series: BarSeries, config: WalkForwardConfig): WalkForwardResult {
  const { onProgress, context, ...input } = config;
  const parsed = parseOrThrow(walkForwardConfigSchema, input, 'walk-forward');
  const {
    strategy,
    grid,
    baseParams,
    metric,
    folds,
    trainRatio,
    trainBars,
    testBars,
    anchored,
    ...options
  } = parsed;
  const combos = validatedCombinations(strategy, grid, baseParams);
  const splits = walkForwardSplits(series.length, {
    folds,
    trainRatio,
    trainBars,
    testBars,
    anchored,
  });
  const cache = new SignalCache(series, strategy, context);
  // Folds keep only metrics, so all their backtests share one set of curve arrays.
  const scratch = new BacktestScratch();
  const label = (range: BarRange) => ({
    ...range,
    startDate: series.dates[range.start]!,
    endDate: series.dates[range.end - 1]!,
  });
  let growth = 1;
  const results = splits.map((split, index): WalkForwardFold => {
    const sweep = sweepRange(cache, combos, options, metric, split.train, undefined, scratch);
    onProgress?.({ done: index + 1, total: splits.length });
    const best = sweep.best;
    if (!best) {
      return {
        index,
        train: label(split.train),
        test: label(split.test),
        bestParams: null,
        trainScore: null,
        testScore: null,
        testMetrics: null,
      };
    }
    const entry = cache.get(best.params);
    if (typeof entry === 'string') throw new DomainError('INVALID', entry);
    const { metrics } = backtestActions(
      series,
      entry.action,
      options,
      split.test,
      undefined,
      scratch,
    );
    growth *= 1 + metrics.totalReturn;
    return {
      index,
      train: label(split.train),
      test: label(split.test),
      bestParams: best.params,
      trainScore: best.score,
      testScore: scoreOf(metrics, metric),
      testMetrics: metrics,
    };
  });
  return {
    metric,
    folds: results,
    outOfSampleReturn: growth - 1,
    meanTrainScore: meanOf(results.map((f) => f.trainScore)),
    meanTestScore: meanOf(results.map((f) => f.testScore)),
  };
}
