import { NonRetriableError } from 'inngest';
import { getServices } from '@/server/services';
import { inngest } from '../client';
import { toInngestError } from '../errors';
import { backtestRequested } from '../events';

const RETRIES = 2;

/**
 * Executes a queued backtest: loads the daily bars, runs the engine with throttled progress
 * (stored on the run and published on the owner's channel) and stores the metrics and result.
 * One step, idempotent (a completed run is skipped, anything else recomputed and overwritten),
 * so a retry is safe. A permanent error or the last attempt marks the run failed with the reason.
 */
export const runBacktestFunction = inngest.createFunction(
  {
    id: 'run-backtest',
    name: 'Run a backtest',
    triggers: [{ event: backtestRequested }],
    // CPU-bound work: a few at a time keeps the web process responsive.
    concurrency: { limit: 2 },
    retries: RETRIES,
  },
  async ({ event, step, attempt }) => {
    const { runId } = event.data;
    return step.run('execute', async () => {
      const services = await getServices();
      try {
        return await services.analysis.executeBacktest(runId);
      } catch (error) {
        const mapped = toInngestError(error);
        if (mapped instanceof NonRetriableError || attempt >= RETRIES) {
          await services.analysis.failBacktest(runId, error);
          return { status: 'failed' as const };
        }
        throw mapped;
      }
    });
  },
);
