import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { ReportList } from '@/components/reports/report-list';
import { getTranslator } from '@/i18n/server';
import { DEFAULT_REPORT_TIME } from '@/server/alerts/reports/service';
import { isCalendarDate } from '@/server/portfolio/calc-dates';
import { requireUser } from '../require-user';
import { reportsService } from './reports-service';

const PAGE_SIZE = 30;

type Props = { searchParams: Promise<{ before?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('reports.list');
  return { title: t('title') };
}

export default async function ReportsPage({ searchParams }: Props) {
  const user = await requireUser();
  const [t, params, service] = await Promise.all([
    getTranslator('reports.list'),
    searchParams,
    reportsService(),
  ]);
  const before =
    typeof params.before === 'string' && isCalendarDate(params.before) ? params.before : undefined;
  // One extra row tells whether an older page exists.
  const rows = await service.list(user.id, { limit: PAGE_SIZE + 1, before });
  const reports = rows.slice(0, PAGE_SIZE);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ReportList
        reports={reports}
        olderThan={rows.length > PAGE_SIZE ? reports.at(-1)!.date : null}
        paged={before !== undefined}
        defaultTime={DEFAULT_REPORT_TIME}
      />
    </>
  );
}
