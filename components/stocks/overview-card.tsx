'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { overviewMetricRows, type MetricRow } from './overview-metrics';
import { priceFormatOptions, type PriceKind } from './price-format';
import { StaleNotice } from './stale-notice';

/** Description, sector and key metrics from stocks.overview. */
export function OverviewCard({
  symbol,
  currency,
  kind,
}: {
  symbol: string;
  currency: string;
  kind: PriceKind;
}) {
  const t = useTranslations('stocks.overview');
  const format = useFormatter();
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const query = useQuery(trpc.stocks.overview.queryOptions({ symbol }));
  const overview = query.data?.overview;
  const money = priceFormatOptions(currency, kind);

  function formatRow(row: MetricRow): string {
    if (row.value === null) return '—';
    switch (row.kind) {
      case 'range':
        return `${format.number(row.value.low, money)} – ${format.number(row.value.high, money)}`;
      case 'money':
        return format.number(row.value, money);
      case 'compactMoney':
        return format.number(row.value, {
          style: 'currency',
          currency,
          notation: 'compact',
          maximumFractionDigits: 2,
        });
      case 'ratio':
        return format.number(row.value, { maximumFractionDigits: 2 });
      case 'percent':
        return format.number(row.value, { style: 'percent', maximumFractionDigits: 2 });
    }
  }

  return (
    <Card aria-labelledby="overview-title">
      <CardHeader
        titleId="overview-title"
        title={t('title')}
        actions={
          overview && overview.quality !== 'real' ? (
            <Badge tone="warning">{t(`quality.${overview.quality}`)}</Badge>
          ) : null
        }
      />
      <CardBody className="flex flex-col gap-4">
        <StaleNotice state={query.data} />
        {query.isPending ? (
          <div role="status" className="flex flex-col gap-2">
            <span className="sr-only">{t('loading')}</span>
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-5/6" />
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="mt-2 h-24 w-full" />
          </div>
        ) : query.isError ? (
          <div className="flex flex-col items-start gap-3">
            <Alert>
              {t('loadFailed')} {describeError(query.error)}
            </Alert>
            <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
              {t('retry')}
            </Button>
          </div>
        ) : !overview ? (
          <p className="text-sm text-muted">{t('empty')}</p>
        ) : (
          <>
            {overview.description ? (
              <p className="text-sm leading-relaxed">{overview.description}</p>
            ) : null}
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-1">
              {(
                [
                  ['sector', overview.sector],
                  ['industry', overview.industry],
                  ['country', overview.country],
                ] as const
              )
                .filter(([, value]) => value)
                .map(([key, value]) => (
                  <div key={key} className="flex justify-between gap-3 border-b border-border pb-2">
                    <dt className="text-muted">{t(key)}</dt>
                    <dd className="text-right font-medium">{value}</dd>
                  </div>
                ))}
              {overviewMetricRows(overview.metrics).map((row) => (
                <div
                  key={row.key}
                  className="flex justify-between gap-3 border-b border-border pb-2"
                >
                  <dt className="text-muted">{t(`metrics.${row.key}`)}</dt>
                  <dd className="text-right font-medium tabular-nums">{formatRow(row)}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </CardBody>
    </Card>
  );
}
