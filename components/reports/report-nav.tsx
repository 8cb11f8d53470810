'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { buttonClasses } from '@/components/ui/button';
import { useReportFormat } from './use-report-format';

const reportHref = (date: string) => `/reports/${date}`;

/** Previous / all / next report links; a missing neighbour shows as a disabled step. */
export function ReportNav({ previous, next }: { previous: string | null; next: string | null }) {
  const t = useTranslations('reports.report');
  const fmt = useReportFormat();
  const disabled = buttonClasses({ variant: 'secondary', size: 'sm', className: 'opacity-50' });
  const step = buttonClasses({ variant: 'secondary', size: 'sm' });
  return (
    <nav aria-label={t('navLabel')} className="flex flex-wrap items-center gap-2">
      {previous ? (
        <Link
          href={reportHref(previous)}
          className={step}
          rel="prev"
          aria-label={t('previousLabel', { date: fmt.date(previous) })}
          data-testid="report-previous"
        >
          <span aria-hidden="true">←</span> {t('previous')}
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          <span aria-hidden="true">←</span> {t('previous')}
        </span>
      )}
      <Link href="/reports" className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
        {t('allReports')}
      </Link>
      {next ? (
        <Link
          href={reportHref(next)}
          className={step}
          rel="next"
          aria-label={t('nextLabel', { date: fmt.date(next) })}
          data-testid="report-next"
        >
          {t('next')} <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          {t('next')} <span aria-hidden="true">→</span>
        </span>
      )}
    </nav>
  );
}
