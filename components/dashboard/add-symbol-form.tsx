'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { controlClasses } from '@/components/ui/field';
import { trpcErrorCode } from '@/components/ui/trpc-error';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { WATCHLIST_LIMITS } from '@/server/watchlists/schemas';
import { parseSymbol } from './symbol-input';
import { useWatchlistCache } from './use-live-watchlists';

type Watchlist = { id: string; name: string; symbols: string[] };

export function AddSymbolForm({ watchlist }: { watchlist: Watchlist }) {
  const t = useTranslations('watchlists');
  const trpc = useTRPC();
  const cache = useWatchlistCache();
  const describeError = useErrorMessage();
  const addSymbol = useMutation(trpc.watchlists.addSymbol.mutationOptions());
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const symbol = parseSymbol(value);
    if (!symbol) return setError(t('symbolInvalid'));
    if (watchlist.symbols.includes(symbol)) return setError(t('symbolDuplicate', { symbol }));
    if (watchlist.symbols.length >= WATCHLIST_LIMITS.symbolsPerList) {
      return setError(t('limitSymbols', { max: WATCHLIST_LIMITS.symbolsPerList }));
    }
    setError(null);
    try {
      cache.upsert(await addSymbol.mutateAsync({ id: watchlist.id, symbol }));
      void cache.invalidate();
      setValue('');
    } catch (cause) {
      const code = trpcErrorCode(cause);
      if (code === 'CONFLICT') setError(t('symbolDuplicate', { symbol }));
      else if (code === 'BAD_REQUEST') setError(t('symbolInvalid'));
      else setError(describeError(cause));
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="mt-3">
      <label htmlFor={id} className="sr-only">
        {t('symbolLabel', { name: watchlist.name })}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder={t('symbolPlaceholder')}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-message`}
          className={cn(
            controlClasses,
            'h-9 min-w-0 flex-1 font-mono uppercase placeholder:font-sans placeholder:normal-case',
          )}
        />
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          pending={addSymbol.isPending}
          className="h-9"
        >
          {addSymbol.isPending ? t('addingSymbol') : t('addSymbol')}
        </Button>
      </div>
      <p
        id={`${id}-message`}
        className={cn('mt-1.5 text-xs', error ? 'font-medium text-danger' : 'text-muted')}
      >
        {error ?? t('symbolHint')}
      </p>
    </form>
  );
}
