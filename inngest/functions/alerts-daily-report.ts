import { cron } from 'inngest';
import { getServices } from '@/server/services';
import { inngest } from '../client';
import { callService } from '../errors';

/**
 * Every 15 minutes: generate the daily report of each user whose local report time (08:00 in
 * their timezone by default) has come today, put it in their notification centre and send it to
 * their channels. Reports and their notifications are unique per user and date, so a retried or
 * overlapping run creates each once.
 */
export const dailyReports = inngest.createFunction(
  {
    id: 'alerts-daily-reports',
    name: 'Generate due daily reports',
    triggers: [cron('*/15 * * * *')],
    concurrency: { limit: 1 },
    retries: 2,
  },
  async ({ step }) => {
    const due = await step.run('due', async () => {
      const services = await getServices();
      return services.alerts.reports.dueReports(new Date());
    });
    for (const { userId, date } of due) {
      await step.run(`report-${userId}-${date}`, async () => {
        const services = await getServices();
        return callService(() => services.alerts.publishReport(userId, date));
      });
    }
    return { reports: due.length };
  },
);
