'use client';

import { useTranslations } from 'use-intl';
import { PageHeader } from '@/components/shell/page-header';
import { Alert } from '@/components/ui/alert';
import { DividendsCard } from './dividends-card';
import { EngineSignalsCard } from './engine-signals-card';
import { FiredAlertsCard } from './fired-alerts-card';
import { HeadlineCards } from './headline-cards';
import { MoversCard } from './movers-card';
import { ReportNav } from './report-nav';
import { StrategyAccuracyCard } from './strategy-accuracy-card';
import type { ReportAlertText, StoredDailyReport } from './types';
import { useReportFormat } from './use-report-format';

/** One daily report: headline figures, then the day's movers, alerts, signals and dividends. */
export function ReportView({
  report,
  adjacent,
  alertTexts,
}: {
  report: StoredDailyReport;
  adjacent: { previous: string | null; next: string | null };
  alertTexts: Record<string, ReportAlertText | null>;
}) {
  const t = useTranslations('reports.report');
  const fmt = useReportFormat();
  const content = report.content;
  return (
    <div className="flex flex-col gap-6" data-testid="daily-report" data-date={report.date}>
      <PageHeader
        title={t('title')}
        description={
          <>
            <time dateTime={report.date}>{fmt.date(report.date, 'full')}</time>
            <span className="text-muted">
              {' · '}
              {t('generatedAt', { time: fmt.dateTime(content.generatedAt) })}
            </span>
          </>
        }
        actions={<ReportNav previous={adjacent.previous} next={adjacent.next} />}
      />
      {content.portfolio.holdings === 0 ? <Alert tone="info">{t('noHoldings')}</Alert> : null}
      <HeadlineCards portfolio={content.portfolio} />
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <MoversCard kind="best" movers={content.best} />
        <MoversCard kind="worst" movers={content.worst} />
      </div>
      {/* The signals list is the longest section: it gets a column of its own on wide screens. */}
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-6">
          <FiredAlertsCard alerts={content.alerts} texts={alertTexts} />
          <StrategyAccuracyCard strategies={content.strategies} />
          <DividendsCard dividends={content.dividends} />
        </div>
        <EngineSignalsCard signals={content.signals} />
      </div>
    </div>
  );
}
