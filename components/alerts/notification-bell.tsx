'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useId } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Spinner } from '@/components/ui/spinner';
import { useDisclosure } from '@/components/ui/use-disclosure';
import { BellIcon } from '@/components/ui/icons';
import { NotificationItem } from './notification-item';
import { useLiveUnreadCount, useMarkRead } from './use-notifications';

/** The header bell: live unread count, and a panel with the latest notifications. */
export function NotificationBell({ userId }: { userId: string }) {
  const t = useTranslations('alerts');
  const trpc = useTRPC();
  const unread = useLiveUnreadCount(userId);
  const { open, setOpen, rootRef, buttonRef } = useDisclosure();
  const panelId = useId();
  const latest = useQuery({ ...trpc.alerts.list.queryOptions({ limit: 8 }), enabled: open });
  const markRead = useMutation(trpc.alerts.markRead.mutationOptions(useMarkRead()));
  const count = unread.data ?? 0;

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={count > 0 ? t('bell.labelUnread', { count }) : t('bell.label')}
        onClick={() => setOpen((value) => !value)}
        className="relative inline-flex size-10 items-center justify-center rounded-lg hover:bg-surface-muted"
      >
        <BellIcon className="size-5" />
        {count > 0 ? (
          <span
            data-testid="unread-count"
            className="absolute top-1 right-1 inline-flex min-w-4.5 items-center justify-center rounded-full bg-danger px-1 text-[11px] leading-4.5 font-semibold text-white"
          >
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </button>
      <span className="sr-only" aria-live="polite">
        {count > 0 ? t('bell.labelUnread', { count }) : ''}
      </span>
      <div
        id={panelId}
        hidden={!open}
        className="fixed inset-x-2 top-16 z-40 rounded-xl border border-border bg-surface shadow-lg sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-96"
      >
        <div className="flex items-center justify-between border-b border-border px-4 py-2.5">
          <h2 className="text-sm font-semibold">{t('notifications.title')}</h2>
          <button
            type="button"
            disabled={count === 0 || markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
            className="text-xs font-medium text-accent hover:underline disabled:cursor-not-allowed disabled:text-muted disabled:no-underline"
          >
            {t('notifications.markAllRead')}
          </button>
        </div>
        <div className="max-h-[60vh] overflow-y-auto p-1.5">
          {latest.isPending ? (
            <div role="status" className="flex justify-center py-6">
              <Spinner />
              <span className="sr-only">{t('notifications.loading')}</span>
            </div>
          ) : latest.isError ? (
            <p className="px-3 py-6 text-center text-sm text-danger">
              {t('notifications.loadFailed')}
            </p>
          ) : latest.data.items.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-muted">{t('notifications.empty')}</p>
          ) : (
            <ul className="flex flex-col gap-0.5">
              {latest.data.items.map((n) => (
                <NotificationItem
                  key={n.id}
                  notification={n}
                  compact
                  onOpen={(id) => {
                    if (n.readAt === null) markRead.mutate({ ids: [id] });
                    setOpen(false);
                  }}
                />
              ))}
            </ul>
          )}
        </div>
        <div className="flex justify-between border-t border-border px-4 py-2.5 text-sm">
          <Link
            href="/notifications"
            onClick={() => setOpen(false)}
            className="text-accent hover:underline"
          >
            {t('notifications.seeAll')}
          </Link>
          <Link
            href="/alerts"
            onClick={() => setOpen(false)}
            className="text-muted hover:underline"
          >
            {t('notifications.manageRules')}
          </Link>
        </div>
      </div>
    </div>
  );
}
