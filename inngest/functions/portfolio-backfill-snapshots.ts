import { getServices } from '@/server/services';
import { inngest } from '../client';
import { callService } from '../errors';
import { portfolioTransactionChanged } from '../events';

/**
 * A ledger change makes the account's snapshots from `fromDate` on stale: rewrite them (and the
 * user's totals) from the ledger and daily closes. One run per account at a time, so two quick
 * edits never interleave their writes; each run recomputes from the ledger as it is then.
 */
export const portfolioBackfillSnapshots = inngest.createFunction(
  {
    id: 'portfolio-backfill-snapshots',
    name: 'Backfill portfolio snapshots after a ledger change',
    triggers: [{ event: portfolioTransactionChanged }],
    concurrency: { key: 'event.data.accountId', limit: 1 },
    retries: 3,
  },
  async ({ event, step }) => {
    const { accountId, userId, fromDate } = event.data;
    return step.run('backfill', async () => {
      const services = await getServices();
      return callService(() =>
        services.portfolios.analytics.backfillSnapshots({ accountId, userId, fromDate }),
      );
    });
  },
);
