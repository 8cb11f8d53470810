import { cron } from 'inngest';
import { getServices } from '@/server/services';
import { inngest } from '../client';
import { callService } from '../errors';

/**
 * Hourly: today's snapshot of every account at the latest prices (set-based), then a small
 * `portfolio.updated` on each owner's channel so open dashboards refetch.
 */
export const portfolioValuationRefresh = inngest.createFunction(
  {
    id: 'portfolio-valuation-refresh',
    name: 'Refresh portfolio valuations hourly',
    triggers: [cron('5 * * * *')],
    concurrency: { limit: 1 },
    retries: 2,
  },
  async ({ step }) =>
    step.run('refresh-all', async () => {
      const services = await getServices();
      return callService(() => services.portfolios.analytics.refreshAll());
    }),
);
