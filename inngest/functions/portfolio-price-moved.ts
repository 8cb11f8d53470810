import { getServices } from '@/server/services';
import { inngest } from '../client';
import { callService } from '../errors';
import { portfolioValuationRequested, priceMoved } from '../events';

/**
 * A held symbol's price moved: ask for the valuation of every account holding it. Debounced per
 * symbol here and per account downstream, so a stream of quotes refreshes each account at most
 * every few seconds, however many of its symbols move.
 */
export const portfolioPriceMoved = inngest.createFunction(
  {
    id: 'portfolio-price-moved',
    name: 'Refresh valuations of accounts holding a moved symbol',
    triggers: [{ event: priceMoved }],
    debounce: { key: 'event.data.symbol', period: '10s', timeout: '60s' },
    retries: 2,
  },
  async ({ event, step }) => {
    const accountIds = await step.run('accounts', async () => {
      const services = await getServices();
      return callService(() => services.portfolios.analytics.accountsHolding(event.data.symbol));
    });
    if (accountIds.length > 0) {
      await step.sendEvent(
        'request-valuations',
        accountIds.map((accountId) => portfolioValuationRequested.create({ accountId })),
      );
    }
    return { accounts: accountIds.length };
  },
);
