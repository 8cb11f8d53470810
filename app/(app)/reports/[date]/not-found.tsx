import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { getTranslator } from '@/i18n/server';

/** No report for the date (not written yet, or a malformed date): point to the list. */
export default async function ReportNotFound() {
  const t = await getTranslator('reports.report');
  return (
    <div
      data-testid="report-not-found"
      className="flex flex-col items-center gap-4 py-16 text-center"
    >
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="max-w-md text-balance text-muted">{t('notFoundBody')}</p>
      <Link href="/reports" className={buttonClasses()}>
        {t('allReports')}
      </Link>
    </div>
  );
}
