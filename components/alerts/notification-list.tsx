'use client';

import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { NotificationItem } from './notification-item';
import { useLiveUnreadCount, useMarkRead } from './use-notifications';

type Filters = {
  severity?: 'info' | 'warning' | 'critical';
  type?: 'alert' | 'report' | 'system';
  read?: 'read' | 'unread';
};

const selectClass =
  'h-9 rounded-lg border border-border bg-surface px-2.5 text-sm focus-visible:outline-2 focus-visible:outline-accent';

/** The notification centre: every notification, filtered, paged, with read state. */
export function NotificationList({ userId }: { userId: string }) {
  const t = useTranslations('alerts');
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const [filters, setFilters] = useState<Filters>({});
  const unread = useLiveUnreadCount(userId);
  const pages = useInfiniteQuery(
    trpc.alerts.list.infiniteQueryOptions(
      { ...filters, limit: 30 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const markRead = useMutation(trpc.alerts.markRead.mutationOptions(useMarkRead()));
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const set = <K extends keyof Filters>(key: K, value: string) =>
    setFilters((current) => ({ ...current, [key]: value === '' ? undefined : value }));

  return (
    <Card aria-labelledby="notifications-title">
      <CardHeader
        titleId="notifications-title"
        title={t('notifications.title')}
        description={t('notifications.unreadCount', { count: unread.data ?? 0 })}
        actions={
          <Button
            size="sm"
            variant="secondary"
            disabled={(unread.data ?? 0) === 0 || markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <CardBody>
        <div
          role="group"
          aria-label={t('notifications.filters')}
          className="mb-4 flex flex-wrap gap-2"
        >
          <label className="flex items-center gap-2 text-sm">
            <span className="text-muted">{t('notifications.filterSeverity')}</span>
            <select
              className={selectClass}
              value={filters.severity ?? ''}
              onChange={(e) => set('severity', e.target.value)}
            >
              <option value="">{t('notifications.all')}</option>
              <option value="info">{t('severity.info')}</option>
              <option value="warning">{t('severity.warning')}</option>
              <option value="critical">{t('severity.critical')}</option>
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm">
            <span className="text-muted">{t('notifications.filterType')}</span>
            <select
              className={selectClass}
              value={filters.type ?? ''}
              onChange={(e) => set('type', e.target.value)}
            >
              <option value="">{t('notifications.all')}</option>
              <option value="alert">{t('notificationType.alert')}</option>
              <option value="report">{t('notificationType.report')}</option>
              <option value="system">{t('notificationType.system')}</option>
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm">
            <span className="text-muted">{t('notifications.filterRead')}</span>
            <select
              className={selectClass}
              value={filters.read ?? ''}
              onChange={(e) => set('read', e.target.value)}
            >
              <option value="">{t('notifications.all')}</option>
              <option value="unread">{t('notifications.onlyUnread')}</option>
              <option value="read">{t('notifications.onlyRead')}</option>
            </select>
          </label>
        </div>
        {pages.isPending ? (
          <div role="status" aria-busy="true" className="flex flex-col gap-3">
            <span className="sr-only">{t('notifications.loading')}</span>
            {[0, 1, 2].map((row) => (
              <Skeleton key={row} className="h-14 w-full" />
            ))}
          </div>
        ) : pages.isError ? (
          <div className="flex flex-col items-start gap-3">
            <Alert>{describeError(pages.error)}</Alert>
            <Button size="sm" variant="secondary" onClick={() => void pages.refetch()}>
              {t('retry')}
            </Button>
          </div>
        ) : items.length === 0 ? (
          <p className="py-8 text-center text-sm text-muted">
            {Object.values(filters).some(Boolean)
              ? t('notifications.emptyFiltered')
              : t('notifications.empty')}
          </p>
        ) : (
          <>
            <ul className="flex flex-col gap-1" aria-label={t('notifications.title')}>
              {items.map((n) => (
                <NotificationItem
                  key={n.id}
                  notification={n}
                  onOpen={(id) => {
                    if (n.readAt === null) markRead.mutate({ ids: [id] });
                  }}
                />
              ))}
            </ul>
            {pages.hasNextPage ? (
              <div className="mt-4 flex justify-center">
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={pages.isFetchingNextPage}
                  onClick={() => void pages.fetchNextPage()}
                >
                  {t('notifications.more')}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </CardBody>
    </Card>
  );
}
