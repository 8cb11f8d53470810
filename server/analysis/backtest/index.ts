/** Public surface of the backtester (the app, the CLI and the bench import from here). */
export { simulate, type Trade, type ExitReason, type SimulationResult } from './engine';
export { computeMetrics, type BacktestMetrics } from './metrics';
export { drawdownOf, type DrawdownSummary } from './drawdown';
export {
  backtestOptionsSchema,
  parseBacktestOptions,
  sizingSchema,
  type BacktestOptions,
  type BacktestOptionsInput,
  type Sizing,
  type BarRange,
} from './options';
export {
  runBacktest,
  backtestActions,
  backtestResultToJson,
  backtestConfigSchema,
  rangeOf,
  type BacktestConfig,
  type BacktestResult,
  type BacktestCurves,
} from './run';
export { BacktestScratch } from './scratch';
export { evaluateSignalQuality, type SignalQuality } from './signal-quality';
export {
  sweepParameters,
  gridCombinations,
  sweepMetrics,
  MAX_SWEEP_COMBINATIONS,
  type SweepConfig,
  type SweepResult,
  type SweepRow,
  type SweepMetric,
} from './sweep';
export {
  runWalkForward,
  walkForwardSplits,
  type WalkForwardConfig,
  type WalkForwardResult,
  type WalkForwardFold,
  type WalkForwardSplit,
} from './walk-forward';
