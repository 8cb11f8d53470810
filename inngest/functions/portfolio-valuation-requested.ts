import { getServices } from '@/server/services';
import { inngest } from '../client';
import { callService } from '../errors';
import { portfolioValuationRequested } from '../events';

/**
 * Prices moved or the ledger changed: recompute the account owner's valuation and today's
 * snapshots and publish `portfolio.updated`. Debounced per account, so a burst of ticks or edits
 * becomes one run with the latest state 10 s after the burst ends.
 */
export const portfolioValuationRequestedFn = inngest.createFunction(
  {
    id: 'portfolio-valuation-refresh-account',
    name: 'Refresh one account’s valuation (debounced)',
    triggers: [{ event: portfolioValuationRequested }],
    debounce: { key: 'event.data.accountId', period: '10s' },
    retries: 2,
  },
  async ({ event, step }) =>
    step.run('refresh-account', async () => {
      const services = await getServices();
      return callService(() => services.portfolios.analytics.refreshAccount(event.data.accountId));
    }),
);
