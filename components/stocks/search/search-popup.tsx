'use client';

import { useTranslations } from 'use-intl';
import { cn } from '@/components/ui/cn';
import { Spinner } from '@/components/ui/spinner';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { SearchOption } from './search-option';
import type { useStockSearch } from './use-stock-search';

/**
 * The combobox's popup: the listbox of results, or why there are none (no matches, still
 * searching, an error with a retry). A dropdown under the header input, or inline in the overlay.
 */
export function SearchPopup({
  open,
  listId,
  optionId,
  variant,
  search,
  active,
  onChoose,
  onHover,
}: {
  open: boolean;
  listId: string;
  optionId: (index: number) => string;
  variant: 'dropdown' | 'panel';
  search: ReturnType<typeof useStockSearch>;
  active: number;
  onChoose: (symbol: string) => void;
  onHover: (index: number) => void;
}) {
  const t = useTranslations('markets.search');
  const describeError = useErrorMessage();
  const { matches, query } = search;
  return (
    <div
      hidden={!open}
      className={cn(
        variant === 'dropdown'
          ? 'absolute right-0 z-40 mt-2 w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-border bg-surface p-1.5 shadow-lg'
          : 'mt-3',
      )}
    >
      <ul
        id={listId}
        role="listbox"
        aria-label={t('results')}
        className={cn(
          'flex flex-col gap-0.5 overflow-y-auto',
          variant === 'dropdown' && 'max-h-[min(26rem,70vh)]',
        )}
      >
        {matches.map((match, index) => (
          <SearchOption
            key={match.symbol}
            id={optionId(index)}
            match={match}
            query={query}
            active={index === active}
            onChoose={() => onChoose(match.symbol)}
            onHover={() => onHover(index)}
          />
        ))}
      </ul>
      {search.error ? (
        <div className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
          <p role="alert" className="text-danger">
            {describeError(search.error)}
          </p>
          <button
            type="button"
            onClick={search.retry}
            className="shrink-0 rounded-md px-2 py-1 font-medium text-accent hover:bg-surface-muted"
          >
            {t('retry')}
          </button>
        </div>
      ) : search.settled && matches.length === 0 ? (
        <p className="px-3 py-3 text-sm text-muted">{t('noMatches', { query })}</p>
      ) : search.loading && matches.length === 0 ? (
        <p className="flex items-center gap-2 px-3 py-3 text-sm text-muted">
          <Spinner className="size-3.5" />
          {t('searching')}
        </p>
      ) : null}
    </div>
  );
}
