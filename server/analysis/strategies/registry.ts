import type { BarSeries } from '@/server/analysis/bars';
import { DomainError } from '@/server/errors';
import { cciReversal, mfiReversal, rsiReversal, williamsRReversal } from './oscillators';
import {
  bollingerBreakout,
  bollingerReversion,
  bollingerSqueeze,
  donchianBreakout,
  keltnerBreakout,
} from './channels';
import { tripleConfirmation } from './combined';
import { IndicatorContext } from './context';
import { macdCross, macdZeroCross, rocMomentum, rsiDivergence, stochasticCross } from './momentum';
import { emaCross, goldenCross, maBreakout, smaCross } from './moving-average';
import { resolveParams } from './params';
import { adxTrend, ichimokuCloud, psarFlip } from './trend';
import {
  actionName,
  type Action,
  type AnyStrategy,
  type StrategyCategory,
  type StrategyParams,
  type StrategySignals,
} from './types';
import { obvTrend, volumeSpike } from './volume';

const all: AnyStrategy[] = [
  smaCross,
  emaCross,
  goldenCross,
  maBreakout,
  rsiReversal,
  rsiDivergence,
  macdCross,
  macdZeroCross,
  stochasticCross,
  rocMomentum,
  bollingerBreakout,
  bollingerReversion,
  bollingerSqueeze,
  keltnerBreakout,
  donchianBreakout,
  adxTrend,
  ichimokuCloud,
  psarFlip,
  obvTrend,
  volumeSpike,
  mfiReversal,
  williamsRReversal,
  cciReversal,
  tripleConfirmation,
];

/** Every strategy by id, in display order. */
export const strategyRegistry: ReadonlyMap<string, AnyStrategy> = new Map(
  all.map((s) => [s.id, s]),
);

export interface StrategyParamInfo {
  name: string;
  type: 'int' | 'number';
  default: number;
  min: number;
  max: number;
  description: string;
}

export interface StrategyInfo {
  id: string;
  name: string;
  description: string;
  category: StrategyCategory;
  params: StrategyParamInfo[];
}

export function listStrategies(): StrategyInfo[] {
  return all.map((strategy) => ({
    id: strategy.id,
    name: strategy.name,
    description: strategy.description,
    category: strategy.category,
    params: Object.entries(strategy.params).map(([name, spec]) => ({ name, ...spec })),
  }));
}

export function getStrategy(id: string): AnyStrategy {
  const strategy = strategyRegistry.get(id);
  if (!strategy) {
    throw new DomainError(
      'INVALID',
      `Unknown strategy "${id}". Known strategies: ${[...strategyRegistry.keys()].join(', ')}`,
      { field: 'strategy' },
    );
  }
  return strategy;
}

export interface ComputedSignals {
  strategy: AnyStrategy;
  params: StrategyParams;
  signals: StrategySignals;
}

/** Empty (all HOLD) signal arrays for `length` bars. */
export function createSignals(length: number): StrategySignals {
  return { action: new Int8Array(length), confidence: new Float64Array(length) };
}

/**
 * One strategy's decisions for every bar. Pass a shared IndicatorContext to reuse indicator
 * arrays across strategies and parameter sets on the same series. `into` (arrays of the series'
 * length, e.g. from createSignals) is cleared and filled instead of allocating new arrays: callers
 * that read each strategy's signals before computing the next one reuse one pair of arrays.
 */
export function computeSignals(
  source: BarSeries | IndicatorContext,
  id: string,
  rawParams?: unknown,
  into?: StrategySignals,
): ComputedSignals {
  const strategy = getStrategy(id);
  const params = resolveParams(strategy, rawParams);
  const ctx = source instanceof IndicatorContext ? source : new IndicatorContext(source);
  const n = ctx.series.length;
  let signals: StrategySignals;
  if (into) {
    if (into.action.length !== n || into.confidence.length !== n) {
      throw new DomainError('INVALID', `signal arrays must have the series' length (${n})`, {
        field: 'into',
      });
    }
    into.action.fill(0);
    into.confidence.fill(0);
    signals = into;
  } else signals = createSignals(n);
  strategy.compute(ctx, params, signals);
  return { strategy, params, signals };
}

