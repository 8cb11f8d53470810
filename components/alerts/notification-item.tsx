'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { RelativeTime } from '@/components/system/relative-time';
import { cn } from '@/components/ui/cn';
import type { NotificationDto } from '@/server/alerts/schemas';
import { SeverityBadge } from './severity-badge';

/** One notification: severity, message, when, link, delivery outcomes; unread ones stand out. */
export function NotificationItem({
  notification: n,
  onOpen,
  compact = false,
}: {
  notification: NotificationDto;
  /** Called when the user follows the link (marks it read). */
  onOpen?: (id: string) => void;
  compact?: boolean;
}) {
  const t = useTranslations('alerts');
  const unread = n.readAt === null;
  const body = (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={n.severity} />
        <span className="text-xs text-muted">
          <RelativeTime date={new Date(n.createdAt)} />
        </span>
        {unread ? <span className="sr-only">{t('notifications.unread')}</span> : null}
      </div>
      <p className={cn('mt-1 text-sm', unread ? 'font-semibold' : 'text-muted')}>{n.title}</p>
      {n.text !== n.title ? <p className="mt-0.5 text-sm text-muted">{n.text}</p> : null}
    </>
  );
  return (
    <li
      data-testid="notification-item"
      data-unread={unread ? 'true' : 'false'}
      className={cn(
        'relative rounded-lg px-3 py-2.5',
        unread ? 'bg-accent-subtle/50' : 'hover:bg-surface-muted',
      )}
    >
      {unread ? (
        <span
          aria-hidden="true"
          className="absolute top-3.5 left-1 size-1.5 rounded-full bg-accent"
        />
      ) : null}
      {n.link ? (
        <Link href={n.link} onClick={() => onOpen?.(n.id)} className="block rounded-md">
          {body}
        </Link>
      ) : (
        body
      )}
      {!compact && n.deliveries.length > 0 ? (
        <ul className="mt-2 flex flex-wrap gap-2 text-xs text-muted">
          {n.deliveries.map((d) => (
            <li key={d.channelId} title={d.lastError ?? undefined}>
              {t('notifications.delivery', {
                channel: d.channelLabel,
                status: t(`deliveryStatus.${d.status as 'sent'}`),
              })}
              {d.status === 'failed' && d.lastError ? ` — ${d.lastError}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
