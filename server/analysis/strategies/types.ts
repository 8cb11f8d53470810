import type { BarSeries } from '@/server/analysis/bars';
import type { IndicatorContext } from './context';

/** Per-bar action codes in `StrategySignals.action` (an Int8Array, one entry per bar). */
export const BUY = 1;
export const SELL = -1;
export const HOLD = 0;

export type Action = 'BUY' | 'SELL' | 'HOLD';

export function actionName(code: number): Action {
  return code > 0 ? 'BUY' : code < 0 ? 'SELL' : 'HOLD';
}

/**
 * A strategy's decisions for every bar, computed in one pass: `action[i]` and `confidence[i]`
 * (0..1, 0 for HOLD) depend only on bars 0..i — the decision is taken at bar i's close.
 */
export interface StrategySignals {
  action: Int8Array;
  confidence: Float64Array;
}

/** Numeric parameter of a strategy; the zod schema is built from these (see params.ts). */
export interface ParamSpec {
  type: 'int' | 'number';
  default: number;
  min: number;
  max: number;
  description: string;
}
export type ParamSpecs = Record<string, ParamSpec>;
export type ParamsOf<S extends ParamSpecs> = { [K in keyof S]: number };
export type StrategyParams = Record<string, number>;

/**
 * Why a strategy decided what it did at one bar. `reasonKey` (e.g. `sma-cross.bullish-cross`)
 * and `reasonParams` are stable so the UI can translate; `reason` is the English text.
 * `bias` is the standing state regardless of a fresh signal (+1 bullish, −1 bearish, 0 neutral).
 */
export interface Explanation {
  reasonKey: string;
  reasonParams: Record<string, number | string>;
  reason: string;
  bias: -1 | 0 | 1;
}

export type StrategyCategory = 'trend' | 'momentum' | 'volatility' | 'volume' | 'combined';

export interface StrategyDefinition<P extends StrategyParams = StrategyParams> {
  id: string;
  name: string;
  description: string;
  category: StrategyCategory;
  params: ParamSpecs;
  /** Cross-parameter rule (e.g. fast < slow): the offending field and message, or null. */
  check?(params: P): { field: string; message: string } | null;
  /** Fills `out` (zeroed, one entry per bar) from indicator arrays in a single pass. */
  compute(ctx: IndicatorContext, params: P, out: StrategySignals): void;
  /** Reason for the decision at bar `index` (called for single bars, not in loops). */
  explain(
    ctx: IndicatorContext,
    params: P,
    index: number,
    signals: StrategySignals,
  ): Omit<Explanation, 'reasonKey'> & { key: string };
}

export type AnyStrategy = StrategyDefinition<StrategyParams>;

/** Keeps a definition's own parameter type inside it and files it under the common type. */
export function defineStrategy<P extends StrategyParams>(
  definition: StrategyDefinition<P>,
): AnyStrategy {
  return definition as unknown as AnyStrategy;
}

export type { BarSeries };
