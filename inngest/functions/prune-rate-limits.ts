import { cron } from 'inngest';
import { getServices } from '@/server/services';
import { inngest } from '../client';
import { callService } from '../errors';

/**
 * Deletes rate-limit counters whose window has ended. Every new client address or email makes a
 * row, so without this the table would only grow.
 */
export const pruneRateLimits = inngest.createFunction(
  {
    id: 'prune-rate-limits',
    name: 'Prune expired rate-limit counters',
    triggers: [cron('17 * * * *')],
    concurrency: { limit: 1 },
    retries: 3,
  },
  async ({ step }) => {
    const pruned = await step.run('prune-expired-counters', async () => {
      const services = await getServices();
      return callService(() => services.rateLimiter.pruneExpired());
    });
    return { pruned };
  },
);
