import { cron } from 'inngest';
import { getServices } from '@/server/services';
import { inngest } from '../client';
import { callService } from '../errors';

/** After each market's close (its daily closes are then known) and at midnight UTC. */
export const PORTFOLIO_CLOSE_CRONS = {
  krx: 'TZ=Asia/Seoul 40 15 * * 1-5',
  us: 'TZ=America/New_York 10 16 * * 1-5',
  midnight: '0 0 * * *',
} as const;

/**
 * Writes the day's snapshot of every account (set-based, in batches of users). At the market
 * closes that is today's (UTC) date; at midnight UTC it finalises the day that just ended, so a
 * day's last write is after both markets closed.
 */
export const portfolioSnapshotsClose = inngest.createFunction(
  {
    id: 'portfolio-snapshots-close',
    name: 'Write daily portfolio snapshots at market close',
    triggers: [
      cron(PORTFOLIO_CLOSE_CRONS.krx),
      cron(PORTFOLIO_CLOSE_CRONS.us),
      cron(PORTFOLIO_CLOSE_CRONS.midnight),
    ],
    concurrency: { limit: 1 },
    retries: 2,
  },
  async ({ event, step }) => {
    const data = (event as { data?: { cron?: string } }).data;
    const finalisePreviousDay = data?.cron === PORTFOLIO_CLOSE_CRONS.midnight;
    return step.run('snapshot-all-accounts', async () => {
      const services = await getServices();
      const analytics = services.portfolios.analytics;
      const today = analytics.today();
      const date = finalisePreviousDay
        ? new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
        : today;
      return callService(() => analytics.snapshotAll(date));
    });
  },
);
