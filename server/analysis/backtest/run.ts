import { z } from 'zod';
import type { BarSeries } from '@/server/analysis/bars';
import type { IndicatorContext } from '@/server/analysis/strategies/context';
import { computeSignals } from '@/server/analysis/strategies/registry';
import type { StrategyParams } from '@/server/analysis/strategies/types';
import { parseOrThrow } from '@/server/analysis/strategies/validate';
import { DomainError } from '@/server/errors';
import { simulate, type SimulationProgress, type SimulationResult, type Trade } from './engine';
import { computeMetrics, type BacktestMetrics } from './metrics';
import { backtestOptionsSchema, type BacktestOptions, type BarRange } from './options';
import type { BacktestScratch } from './scratch';
import { evaluateSignalQuality, type SignalQuality } from './signal-quality';

export const backtestConfigSchema = backtestOptionsSchema.extend({
  strategy: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
  /** Bars ahead at which each signal's forward return is graded (signal evaluation). */
  horizon: z.number().int().min(1).max(1000).default(5),
});

export type BacktestConfig = z.input<typeof backtestConfigSchema> & {
  /** Called as the simulation advances (every 16,384 bars and at the end). */
  onProgress?: (progress: SimulationProgress) => void;
  /** Shared indicator cache for repeated runs on the same series. */
  context?: IndicatorContext;
};

export interface BacktestCurves {
  dates: string[];
  /** Strategy equity marked at each close. */
  equity: Float64Array;
  /** 1 − equity / running peak (fraction ≥ 0). */
  drawdown: Float64Array;
  /** Initial cash invested at the first close and held (no costs), for comparison. */
  buyAndHold: Float64Array;
  /** Signed shares held at each close. */
  position: Float64Array;
}

export interface BacktestResult {
  strategy: { id: string; name: string; params: StrategyParams };
  options: BacktestOptions;
  metrics: BacktestMetrics;
  signalQuality: SignalQuality;
  trades: Trade[];
  curves: BacktestCurves;
}

/** The bars whose dates fall in [from, to] (inclusive), as a half-open index range. */
export function rangeOf(series: BarSeries, from?: string, to?: string): BarRange {
  const { dates } = series;
  let start = 0;
  let end = series.length;
  if (from !== undefined) while (start < end && dates[start]!.slice(0, from.length) < from) start++;
  if (to !== undefined) while (end > start && dates[end - 1]!.slice(0, to.length) > to) end--;
  if (end - start < 2) {
    throw new DomainError(
      'INVALID',
      `A backtest needs at least 2 bars; ${end - start} fall in the chosen period` +
        (from || to ? ` (from ${from ?? 'start'} to ${to ?? 'end'})` : ''),
      { field: from || to ? 'from' : 'data' },
    );
  }
  return { start, end };
}

/**
 * Simulation plus metrics for precomputed actions: the shared core of runs, sweeps and folds.
 * With a `scratch` the curves (simulation.equity/position, drawdown) are written into its arrays
 * (valid until its next use) instead of new ones: for callers that keep only the metrics.
 */
export function backtestActions(
  series: BarSeries,
  action: Int8Array,
  options: BacktestOptions,
  range: BarRange,
  onProgress?: (progress: SimulationProgress) => void,
  scratch?: BacktestScratch,
): { simulation: SimulationResult; metrics: BacktestMetrics; drawdown: Float64Array } {
  const curves = scratch?.curves(range.end - range.start);
  const simulation = simulate(series, action, options, range, onProgress, curves);
  const { drawdownCurve, ...metrics } = computeMetrics(
    series,
    simulation,
    options,
    curves?.drawdown,
  );
  return { simulation, metrics, drawdown: drawdownCurve };
}

/**
 * Backtests one strategy on a series: validates the configuration (DomainError('INVALID')
 * naming the field), computes the strategy's decisions for every bar in one pass, simulates
 * them with the configured fill model, costs and sizing, and measures the result.
 * Pure: same input, same output.
 */
export function runBacktest(series: BarSeries, config: BacktestConfig): BacktestResult {
  const { onProgress, context, ...input } = config;
  const parsed = parseOrThrow(backtestConfigSchema, input, 'backtest');
  const { strategy: id, params: rawParams, horizon, ...options } = parsed;
  if (context && context.series !== series) {
    throw new DomainError('INVALID', 'context belongs to a different series', { field: 'context' });
  }
  const range = rangeOf(series, options.from, options.to);
  const { strategy, params, signals } = computeSignals(context ?? series, id, rawParams);
  const { simulation, metrics, drawdown } = backtestActions(
    series,
    signals.action,
    options,
    range,
    onProgress,
  );

  const buyAndHold = new Float64Array(range.end - range.start);
  const base = series.close[range.start]!;
  for (let i = range.start; i < range.end; i++) {
    buyAndHold[i - range.start] = (options.initialCash * series.close[i]!) / base;
  }

  return {
    strategy: { id: strategy.id, name: strategy.name, params },
    options,
    metrics,
    signalQuality: evaluateSignalQuality(series, signals.action, {
      horizon,
      barsPerYear: options.barsPerYear,
      range,
    }),
    trades: simulation.trades,
    curves: {
      dates: series.dates.slice(range.start, range.end),
      equity: simulation.equity,
      drawdown,
      buyAndHold,
      position: simulation.position,
    },
  };
}

/** The result with typed arrays as plain number arrays (JSON, tRPC, storage). */
export function backtestResultToJson(result: BacktestResult) {
  const { curves } = result;
  return {
    ...result,
    curves: {
      dates: curves.dates,
      equity: Array.from(curves.equity),
      drawdown: Array.from(curves.drawdown),
      buyAndHold: Array.from(curves.buyAndHold),
      position: Array.from(curves.position),
    },
  };
}
