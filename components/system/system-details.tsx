'use client';

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import type { HeartbeatRecorded } from './heartbeat-event';
import { MarketDataCard } from './market-data-card';
import { HeartbeatPanel, type HeartbeatPhase } from './heartbeat-panel';
import { RealtimeStatusBadge } from './realtime-status-badge';
import { RelativeTime } from './relative-time';
import { ScheduledJobsCard } from './scheduled-jobs-card';
import { overallTone } from './status-labels';
import { useLiveSystemStatus } from './use-live-system-status';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 font-medium break-words">{children}</dd>
    </>
  );
}

/** The /system page body: overview, heartbeat (live), database and realtime details. */
export function SystemDetails() {
  const t = useTranslations();
  const describeError = useErrorMessage();
  const [phase, setPhase] = useState<HeartbeatPhase>('idle');
  const [liveEvent, setLiveEvent] = useState<HeartbeatRecorded | null>(null);
  const status = useLiveSystemStatus((event) => {
    setLiveEvent(event);
    setPhase((current) => (current === 'waiting' ? 'received' : current));
  });

  // Once loaded, a failed background refetch keeps showing the last report.
  if (status.data === undefined && status.isPending) {
    return (
      <div role="status" aria-busy="true" className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <span className="sr-only">{t('common.loading')}</span>
        {[0, 1, 2, 3].map((card) => (
          <Skeleton key={card} className="h-48" />
        ))}
      </div>
    );
  }

  if (status.data === undefined) {
    return (
      <div className="flex flex-col items-start gap-3">
        <Alert>
          {t('errors.loadFailed')} {describeError(status.error)}
        </Alert>
        <Button variant="secondary" onClick={() => void status.refetch()}>
          {t('common.retry')}
        </Button>
      </div>
    );
  }

  const report = status.data;
  const { database } = report;
  return (
    <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
      <Card aria-labelledby="overview-title">
        <CardHeader
          titleId="overview-title"
          title={t('system.overview')}
          actions={
            <Badge tone={overallTone(report.status)} dot data-testid="overall-status">
              {t(`status.overall.${report.status}`)}
            </Badge>
          }
        />
        <CardBody className="flex flex-col gap-4">
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <Detail label={t('status.database')}>
              {database.ok ? t('status.health.ok') : t('status.health.problem')}
            </Detail>
            <Detail label={t('status.scheduler')}>
              {report.scheduler.ok ? t('status.health.ok') : t('status.health.problem')}
            </Detail>
            <Detail label={t('status.realtime')}>
              {report.realtime.ok ? t('status.health.ok') : t('status.health.problem')}
            </Detail>
          </dl>
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-3 text-xs text-muted">
            <span>
              {t('status.version', { version: report.version })} ·{' '}
              {t.rich('system.checkedAt', {
                time: () => <RelativeTime date={report.checkedAt} />,
              })}
            </span>
            <Button
              variant="secondary"
              size="sm"
              pending={status.isFetching}
              onClick={() => void status.refetch()}
            >
              {t('system.refresh')}
            </Button>
          </div>
        </CardBody>
      </Card>

      <HeartbeatPanel
        scheduler={report.scheduler}
        phase={phase}
        liveEvent={liveEvent}
        onRequest={() => setPhase('waiting')}
        onRequestFailed={() => setPhase('idle')}
      />

      <Card aria-labelledby="database-title">
        <CardHeader
          titleId="database-title"
          title={t('system.database.title')}
          actions={
            <Badge tone={database.ok ? 'success' : 'danger'} dot>
              {database.ok ? t('status.health.ok') : t('status.health.problem')}
            </Badge>
          }
        />
        <CardBody className="flex flex-col gap-3">
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <Detail label={t('system.database.kind')}>
              {t(`status.databaseKind.${database.kind}`)}
            </Detail>
            <Detail label={t('system.database.migrations')}>
              {t('status.migrations', {
                applied: database.migrations.applied,
                pending: database.migrations.pending.length,
              })}
            </Detail>
          </dl>
          {database.migrations.pending.length > 0 ? (
            <Alert tone="info">
              {t('status.pendingList', { names: database.migrations.pending.join(', ') })}
            </Alert>
          ) : null}
          {database.migrations.failed.length > 0 ? (
            <Alert>
              {t('system.database.failedList', { names: database.migrations.failed.join(', ') })}
            </Alert>
          ) : null}
          {!database.reachable ? <Alert>{t('system.database.unreachable')}</Alert> : null}
        </CardBody>
      </Card>

      <Card aria-labelledby="realtime-title">
        <CardHeader titleId="realtime-title" title={t('system.realtime.title')} />
        <CardBody>
          <dl className="grid grid-cols-[auto_1fr] items-center gap-x-6 gap-y-2 text-sm">
            <Detail label={t('system.realtime.transport')}>
              {t(`status.transport.${report.realtime.transport}`)}
            </Detail>
            <Detail label={t('system.realtime.state')}>
              <RealtimeStatusBadge />
            </Detail>
            {report.realtime.connections !== undefined ? (
              <Detail label={t('system.realtime.connections')}>
                <span data-testid="realtime-connections">{report.realtime.connections}</span>
              </Detail>
            ) : null}
          </dl>
        </CardBody>
      </Card>

      {report.marketData ? <MarketDataCard marketData={report.marketData} /> : null}

      {report.scheduler.functions && report.scheduler.functions.length > 0 ? (
        <ScheduledJobsCard functions={report.scheduler.functions} />
      ) : null}
    </div>
  );
}
