'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { DailyReportContent, ReportAlertText, ReportSeverity } from './types';
import { useReportFormat } from './use-report-format';

export const severityTone = {
  info: 'info',
  warning: 'warning',
  critical: 'danger',
} as const satisfies Record<ReportSeverity, string>;

const severities: ReportSeverity[] = ['critical', 'warning', 'info'];

/**
 * Alerts of the 24 hours before the report: counts by severity and the latest ones, with texts the
 * server rendered in the reader's language (null: a message this version cannot render).
 */
export function FiredAlertsCard({
  alerts,
  texts,
}: {
  alerts: DailyReportContent['alerts'];
  texts: Record<string, ReportAlertText | null>;
}) {
  const t = useTranslations('reports.alerts');
  const tKinds = useTranslations('alertRules.kinds');
  const fmt = useReportFormat();
  // "price-above" → the rule kind's name ("Price at or above"), else the kind as it is.
  const kindName = (kind: string) => {
    const key = kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as 'priceAbove';
    return tKinds.has(key) ? tKinds(key) : kind;
  };
  return (
    <Card aria-labelledby="report-alerts-title" data-testid="report-alerts">
      <CardHeader
        titleId="report-alerts-title"
        title={t('title')}
        description={t('description')}
        actions={
          alerts.total > 0 ? <Badge>{t('total', { count: alerts.total })}</Badge> : undefined
        }
      />
      {alerts.total === 0 ? (
        <CardBody>
          <p className="text-sm text-muted">{t('empty')}</p>
        </CardBody>
      ) : (
        <>
          <CardBody className="flex flex-wrap gap-2 border-b border-border py-3">
            {severities.map((severity) => (
              <Badge key={severity} tone={severityTone[severity]} dot>
                {t(`severity.${severity}`)} {alerts.bySeverity[severity]}
              </Badge>
            ))}
            {alerts.latest.length < alerts.total ? (
              <span className="text-xs text-muted self-center">
                {t('showing', { shown: alerts.latest.length, total: alerts.total })}
              </span>
            ) : null}
          </CardBody>
          <ul className="divide-y divide-border">
            {alerts.latest.map((alert) => {
              const rendered = texts[alert.id] ?? null;
              const title = rendered?.title ?? t('fallback', { kind: kindName(alert.kind) });
              const body = (
                <>
                  <span className="flex items-center gap-2">
                    <Badge tone={severityTone[alert.severity]}>
                      {t(`severity.${alert.severity}`)}
                    </Badge>
                    <time dateTime={alert.createdAt} className="text-xs text-muted">
                      {fmt.dateTime(alert.createdAt)}
                    </time>
                  </span>
                  <span className="block text-sm font-medium">{title}</span>
                  {rendered && rendered.text !== rendered.title ? (
                    <span className="block text-sm text-muted">{rendered.text}</span>
                  ) : null}
                </>
              );
              return (
                <li key={alert.id} data-testid="report-alert">
                  {alert.link?.startsWith('/') ? (
                    <Link
                      href={alert.link}
                      className="flex flex-col gap-1 px-5 py-2.5 hover:bg-surface-muted"
                    >
                      {body}
                    </Link>
                  ) : (
                    <div className="flex flex-col gap-1 px-5 py-2.5">{body}</div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Card>
  );
}
