'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { buttonClasses, Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { controlClasses } from '@/components/ui/field';
import { PlusIcon } from '@/components/ui/icons';
import { trpcErrorCode } from '@/components/ui/trpc-error';
import { useErrorMessage } from '@/components/ui/use-error-message';

type Feedback = { tone: 'success' | 'error'; text: string } | null;

/** Pick one of the user's watchlists and add this stock to it. */
export function AddToWatchlist({ symbol }: { symbol: string }) {
  const t = useTranslations('stocks.watchlist');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const lists = useQuery(trpc.watchlists.list.queryOptions());
  const add = useMutation(trpc.watchlists.addSymbol.mutationOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const id = useId();

  if (lists.isPending) {
    return (
      <Button variant="secondary" size="sm" disabled pending>
        {t('add')}
      </Button>
    );
  }
  if (!lists.data || lists.data.length === 0) {
    return (
      <Link href="/dashboard" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
        <PlusIcon className="size-4" />
        {lists.data ? t('createFirst') : t('add')}
      </Link>
    );
  }

  const target = lists.data.find((list) => list.id === chosen) ?? lists.data[0]!;
  const already = target.symbols.includes(symbol);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFeedback(null);
    try {
      await add.mutateAsync({ id: target.id, symbol });
      setFeedback({ tone: 'success', text: t('added', { name: target.name }) });
      void queryClient.invalidateQueries(trpc.watchlists.list.queryFilter());
    } catch (cause) {
      setFeedback({
        tone: 'error',
        text:
          trpcErrorCode(cause) === 'CONFLICT'
            ? t('already', { name: target.name })
            : describeError(cause),
      });
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        {lists.data.length > 1 ? (
          <>
            <label htmlFor={id} className="sr-only">
              {t('listLabel')}
            </label>
            <select
              id={id}
              value={target.id}
              onChange={(event) => {
                setChosen(event.target.value);
                setFeedback(null);
              }}
              className={cn(controlClasses, 'h-8 w-auto max-w-40 py-0')}
            >
              {lists.data.map((list) => (
                <option key={list.id} value={list.id}>
                  {list.name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          pending={add.isPending}
          disabled={already}
          title={already ? t('already', { name: target.name }) : undefined}
        >
          <PlusIcon className="size-4" />
          {already
            ? t('inList')
            : lists.data.length > 1
              ? t('add')
              : t('addTo', { name: target.name })}
        </Button>
      </div>
      <p
        role={feedback?.tone === 'error' ? 'alert' : 'status'}
        className={cn('min-h-4 text-xs', feedback?.tone === 'error' ? 'text-danger' : 'text-gain')}
      >
        {feedback?.text ?? ''}
      </p>
    </form>
  );
}
