'use client';

import { useTranslations } from 'use-intl';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { RelativeTime } from './relative-time';

type ScheduledFunction = {
  id: string;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  lastOutcome: 'completed' | 'failed' | 'cancelled' | null;
};

const outcomeTones = { completed: 'success', failed: 'danger', cancelled: 'warning' } as const;

/** What the built-in runner executes in this process, with last and next runs. */
export function ScheduledJobsCard({ functions }: { functions: ScheduledFunction[] }) {
  const t = useTranslations('system.jobs');
  return (
    <Card aria-labelledby="jobs-title" className="lg:col-span-2">
      <CardHeader titleId="jobs-title" title={t('title')} description={t('description')} />
      <div className="overflow-x-auto">
        <table className="w-full min-w-[32rem] text-left text-sm">
          <thead className="text-xs text-muted">
            <tr className="border-b border-border">
              <th scope="col" className="px-5 py-2.5 font-medium">
                {t('function')}
              </th>
              <th scope="col" className="px-5 py-2.5 font-medium">
                {t('lastRun')}
              </th>
              <th scope="col" className="px-5 py-2.5 font-medium">
                {t('outcome')}
              </th>
              <th scope="col" className="px-5 py-2.5 font-medium">
                {t('nextRun')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {functions.map((fn) => (
              <tr key={fn.id}>
                <th
                  scope="row"
                  className="px-5 py-3 font-mono text-[13px] font-medium whitespace-nowrap"
                >
                  {fn.id}
                </th>
                <td className="px-5 py-3 whitespace-nowrap">
                  {fn.lastRunAt ? <RelativeTime date={fn.lastRunAt} /> : '—'}
                </td>
                <td className="px-5 py-3 whitespace-nowrap">
                  {fn.lastOutcome ? (
                    <Badge tone={outcomeTones[fn.lastOutcome]} dot>
                      {t(`outcomes.${fn.lastOutcome}`)}
                    </Badge>
                  ) : (
                    <span className="text-muted">{t('outcomes.none')}</span>
                  )}
                </td>
                <td className="px-5 py-3 whitespace-nowrap">
                  {fn.nextRunAt ? (
                    <RelativeTime date={fn.nextRunAt} future />
                  ) : (
                    <span className="text-muted">{t('notScheduled')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