export interface StrategySignal {
  id: string;
  name: string;
  date: string;
  action: Action;
  confidence: number;
  reason: string;
  reasonKey: string;
  reasonParams: Record<string, number | string>;
  /** Standing state at that bar: +1 bullish, −1 bearish, 0 neutral. */
  bias: -1 | 0 | 1;
  params: StrategyParams;
}

export interface CompositeSignal {
  /** −1 (all strategies SELL with full confidence) … +1. */
  score: number;
  action: Action;
  reason: string;
  reasonKey: string;
  reasonParams: Record<string, number>;
}

/** How much a standing bullish/bearish state (HOLD) weighs against a fresh signal. */
export const HOLD_BIAS_WEIGHT = 0.3;
/** Composite BUY at score ≥ this, SELL at ≤ −this. */
export const COMPOSITE_THRESHOLD = 0.2;

/**
 * The composite: mean over the strategies that have enough data of +confidence (BUY),
 * −confidence (SELL) or HOLD_BIAS_WEIGHT × bias (HOLD).
 */
export function compositeOf(signals: readonly StrategySignal[]): CompositeSignal {
  let sum = 0;
  let counted = 0;
  let buy = 0;
  let sell = 0;
  let hold = 0;
  for (const s of signals) {
    if (s.reasonKey.endsWith('.insufficient-data')) continue;
    counted++;
    if (s.action === 'BUY') {
      buy++;
      sum += s.confidence;
    } else if (s.action === 'SELL') {
      sell++;
      sum -= s.confidence;
    } else {
      hold++;
      sum += HOLD_BIAS_WEIGHT * s.bias;
    }
  }
  const score = counted > 0 ? sum / counted : 0;
  const action: Action =
    score >= COMPOSITE_THRESHOLD ? 'BUY' : score <= -COMPOSITE_THRESHOLD ? 'SELL' : 'HOLD';
  const rounded = Math.round(score * 100) / 100;
  return {
    score,
    action,
    reasonKey: counted > 0 ? 'composite.summary' : 'composite.insufficient-data',
    reasonParams: { buy, sell, hold, counted, score: rounded },
    reason:
      counted > 0
        ? `${buy} BUY, ${sell} SELL, ${hold} HOLD across ${counted} strategies; weighted score ${rounded}.`
        : 'Not enough history for any strategy.',
  };
}

export interface EvaluateSignalsOptions {
  /** Strategy ids (default: all). */
  ids?: readonly string[];
  /** Per-strategy parameter overrides, e.g. `{ 'sma-cross': { fast: 5, slow: 30 } }`. */
  params?: Readonly<Record<string, unknown>>;
  /** Bar to evaluate (default: the last). */
  index?: number;
  context?: IndicatorContext;
}

/** Each strategy's call at one bar (the latest by default) with its reason, plus the composite. */
export function evaluateSignals(
  series: BarSeries,
  options: EvaluateSignalsOptions = {},
): { date: string | null; signals: StrategySignal[]; composite: CompositeSignal } {
  const ids = options.ids ?? [...strategyRegistry.keys()];
  for (const id of Object.keys(options.params ?? {})) getStrategy(id);
  if (series.length === 0) {
    return { date: null, signals: [], composite: compositeOf([]) };
  }
  const index = options.index ?? series.length - 1;
  if (!Number.isInteger(index) || index < 0 || index >= series.length) {
    throw new DomainError('INVALID', `index must be an integer in [0, ${series.length - 1}]`, {
      field: 'index',
    });
  }
  const ctx = options.context ?? new IndicatorContext(series);
  // Each strategy's arrays are read (at `index`) before the next one refills them.
  const buffer = createSignals(ctx.series.length);
  const signals = ids.map((id): StrategySignal => {
    const {
      strategy,
      params,
      signals: computed,
    } = computeSignals(ctx, id, options.params?.[id], buffer);
    const { key, ...explanation } = strategy.explain(ctx, params, index, computed);
    return {
      id,
      name: strategy.name,
      date: series.dates[index]!,
      action: actionName(computed.action[index]!),
      confidence: computed.confidence[index]!,
      reasonKey: `${id}.${key}`,
      ...explanation,
      params,
    };
  });
  return { date: series.dates[index]!, signals, composite: compositeOf(signals) };
}
