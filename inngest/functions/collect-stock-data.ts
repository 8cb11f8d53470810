import { NonRetriableError } from 'inngest';
import { getServices } from '@/server/services';
import { stockChannel } from '@/server/realtime/channels';
import { inngest } from '../client';
import { toInngestError } from '../errors';
import { portfolioTransactionChanged, stockTracked } from '../events';

const RETRIES = 4;

/** Order matters: the overview and prices make the stock page useful soonest. */
const datasets = ['overview', 'daily', 'weekly', 'statements'] as const;

/**
 * Collects everything about a newly tracked stock, one durable step per dataset, so a failure in
 * one (e.g. statements a provider does not offer) neither repeats nor blocks the others. Each step
 * records its progress, which the stock page shows live.
 */
export const collectStockData = inngest.createFunction(
  {
    id: 'collect-stock-data',
    name: 'Collect data for a newly tracked stock',
    triggers: [{ event: stockTracked }],
    concurrency: { key: 'event.data.symbol', limit: 1 },
    retries: RETRIES,
  },
  async ({ event, step, attempt }) => {
    const { symbol } = event.data;
    const outcome: Record<
      string,
      { status: 'complete' | 'failed'; rows?: number; reason?: string }
    > = {};
    for (const dataset of datasets) {
      outcome[dataset] = await step.run(`collect-${dataset}`, async () => {
        const services = await getServices();
        try {
          const { rows } = await services.marketData.collect(symbol, dataset);
          return { status: 'complete' as const, rows };
        } catch (error) {
          const mapped = toInngestError(error);
          // A permanent error, or the last attempt, records the failure and moves on.
          if (mapped instanceof NonRetriableError || attempt >= RETRIES) {
            return {
              status: 'failed' as const,
              reason: error instanceof Error ? error.message : String(error),
            };
          }
          throw mapped;
        }
      });
    }
    if (outcome.daily?.status === 'complete') {
      // Snapshots written before this history existed valued the holding without its closes:
      // rewrite them for every account that trades the symbol.
      const holders = await step.run('find-holders', async () => {
        const services = await getServices();
        return services.portfolios.analytics.accountsTrading(symbol);
      });
      if (holders.length > 0) {
        await step.sendEvent(
          'revalue-holders',
          holders.map((holder) => portfolioTransactionChanged.create(holder)),
        );
      }
    }
    await step.run('announce-complete', async () => {
      const services = await getServices();
      await services.realtime.publish(stockChannel(symbol), 'collection.finished', { symbol });
    });
    return { symbol, outcome };
  },
);
