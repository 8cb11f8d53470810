'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ListIcon, PlusIcon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { WATCHLIST_LIMITS } from '@/server/watchlists/schemas';
import { DeleteWatchlistDialog } from './delete-watchlist-dialog';
import { useLiveWatchlists } from './use-live-watchlists';
import { WatchlistItem, type WatchlistView } from './watchlist-item';
import { WatchlistNameDialog } from './watchlist-name-dialog';

type Dialogs =
  | { kind: 'create' }
  | { kind: 'rename'; watchlist: WatchlistView }
  | { kind: 'delete'; watchlist: WatchlistView }
  | null;

export function WatchlistsCard({ userId }: { userId: string }) {
  const t = useTranslations();
  const describeError = useErrorMessage();
  const watchlists = useLiveWatchlists(userId);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const atLimit = (watchlists.data?.length ?? 0) >= WATCHLIST_LIMITS.lists;

  return (
    <Card aria-labelledby="watchlists-title">
      <CardHeader
        titleId="watchlists-title"
        title={t('watchlists.title')}
        description={t('watchlists.description')}
        actions={
          <Button
            size="sm"
            onClick={() => setDialog({ kind: 'create' })}
            disabled={!watchlists.data || atLimit}
            title={
              atLimit ? t('watchlists.limitLists', { max: WATCHLIST_LIMITS.lists }) : undefined
            }
          >
            <PlusIcon className="size-4" />
            {t('watchlists.create')}
          </Button>
        }
      />
      <CardBody>
        {watchlists.data === undefined && watchlists.isPending ? (
          <div role="status" aria-busy="true" className="flex flex-col gap-5">
            <span className="sr-only">{t('common.loading')}</span>
            {[0, 1].map((row) => (
              <div key={row} className="flex flex-col gap-2.5">
                <Skeleton className="h-5 w-40" />
                <div className="flex gap-2">
                  <Skeleton className="h-7 w-24 rounded-full" />
                  <Skeleton className="h-7 w-20 rounded-full" />
                  <Skeleton className="h-7 w-24 rounded-full" />
                </div>
                <Skeleton className="h-9 w-full" />
              </div>
            ))}
          </div>
        ) : watchlists.data === undefined ? (
          <div className="flex flex-col items-start gap-3">
            <Alert>
              {t('errors.loadFailed')} {describeError(watchlists.error)}
            </Alert>
            <Button variant="secondary" size="sm" onClick={() => void watchlists.refetch()}>
              {t('common.retry')}
            </Button>
          </div>
        ) : watchlists.data.length === 0 ? (
          <div className="flex flex-col items-center gap-3 py-8 text-center">
            <span className="inline-flex size-11 items-center justify-center rounded-full bg-accent-subtle text-accent">
              <ListIcon className="size-5" />
            </span>
            <p className="max-w-xs text-sm text-balance text-muted">{t('watchlists.empty')}</p>
            <Button size="sm" variant="secondary" onClick={() => setDialog({ kind: 'create' })}>
              <PlusIcon className="size-4" />
              {t('watchlists.create')}
            </Button>
          </div>
        ) : (
          <ul className="divide-y divide-border" aria-label={t('watchlists.title')}>
            {watchlists.data.map((watchlist) => (
              <WatchlistItem
                key={watchlist.id}
                watchlist={watchlist}
                onRename={() => setDialog({ kind: 'rename', watchlist })}
                onDelete={() => setDialog({ kind: 'delete', watchlist })}
              />
            ))}
          </ul>
        )}
      </CardBody>

      <WatchlistNameDialog
        target={
          dialog?.kind === 'create'
            ? { mode: 'create' }
            : dialog?.kind === 'rename'
              ? { mode: 'rename', id: dialog.watchlist.id, name: dialog.watchlist.name }
              : null
        }
        onClose={() => setDialog(null)}
      />
      <DeleteWatchlistDialog
        target={
          dialog?.kind === 'delete'
            ? {
                id: dialog.watchlist.id,
                name: dialog.watchlist.name,
                symbolCount: dialog.watchlist.symbols.length,
              }
            : null
        }
        onClose={() => setDialog(null)}
      />
    </Card>
  );
}
