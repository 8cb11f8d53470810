import { backtestResultToJson, runBacktest, type BacktestResult } from '@/server/analysis/backtest';
import {
  evaluateSignals,
  getStrategy,
  listStrategies,
} from '@/server/analysis/strategies/registry';
import { resolveParams } from '@/server/analysis/strategies/params';
import type { PrismaClient } from '@/server/generated/prisma/client';
import type { MarketDataService } from '@/server/market-data/service';
import { userChannel } from '@/server/realtime/channels';
import type { RealtimePublisher } from '@/server/realtime/publisher';
import { createBacktestRunStore, type BacktestRunSummary } from './backtest-runs';
import { chartIndicators, type ChartIndicators } from './chart-indicators';
import { loadSeries } from './load-series';
import { createProgressReporter } from './progress';
import {
  backtestRequestInput,
  computeIndicatorsInput,
  type BacktestRequest,
  type ComputeIndicatorsInput,
} from './schemas';

export const BACKTEST_REQUESTED_EVENT = 'analysis/backtest.requested';

export type AnalysisServiceDeps = {
  db: PrismaClient;
  marketData: MarketDataService;
  realtime: RealtimePublisher;
  sendEvents: (events: { name: string; data: Record<string, unknown> }[]) => Promise<void>;
  now?: () => number;
};

/** Realtime events on the owner's private channel while a backtest runs. */
export type BacktestProgressMessage = { runId: string; progress: number };
export type BacktestFinishedMessage = {
  runId: string;
  status: 'complete' | 'failed';
  error: string | null;
};

/** The stored result: the engine's JSON plus the closes the trades are drawn on. */
export type StoredBacktestResult = ReturnType<typeof backtestResultToJson> & {
  symbol: string;
  currency: string;
  close: number[];
  simulatedFrom: string | null;
};

function storedResult(
  result: BacktestResult,
  loaded: Awaited<ReturnType<typeof loadSeries>>,
): StoredBacktestResult {
  const first = loaded.series.dates.indexOf(result.curves.dates[0]!);
  const close = Array.from(loaded.series.close.subarray(first, first + result.curves.dates.length));
  return {
    ...backtestResultToJson(result),
    symbol: loaded.symbol,
    currency: loaded.currency,
    close,
    simulatedFrom: loaded.simulatedFrom,
  };
}

/**
 * Technical analysis for the app: indicators for charts, today's signals, and saved backtests
 * (queued here, executed by the `run-backtest` Inngest function through `executeBacktest`).
 */
export function createAnalysisService(deps: AnalysisServiceDeps) {
  const now = deps.now ?? Date.now;
  const runs = createBacktestRunStore(deps.db);

  async function publish(userId: string, event: string, payload: unknown) {
    // A realtime outage must not fail the run: the page also polls the stored status.
    await deps.realtime.publish(userChannel(userId), event, payload).catch(() => undefined);
  }

  return {
    strategies: listStrategies,

    async compute(rawInput: ComputeIndicatorsInput): Promise<ChartIndicators> {
      const input = computeIndicatorsInput.parse(rawInput);
      const loaded = await loadSeries(deps.marketData, input.symbol, input.interval, input.period);
      return chartIndicators(loaded, input.indicators, input.interval, input.period);
    },

    /** Every strategy's call on the latest daily bar, with reasons, plus the composite. */
    async signals(symbol: string) {
      const loaded = await loadSeries(deps.marketData, symbol, 'daily');
      const evaluated = evaluateSignals(loaded.series);
      return {
        symbol: loaded.symbol,
        date: evaluated.date,
        signals: evaluated.signals,
        composite: evaluated.composite,
        simulated: loaded.simulatedFrom !== null && (evaluated.date ?? '') >= loaded.simulatedFrom,
      };
    },

    /** Validates the request, stores a queued run and asks the jobs to execute it. */
    async requestBacktest(userId: string, rawInput: unknown): Promise<{ runId: string }> {
      const input: BacktestRequest = backtestRequestInput.parse(rawInput);
      // Bad parameters fail now, naming the field, not later inside the job.
      const strategy = getStrategy(input.strategy);
      const params = resolveParams(strategy, input.params);
      await deps.marketData.get(input.symbol); // NOT_FOUND for an unknown symbol
      const { symbol, strategy: _strategy, params: _params, ...config } = input;
      const run = await runs.create({ userId, symbol, strategy: strategy.id, params, config });
      await deps.sendEvents([{ name: BACKTEST_REQUESTED_EVENT, data: { runId: run.id } }]);
      return { runId: run.id };
    },

    listRuns: (userId: string): Promise<BacktestRunSummary[]> => runs.list(userId),

    async getRun(userId: string, id: string) {
      const run = await runs.get(userId, id);
      return { ...run, result: run.result as StoredBacktestResult | null };
    },

    deleteRun: (userId: string, id: string) => runs.delete(userId, id),

    /**
     * Runs a stored backtest (the Inngest function's step). Idempotent: a completed run is left
     * alone, anything else is (re)computed from its stored inputs and overwritten, so a retry after
     * a crash is safe. Errors propagate; the caller decides whether to retry or `failBacktest`.
     */
    async executeBacktest(runId: string): Promise<{ status: 'complete' | 'skipped' }> {
      const run = await runs.forJob(runId);
      if (!run || run.status === 'complete') return { status: 'skipped' };
      await runs.markRunning(runId, new Date(now()));
      const report = createProgressReporter({
        now,
        write: async (progress) => {
          await runs.setProgress(runId, progress);
          await publish(run.userId, 'backtest.progress', { runId, progress });
        },
      });
      await report(0.05, { force: true });
      const loaded = await loadSeries(deps.marketData, run.symbol, 'daily');
      await report(0.3, { force: true });
      const pending: Promise<void>[] = [];
      const result = runBacktest(loaded.series, {
        ...(run.config as Record<string, unknown>),
        strategy: run.strategy,
        params: run.params as Record<string, number>,
        // The simulation is synchronous: writes are queued and awaited after it.
        onProgress: ({ done, total }) => {
          pending.push(report(0.3 + 0.6 * (total > 0 ? done / total : 1)));
        },
      });
      await Promise.all(pending);
      await report(0.95, { force: true });
      const stored = await runs.complete(runId, {
        metrics: result.metrics,
        result: storedResult(result, loaded),
        finishedAt: new Date(now()),
      });
      if (stored) {
        const message: BacktestFinishedMessage = { runId, status: 'complete', error: null };
        await publish(run.userId, 'backtest.finished', message);
      }
      return { status: 'complete' };
    },

    /** Records a run as failed with a readable reason and tells the owner's pages. */
    async failBacktest(runId: string, error: unknown): Promise<void> {
      const run = await runs.forJob(runId);
      if (!run) return;
      const reason = error instanceof Error ? error.message : String(error);
      await runs.fail(runId, reason, new Date(now()));
      const message: BacktestFinishedMessage = { runId, status: 'failed', error: reason };
      await publish(run.userId, 'backtest.finished', message);
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
