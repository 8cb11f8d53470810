'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { controlClasses } from '@/components/ui/field';
import { ListIcon, PlusIcon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import { trpcErrorCode } from '@/components/ui/trpc-error';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { ExportButtons } from './export-buttons';
import { ImportTransactionsButton } from './import-dialog';
import { TransactionDialogs, type TransactionDialogTarget } from './transaction-dialogs';
import { TransactionTable } from './transaction-table';

const PAGE_SIZE = 50;

/**
 * One account's ledger, newest first, a page at a time (cursor pagination: "Show more" appends
 * the next page), optionally for one symbol; add, edit and delete through dialogs, import and
 * export beside them.
 */
export function TransactionHistory({ accountId }: { accountId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const [symbol, setSymbol] = useState<string | null>(null);
  const [dialog, setDialog] = useState<TransactionDialogTarget | null>(null);
  const accounts = useQuery(trpc.portfolios.accounts.list.queryOptions());
  const account = accounts.data?.find((candidate) => candidate.id === accountId);
  const pages = useInfiniteQuery(
    trpc.portfolios.transactions.list.infiniteQueryOptions(
      { accountId, symbol: symbol ?? undefined, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const filterRejected =
    symbol !== null && pages.isError && trpcErrorCode(pages.error) === 'BAD_REQUEST';

  return (
    <Card aria-labelledby="transactions-title" data-testid="transaction-history">
      <CardHeader
        titleId="transactions-title"
        title={t('ledger.history.title')}
        description={t('ledger.history.description')}
        actions={
          <Button size="sm" onClick={() => setDialog({ mode: 'create' })} disabled={!account}>
            <PlusIcon className="size-4" />
            {t('ledger.history.add')}
          </Button>
        }
      />
      <CardBody className="flex flex-col gap-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <SymbolFilter
            value={symbol}
            onChange={setSymbol}
            error={filterRejected ? t('ledger.history.filterInvalid') : null}
          />
          <div className="flex flex-wrap items-start gap-2">
            <ImportTransactionsButton accountId={accountId} />
            <ExportButtons accountId={accountId} />
          </div>
        </div>

        {pages.isPending ? (
          <div role="status" aria-busy="true" className="flex flex-col gap-2">
            <span className="sr-only">{t('common.loading')}</span>
            {Array.from({ length: 6 }, (_, row) => (
              <Skeleton key={row} className="h-9 w-full" />
            ))}
          </div>
        ) : pages.isError && !filterRejected ? (
          <div className="flex flex-col items-start gap-3">
            <Alert>
              {t('errors.loadFailed')} {describeError(pages.error)}
            </Alert>
            <Button variant="secondary" size="sm" onClick={() => void pages.refetch()}>
              {t('common.retry')}
            </Button>
          </div>
        ) : items.length === 0 ? (
          <div className="flex flex-col items-center gap-3 py-8 text-center">
            <span className="inline-flex size-11 items-center justify-center rounded-full bg-accent-subtle text-accent">
              <ListIcon className="size-5" />
            </span>
            <p className="max-w-sm text-sm text-balance text-muted">
              {symbol ? t('ledger.history.emptyFiltered', { symbol }) : t('ledger.history.empty')}
            </p>
            {symbol ? (
              <Button size="sm" variant="secondary" onClick={() => setSymbol(null)}>
                {t('ledger.history.clearFilter')}
              </Button>
            ) : null}
          </div>
        ) : (
          <>
            <TransactionTable
              items={items}
              onEdit={(transaction) => setDialog({ mode: 'edit', transaction })}
              onDelete={(transaction) => setDialog({ mode: 'delete', transaction })}
            />
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
              <p aria-live="polite">{t('ledger.history.shown', { count: items.length })}</p>
              {pages.hasNextPage ? (
                <Button
                  variant="secondary"
                  size="sm"
                  pending={pages.isFetchingNextPage}
                  onClick={() => void pages.fetchNextPage()}
                >
                  {t('ledger.history.more')}
                </Button>
              ) : null}
            </div>
            {pages.isFetchNextPageError ? <Alert>{describeError(pages.error)}</Alert> : null}
          </>
        )}
      </CardBody>
      {account ? (
        <TransactionDialogs
          accountId={accountId}
          baseCurrency={account.baseCurrency}
          target={dialog}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Card>
  );
}

/** A symbol to narrow the ledger to (`005930`, `AAPL` …); applied on submit. */
function SymbolFilter({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (symbol: string | null) => void;
  error: string | null;
}) {
  const t = useTranslations('ledger.history');
  const id = useId();
  const [text, setText] = useState(value ?? '');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = text.trim().toUpperCase();
    onChange(trimmed === '' ? null : trimmed);
  }

  return (
    <form role="search" onSubmit={onSubmit} className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="sr-only">
        {t('filterLabel')}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('filterPlaceholder')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={cn(
            controlClasses,
            'h-8 w-40 font-mono uppercase placeholder:font-sans placeholder:normal-case',
          )}
        />
        <Button type="submit" size="sm" variant="secondary">
          {t('filter')}
        </Button>
        {value ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setText('');
              onChange(null);
            }}
          >
            {t('clearFilter')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
