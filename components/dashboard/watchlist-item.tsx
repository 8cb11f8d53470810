'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Button } from '@/components/ui/button';
import { CloseIcon, PencilIcon, TrashIcon } from '@/components/ui/icons';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { AddSymbolForm } from './add-symbol-form';
import { useWatchlistCache } from './use-live-watchlists';

export type WatchlistView = { id: string; name: string; symbols: string[] };

type WatchlistItemProps = {
  watchlist: WatchlistView;
  onRename: () => void;
  onDelete: () => void;
};

export function WatchlistItem({ watchlist, onRename, onDelete }: WatchlistItemProps) {
  const t = useTranslations();
  const trpc = useTRPC();
  const cache = useWatchlistCache();
  const describeError = useErrorMessage();
  const removeSymbol = useMutation(trpc.watchlists.removeSymbol.mutationOptions());
  const [removeError, setRemoveError] = useState<string | null>(null);
  const headingId = `watchlist-${watchlist.id}`;

  async function remove(symbol: string) {
    setRemoveError(null);
    try {
      cache.upsert(await removeSymbol.mutateAsync({ id: watchlist.id, symbol }));
      void cache.invalidate();
    } catch (error) {
      setRemoveError(describeError(error));
    }
  }

  return (
    <li className="py-4 first:pt-0 last:pb-0" data-testid="watchlist">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={headingId} className="truncate font-semibold">
            {watchlist.name}
          </h3>
          <p className="text-xs text-muted">
            {t('watchlists.symbolCount', { count: watchlist.symbols.length })}
          </p>
        </div>
        <div
          role="group"
          aria-label={t('watchlists.actionsFor', { name: watchlist.name })}
          className="flex gap-1"
        >
          <Button variant="ghost" size="icon" onClick={onRename} title={t('common.rename')}>
            <PencilIcon className="size-4" />
            <span className="sr-only">{t('common.rename')}</span>
          </Button>
          <Button
            variant="ghost"
            size="icon"
            onClick={onDelete}
            title={t('common.delete')}
            className="hover:text-danger"
          >
            <TrashIcon className="size-4" />
            <span className="sr-only">{t('common.delete')}</span>
          </Button>
        </div>
      </div>

      {watchlist.symbols.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-2">
          {watchlist.symbols.map((symbol) => (
            <li
              key={symbol}
              className="inline-flex items-center gap-1 rounded-full border border-border bg-surface-muted py-0.5 pr-1 pl-3 font-mono text-sm"
            >
              {symbol}
              <button
                type="button"
                onClick={() => remove(symbol)}
                disabled={removeSymbol.isPending && removeSymbol.variables?.symbol === symbol}
                aria-label={t('watchlists.removeSymbol', { symbol, name: watchlist.name })}
                className="inline-flex size-6 items-center justify-center rounded-full text-muted hover:bg-surface hover:text-danger disabled:opacity-50"
              >
                <CloseIcon className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-muted">{t('watchlists.symbolsEmpty')}</p>
      )}
      {removeError ? (
        <p role="alert" className="mt-2 text-xs font-medium text-danger">
          {removeError}
        </p>
      ) : null}

      <AddSymbolForm watchlist={watchlist} />
    </li>
  );
}
