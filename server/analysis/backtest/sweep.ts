import { z } from 'zod';
import type { BarSeries } from '@/server/analysis/bars';
import { IndicatorContext } from '@/server/analysis/strategies/context';
import { computeSignals, getStrategy } from '@/server/analysis/strategies/registry';
import type { StrategyParams } from '@/server/analysis/strategies/types';
import { parseOrThrow } from '@/server/analysis/strategies/validate';
import { DomainError, isDomainError } from '@/server/errors';
import type { BacktestMetrics } from './metrics';
import { backtestOptionsSchema, type BacktestOptions, type BarRange } from './options';
import { backtestActions, rangeOf } from './run';
import { BacktestScratch } from './scratch';

/** Metrics a sweep can rank by; all but maxDrawdown are better when higher. */
export const sweepMetrics = [
  'sharpe',
  'sortino',
  'calmar',
  'totalReturn',
  'cagr',
  'profitFactor',
  'sqn',
  'winRate',
  'expectancy',
  'maxDrawdown',
] as const;
export type SweepMetric = (typeof sweepMetrics)[number];

export const MAX_SWEEP_COMBINATIONS = 10_000;

export const sweepConfigSchema = backtestOptionsSchema.extend({
  strategy: z.string().min(1),
  /** Values to try per parameter; parameters not listed keep `baseParams` or their defaults. */
  grid: z.record(z.string(), z.array(z.number()).min(1)),
  baseParams: z.record(z.string(), z.number()).optional(),
  metric: z.enum(sweepMetrics).default('sharpe'),
});
export type SweepConfig = z.input<typeof sweepConfigSchema> & {
  onProgress?: (progress: { done: number; total: number }) => void;
  context?: IndicatorContext;
};

export interface SweepRow {
  params: StrategyParams;
  /** The ranking metric, oriented so that higher is better (−maxDrawdown); null if undefined. */
  score: number | null;
  metrics: BacktestMetrics;
}

export interface SweepResult {
  metric: SweepMetric;
  /** Best first; rows whose score is null last. */
  rows: SweepRow[];
  /** Combinations the strategy rejected (e.g. fast ≥ slow), with the reason. */
  skipped: { params: Record<string, number>; error: string }[];
  best: SweepRow | null;
}

export function scoreOf(metrics: BacktestMetrics, metric: SweepMetric): number | null {
  const value = metrics[metric];
  if (value === null || !Number.isFinite(value)) return null;
  return metric === 'maxDrawdown' ? -value : value;
}

/** Every combination of the grid's values, in a stable order (last parameter varies fastest). */
export function gridCombinations(
  grid: Record<string, readonly number[]>,
): Record<string, number>[] {
  let combos: Record<string, number>[] = [{}];
  for (const [name, values] of Object.entries(grid)) {
    const next: Record<string, number>[] = [];
    for (const combo of combos) for (const value of values) next.push({ ...combo, [name]: value });
    combos = next;
  }
  return combos;
}

function compareRows(a: SweepRow, b: SweepRow): number {
  if (a.score === null) return b.score === null ? 0 : 1;
  if (b.score === null) return -1;
  return b.score - a.score;
}

/**
 * Signals per parameter set, computed once over the whole series and reused: decisions at a bar
 * never depend on later bars, so the same arrays serve every window (sweeps, walk-forward folds).
 */
export class SignalCache {
  private readonly cache = new Map<
    string,
    { params: StrategyParams; action: Int8Array } | string
  >();
  readonly context: IndicatorContext;

  constructor(
    readonly series: BarSeries,
    readonly strategy: string,
    context?: IndicatorContext,
  ) {
    this.context = context ?? new IndicatorContext(series);
  }

  /** The actions for `params`, or the validation message when the strategy rejects them. */
  get(params: Record<string, number>): { params: StrategyParams; action: Int8Array } | string {
    const key = JSON.stringify(params);
    let entry = this.cache.get(key);
    if (entry === undefined) {
      try {
        const computed = computeSignals(this.context, this.strategy, params);
        entry = { params: computed.params, action: computed.signals.action };
      } catch (error) {
        if (!isDomainError(error)) throw error;
        entry = error.message;
      }
      this.cache.set(key, entry);
    }
    return entry;
  }
}

export function sweepRange(
  cache: SignalCache,
  combos: readonly Record<string, number>[],
  options: BacktestOptions,
  metric: SweepMetric,
  range: BarRange,
  onProgress?: (progress: { done: number; total: number }) => void,
  scratch?: BacktestScratch,
): SweepResult {
  const rows: SweepRow[] = [];
  const skipped: SweepResult['skipped'] = [];
  // Only the metrics are kept: every combination writes its curves into the same arrays.
  const curves = scratch ?? new BacktestScratch();
  combos.forEach((combo, k) => {
    const entry = cache.get(combo);
    if (typeof entry === 'string') skipped.push({ params: combo, error: entry });
    else {
      const { metrics } = backtestActions(
        cache.series,
        entry.action,
        options,
        range,
        undefined,
        curves,
      );
      rows.push({ params: entry.params, score: scoreOf(metrics, metric), metrics });
    }
    onProgress?.({ done: k + 1, total: combos.length });
  });
  rows.sort(compareRows);
  return { metric, rows, skipped, best: rows[0] ?? null };
}

/** Grid search: backtests every combination of the grid and ranks them by `metric`. */
export function sweepParameters(series: BarSeries, config: SweepConfig): SweepResult {
  const { onProgress, context, ...input } = config;
  const parsed = parseOrThrow(sweepConfigSchema, input, 'sweep');
  const { strategy, grid, baseParams, metric, ...options } = parsed;
  const combos = validatedCombinations(strategy, grid, baseParams);
  const range = rangeOf(series, options.from, options.to);
  return sweepRange(
    new SignalCache(series, strategy, context),
    combos,
    options,
    metric,
    range,
    onProgress,
  );
}

export function validatedCombinations(
  strategyId: string,
  grid: Record<string, number[]>,
  baseParams: Record<string, number> = {},
): Record<string, number>[] {
  const strategy = getStrategy(strategyId);
  for (const name of Object.keys(grid)) {
    if (!(name in strategy.params)) {
      throw new DomainError(
        'INVALID',
        `grid.${name}: ${strategyId} has no parameter "${name}" (it has ${Object.keys(strategy.params).join(', ')})`,
        { field: `grid.${name}` },
      );
    }
  }
  const count = Object.values(grid).reduce((product, values) => product * values.length, 1);
  if (count > MAX_SWEEP_COMBINATIONS) {
    throw new DomainError(
      'INVALID',
      `grid: ${count} combinations exceed the limit of ${MAX_SWEEP_COMBINATIONS}`,
      { field: 'grid' },
    );
  }
  return gridCombinations(grid).map((combo) => ({ ...baseParams, ...combo }));
}
