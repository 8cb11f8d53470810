'use client';

import { useTranslations } from 'use-intl';
import { RelativeTime } from '@/components/system/relative-time';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { PencilIcon, TrashIcon } from '@/components/ui/icons';
import { SendTestButton } from './send-test-button';
import { ToggleSwitch } from './toggle-switch';
import type { AlertChannel } from './types';

const statusTones = {
  sent: 'success',
  failed: 'danger',
  deferred: 'warning',
  pending: 'neutral',
} as const;

type DeliveryStatus = keyof typeof statusTones;

function isStatus(value: string): value is DeliveryStatus {
  return value in statusTones;
}

/** One channel: kind, name, masked target, what it receives, its last deliveries; actions. */
export function ChannelRow({
  channel,
  toggling,
  onToggle,
  onEdit,
  onDelete,
}: {
  channel: AlertChannel;
  toggling: boolean;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations('alertsPage');
  const tc = useTranslations('channels');
  const tStatus = useTranslations('alerts.deliveryStatus');
  const name = channel.label;

  return (
    <li
      data-testid="channel-row"
      data-channel-id={channel.id}
      className="flex flex-col gap-3 py-4 first:pt-1"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className={cn('min-w-0 flex-1', !channel.enabled && 'opacity-70')}>
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-sm font-medium break-all">{name}</h3>
            <Badge tone="info">{tc(`kinds.${channel.kind}`)}</Badge>
          </div>
          <p className="mt-1 font-mono text-xs break-all text-muted">{channel.masked}</p>
          <p className="mt-1 text-xs text-muted">
            {t('channels.minSeverity', { severity: channel.minSeverity })}
          </p>
          {channel.readable ? null : (
            <p className="mt-2 flex flex-col gap-0.5 text-sm">
              <Badge tone="warning" className="self-start">
                {t('channels.unreadable')}
              </Badge>
              <span className="text-xs text-muted">{t('channels.unreadableHelp')}</span>
            </p>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-1 self-end sm:self-start">
          <ToggleSwitch
            checked={channel.enabled}
            onChange={onToggle}
            disabled={toggling}
            label={t('channels.enabled', { name })}
            labelHidden
            className="mr-2"
          />
          <Button
            variant="ghost"
            size="icon"
            aria-label={t('channels.editChannel', { name })}
            title={t('edit')}
            onClick={onEdit}
          >
            <PencilIcon className="size-4" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            aria-label={t('channels.deleteChannel', { name })}
            title={t('delete')}
            onClick={onDelete}
          >
            <TrashIcon className="size-4" />
          </Button>
        </div>
      </div>
      <SendTestButton channelId={channel.id} name={name} disabled={!channel.readable} />
      <div>
        <h4 className="text-xs font-medium text-muted">{t('channels.recent')}</h4>
        {channel.recentDeliveries.length === 0 ? (
          <p className="mt-1 text-xs text-muted">{t('channels.noDeliveries')}</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-1">
            {channel.recentDeliveries.map((delivery, index) => (
              <li
                key={`${new Date(delivery.at).getTime()}-${index}`}
                className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs"
              >
                <Badge tone={isStatus(delivery.status) ? statusTones[delivery.status] : 'neutral'}>
                  {isStatus(delivery.status) ? tStatus(delivery.status) : delivery.status}
                </Badge>
                <span className="text-muted">
                  <RelativeTime date={new Date(delivery.at)} />
                </span>
                {delivery.status === 'failed' && delivery.lastError ? (
                  <span className="min-w-0 break-words text-danger">{delivery.lastError}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
