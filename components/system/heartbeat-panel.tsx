'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations, useFormatter } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ActivityIcon } from '@/components/ui/icons';
import { useErrorMessage } from '@/components/ui/use-error-message';
import type { HeartbeatRecorded } from './heartbeat-event';
import { LastHeartbeat } from './last-heartbeat';

export type HeartbeatPhase = 'idle' | 'waiting' | 'received';

type HeartbeatPanelProps = {
  scheduler: {
    ok: boolean;
    runner: 'local' | 'inngest';
    lastHeartbeatAt: Date | null;
  };
  phase: HeartbeatPhase;
  /** The latest heartbeat that arrived live on this page. */
  liveEvent: HeartbeatRecorded | null;
  /** Called on click, before the request: the event can arrive before the response does. */
  onRequest: () => void;
  onRequestFailed: () => void;
};

/** Shows the scheduler's last heartbeat and asks for one now; the answer arrives live. */
export function HeartbeatPanel({
  scheduler,
  phase,
  liveEvent,
  onRequest,
  onRequestFailed,
}: HeartbeatPanelProps) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const request = useMutation(
    trpc.system.requestHeartbeat.mutationOptions({ onError: onRequestFailed }),
  );

  return (
    <Card aria-labelledby="heartbeat-title">
      <CardHeader
        titleId="heartbeat-title"
        title={t('system.heartbeat.title')}
        description={t('system.heartbeat.description')}
        actions={
          <Badge tone={scheduler.ok ? 'success' : 'danger'} dot>
            {scheduler.ok ? t('status.health.ok') : t('status.health.problem')}
          </Badge>
        }
      />
      <CardBody className="flex flex-col gap-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted">{t('status.lastHeartbeat')}</dt>
          <dd className="font-medium">
            <LastHeartbeat at={scheduler.lastHeartbeatAt} />
            {scheduler.lastHeartbeatAt ? (
              <span className="block text-xs font-normal text-muted sm:ml-2 sm:inline">
                {format.dateTime(scheduler.lastHeartbeatAt, {
                  dateStyle: 'medium',
                  timeStyle: 'medium',
                })}
              </span>
            ) : null}
          </dd>
          <dt className="text-muted">{t('system.heartbeat.runBy')}</dt>
          <dd>{t(`status.runner.${liveEvent?.runner ?? scheduler.runner}`)}</dd>
          {liveEvent ? (
            <>
              <dt className="text-muted">{t('system.heartbeat.triggeredBy')}</dt>
              <dd data-testid="heartbeat-trigger">
                {t(`system.heartbeat.trigger.${liveEvent.trigger}`)}
              </dd>
            </>
          ) : null}
        </dl>

        <div className="flex flex-wrap items-center gap-3">
          <Button
            onClick={() => {
              onRequest();
              request.mutate();
            }}
            pending={request.isPending}
            disabled={phase === 'waiting'}
          >
            {request.isPending ? null : <ActivityIcon className="size-4" />}
            {request.isPending ? t('system.heartbeat.running') : t('system.heartbeat.run')}
          </Button>
          <p role="status" aria-live="polite" className="text-sm text-muted">
            {phase === 'waiting'
              ? t('system.heartbeat.waiting')
              : phase === 'received' && liveEvent
                ? t('system.heartbeat.received', {
                    time: format.dateTime(liveEvent.recordedAt, { timeStyle: 'medium' }),
                  })
                : null}
          </p>
        </div>
        {request.isError ? <Alert>{describeError(request.error)}</Alert> : null}
      </CardBody>
    </Card>
  );
}
