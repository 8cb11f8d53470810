'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslations } from 'use-intl';
import { AddHoldingButton } from '@/components/portfolio/ledger/add-holding-button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ListIcon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import { HoldingsTable } from './holdings-table';
import type { HoldingView } from './live-holdings';
import { SectionError, SectionLoading } from './section-state';
import type { HoldingDto } from './types';

/** The holdings table with its loading, error and empty states. */
export function HoldingsCard({
  query,
  rows,
  showAccount,
}: {
  query: UseQueryResult<HoldingDto[], unknown>;
  /** The query's rows at live prices. */
  rows: readonly HoldingView[];
  showAccount: boolean;
}) {
  const t = useTranslations('portfolio.holdings');
  const id = useId();
  return (
    <Card aria-labelledby={`${id}-title`} className="min-w-0">
      <CardHeader
        titleId={`${id}-title`}
        title={t('title')}
        description={query.data && query.data.length > 0 ? t('description') : undefined}
      />
      <CardBody className="py-2">
        {query.data === undefined ? (
          query.isPending ? (
            <SectionLoading className="py-2">
              {[0, 1, 2, 3, 4].map((row) => (
                <Skeleton key={row} className="h-10 w-full" />
              ))}
            </SectionLoading>
          ) : (
            <SectionError
              className="py-2"
              error={query.error}
              onRetry={() => void query.refetch()}
            />
          )
        ) : rows.length === 0 ? (
          <div
            data-testid="holdings-empty"
            className="flex flex-col items-center gap-3 py-10 text-center"
          >
            <span className="inline-flex size-11 items-center justify-center rounded-full bg-accent-subtle text-accent">
              <ListIcon className="size-5" />
            </span>
            <h3 className="text-base font-semibold">{t('emptyTitle')}</h3>
            <p className="max-w-sm text-sm text-balance text-muted">{t('emptyBody')}</p>
            <AddHoldingButton />
          </div>
        ) : (
          <HoldingsTable rows={rows} showAccount={showAccount} caption={t('caption')} />
        )}
      </CardBody>
    </Card>
  );
}
