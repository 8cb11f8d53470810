import { cron } from 'inngest';
import type { Dataset } from '@/server/market-data/store/datasets';
import type { Market } from '@/server/market-data/types';
import { getServices } from '@/server/services';
import { inngest } from '../client';
import { callService } from '../errors';

type Schedule = {
  id: string;
  name: string;
  cron: string;
  market: Market;
  dataset: Dataset;
  /** Only run while the market's session is open (quotes), or only on its trading days (bars). */
  when: 'session-open' | 'trading-day' | 'always';
};

/**
 * Scheduled refreshes of tracked stocks, one function per (market, dataset) so each has its own
 * timezone-aware schedule: quotes every minute while the session is open, daily bars after each
 * close, weekly bars on Saturday, overviews weekly, statements monthly. Each symbol is its own
 * step: a retry resumes where it stopped, and the provider budget paces the calls.
 */
const schedules: Schedule[] = [
  {
    id: 'refresh-quotes-kr',
    name: 'Refresh KRX quotes',
    cron: 'TZ=Asia/Seoul * 9-15 * * 1-5',
    market: 'KR',
    dataset: 'quote',
    when: 'session-open',
  },
  {
    id: 'refresh-quotes-us',
    name: 'Refresh US quotes',
    cron: 'TZ=America/New_York * 9-16 * * 1-5',
    market: 'US',
    dataset: 'quote',
    when: 'session-open',
  },
  {
    id: 'collect-daily-bars-kr',
    name: 'Collect KRX daily bars after the close',
    cron: 'TZ=Asia/Seoul 10 16 * * 1-5',
    market: 'KR',
    dataset: 'daily',
    when: 'trading-day',
  },
  {
    id: 'collect-daily-bars-us',
    name: 'Collect US daily bars after the close',
    cron: 'TZ=America/New_York 30 16 * * 1-5',
    market: 'US',
    dataset: 'daily',
    when: 'trading-day',
  },
  {
    id: 'collect-weekly-bars-kr',
    name: 'Collect KRX weekly bars',
    cron: 'TZ=Asia/Seoul 0 9 * * 6',
    market: 'KR',
    dataset: 'weekly',
    when: 'always',
  },
  {
    id: 'collect-weekly-bars-us',
    name: 'Collect US weekly bars',
    cron: 'TZ=America/New_York 0 9 * * 6',
    market: 'US',
    dataset: 'weekly',
    when: 'always',
  },
  {
    id: 'collect-overviews-kr',
    name: 'Collect KRX company overviews',
    cron: 'TZ=Asia/Seoul 0 6 * * 0',
    market: 'KR',
    dataset: 'overview',
    when: 'always',
  },
  {
    id: 'collect-overviews-us',
    name: 'Collect US company overviews',
    cron: 'TZ=America/New_York 0 6 * * 0',
    market: 'US',
    dataset: 'overview',
    when: 'always',
  },
  {
    id: 'collect-statements-kr',
    name: 'Collect KRX financial statements',
    cron: 'TZ=Asia/Seoul 0 5 2 * *',
    market: 'KR',
    dataset: 'statements',
    when: 'always',
  },
  {
    id: 'collect-statements-us',
    name: 'Collect US financial statements',
    cron: 'TZ=America/New_York 0 5 2 * *',
    market: 'US',
    dataset: 'statements',
    when: 'always',
  },
];

function scheduledRefresh(schedule: Schedule) {
  return inngest.createFunction(
    {
      id: schedule.id,
      name: schedule.name,
      triggers: [cron(schedule.cron)],
      concurrency: { limit: 1 },
      retries: 2,
    },
    async ({ step }) => {
      const symbols = await step.run('list-tracked-symbols', async () => {
        const services = await getServices();
        const due = services.marketData.isDue(schedule.market, schedule.when);
        return due ? services.marketData.trackedSymbols(schedule.market) : [];
      });
      let complete = 0;
      const failed: { symbol: string; reason: string }[] = [];
      // Step results come back as JSON; the list is plain strings.
      for (const symbol of symbols as string[]) {
        const result = await step.run(`${schedule.dataset}-${symbol}`, async () => {
          const services = await getServices();
          try {
            await services.marketData.collect(symbol, schedule.dataset);
            return { ok: true as const };
          } catch (error) {
            // One symbol's failure (recorded on its dataset row) must not stop the rest.
            return {
              ok: false as const,
              reason: error instanceof Error ? error.message : String(error),
            };
          }
        });
        if (result.ok) complete += 1;
        else failed.push({ symbol, reason: result.reason ?? 'unknown error' });
      }
      return { market: schedule.market, dataset: schedule.dataset, complete, failed };
    },
  );
}

export const marketDataRefreshes = schedules.map(scheduledRefresh);

/** Ticks are kept for a while after their minute bars exist, then deleted. */
export const pruneTicks = inngest.createFunction(
  {
    id: 'prune-ticks',
    name: 'Delete ticks past the retention window',
    triggers: [cron('41 * * * *')],
    concurrency: { limit: 1 },
    retries: 3,
  },
  async ({ step }) => {
    const deleted = await step.run('delete-old-ticks', async () => {
      const services = await getServices();
      return callService(() => services.marketData.pruneTicks());
    });
    return { deleted };
  },
);
