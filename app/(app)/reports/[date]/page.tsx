import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ReportView } from '@/components/reports/report-view';
import { getLocale, getTranslator } from '@/i18n/server';
import { reportAlertTexts } from '@/server/alerts/reports/alert-texts';
import { isDomainError } from '@/server/errors';
import { isCalendarDate } from '@/server/portfolio/calc-dates';
import { requireUser } from '../../require-user';
import { reportsService } from '../reports-service';

type Props = { params: Promise<{ date: string }> };

/** The signed-in user's report for a date and its neighbours; null when there is none. */
const loadReport = cache(async (date: string) => {
  const user = await requireUser();
  if (!isCalendarDate(date)) return null;
  const service = await reportsService();
  try {
    const [report, adjacent] = await Promise.all([
      service.get(user.id, date),
      service.adjacent(user.id, date),
    ]);
    return { report, adjacent };
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ date }, t] = await Promise.all([params, getTranslator('reports.report')]);
  const loaded = await loadReport(date);
  return { title: loaded ? t('metaTitle', { date }) : t('notFoundTitle') };
}

export default async function ReportPage({ params }: Props) {
  const [{ date }, locale] = await Promise.all([params, getLocale()]);
  const loaded = await loadReport(date);
  if (!loaded) notFound();
  return (
    <ReportView
      report={loaded.report}
      adjacent={loaded.adjacent}
      alertTexts={reportAlertTexts(locale, loaded.report.content.alerts.latest)}
    />
  );
}
