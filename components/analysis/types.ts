import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';

/** Answers of the indicators router as the browser receives them (types only). */
type Outputs = inferRouterOutputs<AppRouter>['indicators'];

export type StrategyInfo = Outputs['strategies'][number];
export type ChartIndicators = Outputs['compute'];
export type ChartIndicator = ChartIndicators['indicators'][number];
export type SignalsAnswer = Outputs['signals'];
export type StrategySignal = SignalsAnswer['signals'][number];
export type BacktestRunSummary = Outputs['backtestRuns'][number];
export type BacktestRunDetail = Outputs['backtestRun'];
export type BacktestResultJson = NonNullable<BacktestRunDetail['result']>;
export type BacktestMetrics = NonNullable<BacktestRunSummary['metrics']>;
export type BacktestTrade = BacktestResultJson['trades'][number];
