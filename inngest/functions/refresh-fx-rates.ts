import { cron } from 'inngest';
import { getServices } from '@/server/services';
import { inngest } from '../client';
import { callService } from '../errors';

/**
 * Weekdays after the FX market's New York close: store the day's real USD/KRW close (Alpha
 * Vantage FX_DAILY, when a key is configured), so valuations and snapshots use real rates.
 */
export const refreshFxRates = inngest.createFunction(
  {
    id: 'refresh-fx-rates',
    name: 'Store daily USD/KRW rates',
    triggers: [cron('TZ=America/New_York 30 17 * * 1-5')],
    retries: 3,
  },
  async ({ step }) =>
    step.run('import', async () => {
      const services = await getServices();
      return callService(() => services.portfolios.analytics.refreshFxRates());
    }),
);
