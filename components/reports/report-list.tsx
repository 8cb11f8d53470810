'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'use-intl';
import { priceArrow, priceTone } from '@/components/stocks/price-colors';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { DailyReportListItem } from './types';
import { useReportFormat } from './use-report-format';

/** Past reports, newest first, each linking to its page; pages back with `?before=`. */
export function ReportList({
  reports,
  olderThan,
  paged,
  defaultTime,
}: {
  reports: DailyReportListItem[];
  /** The oldest date shown when more reports exist before it. */
  olderThan: string | null;
  /** Whether this is not the first page. */
  paged: boolean;
  defaultTime: string;
}) {
  const t = useTranslations('reports.list');
  const locale = useLocale();
  const fmt = useReportFormat();
  if (reports.length === 0 && !paged) {
    return (
      <Card
        className="flex flex-col items-center gap-2 px-5 py-12 text-center"
        data-testid="reports-empty"
      >
        <h2 className="text-base font-semibold">{t('empty')}</h2>
        <p className="max-w-md text-sm text-balance text-muted">
          {t('emptyBody', { time: defaultTime })}
        </p>
      </Card>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <ul aria-label={t('listLabel')} className="divide-y divide-border">
          {reports.map((r) => {
            const h = r.headline;
            return (
              <li key={r.date} data-testid="report-row" data-date={r.date}>
                <Link
                  href={`/reports/${r.date}`}
                  className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-5 py-3 hover:bg-surface-muted"
                >
                  <span className="min-w-0">
                    <time dateTime={r.date} className="block text-sm font-medium">
                      {fmt.date(r.date, 'full')}
                    </time>
                    <span className="block text-xs text-muted">
                      {h
                        ? `${t('holdings', { count: h.holdings })} · ${t('alerts', { count: h.alerts })}`
                        : t('unreadable')}
                    </span>
                  </span>
                  {h ? (
                    <span className="text-right">
                      <span className="block text-sm font-medium tabular-nums">
                        {fmt.money(h.totalValue)}
                      </span>
                      <span
                        className={cn(
                          'block text-xs font-medium tabular-nums',
                          priceTone(h.dayChangeRate, locale),
                        )}
                      >
                        <span aria-hidden="true" className="mr-1 text-[0.7em]">
                          {priceArrow(h.dayChangeRate)}
                        </span>
                        {h.dayChange ? `${fmt.signedMoney(h.dayChange)} ` : ''}
                        {h.dayChangeRate === null ? '' : `(${fmt.change(h.dayChangeRate)})`}
                      </span>
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </Card>
      <div className="flex flex-wrap gap-2">
        {paged ? (
          <Link href="/reports" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            {t('newest')}
          </Link>
        ) : null}
        {olderThan ? (
          <Link
            href={`/reports?before=${olderThan}`}
            className={buttonClasses({ variant: 'secondary', size: 'sm' })}
            data-testid="reports-older"
          >
            {t('older')}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
