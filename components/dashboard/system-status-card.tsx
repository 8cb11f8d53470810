'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { LastHeartbeat } from '@/components/system/last-heartbeat';
import { RealtimeStatusBadge } from '@/components/system/realtime-status-badge';
import { overallTone } from '@/components/system/status-labels';
import { useLiveSystemStatus } from '@/components/system/use-live-system-status';

function Row({
  label,
  status,
  children,
}: {
  label: string;
  status: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-1 py-3 first:pt-0 last:pb-0">
      <dt className="text-sm font-medium">{label}</dt>
      <dd>{status}</dd>
      <dd className="col-span-2 text-xs text-muted">{children}</dd>
    </div>
  );
}

/** Database, scheduler and realtime at a glance; the last heartbeat updates live. */
export function SystemStatusCard() {
  const t = useTranslations();
  const status = useLiveSystemStatus();
  const health = (ok: boolean) => (
    <Badge tone={ok ? 'success' : 'danger'} dot>
      {ok ? t('status.health.ok') : t('status.health.problem')}
    </Badge>
  );

  return (
    <Card aria-labelledby="system-status-title">
      <CardHeader
        titleId="system-status-title"
        title={t('status.title')}
        actions={
          status.data ? (
            <Badge tone={overallTone(status.data.status)}>
              {t(`status.overall.${status.data.status}`)}
            </Badge>
          ) : null
        }
      />
      <CardBody>
        {status.data === undefined && status.isPending ? (
          <div role="status" aria-busy="true" className="flex flex-col gap-4">
            <span className="sr-only">{t('common.loading')}</span>
            {[0, 1, 2].map((row) => (
              <div key={row} className="flex flex-col gap-1.5">
                <Skeleton className="h-4 w-full" />
                <Skeleton className="h-3 w-2/3" />
              </div>
            ))}
          </div>
        ) : status.data === undefined ? (
          <div className="flex flex-col items-start gap-3">
            <Alert>{t('errors.loadFailed')}</Alert>
            <Button variant="secondary" size="sm" onClick={() => void status.refetch()}>
              {t('common.retry')}
            </Button>
          </div>
        ) : (
          <dl className="divide-y divide-border">
            <Row label={t('status.database')} status={health(status.data.database.ok)}>
              {t(`status.databaseKind.${status.data.database.kind}`)} ·{' '}
              {t('status.migrations', {
                applied: status.data.database.migrations.applied,
                pending: status.data.database.migrations.pending.length,
              })}
            </Row>
            <Row label={t('status.scheduler')} status={health(status.data.scheduler.ok)}>
              {t(`status.runner.${status.data.scheduler.runner}`)} · {t('status.lastHeartbeat')}{' '}
              <LastHeartbeat at={status.data.scheduler.lastHeartbeatAt} />
            </Row>
            <Row label={t('status.realtime')} status={<RealtimeStatusBadge />}>
              {t(`status.transport.${status.data.realtime.transport}`)}
            </Row>
          </dl>
        )}
        <Link
          href="/system"
          className="mt-4 inline-flex text-sm font-medium text-accent underline-offset-4 hover:underline"
        >
          {t('status.details')}
        </Link>
      </CardBody>
    </Card>
  );
}
