'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ActivityIcon } from '@/components/ui/icons';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { IndexCard } from './index-card';
import { MajorStocksCard } from './major-stocks-card';
import { MarketsSkeleton } from './markets-skeleton';
import { MoversCard } from './movers-card';
import { isCollecting, nextRefreshMs } from './overview-refresh';

/** The markets page body: index cards, major stocks per market, top gainers and losers. */
export function MarketsOverview() {
  const t = useTranslations('markets');
  const tCommon = useTranslations('common');
  const describeError = useErrorMessage();
  const trpc = useTRPC();
  const overview = useQuery({
    ...trpc.stocks.marketOverview.queryOptions(),
    refetchInterval: (query) => nextRefreshMs(query.state.data),
  });

  if (overview.data === undefined) {
    if (overview.isPending) {
      return (
        <div role="status" aria-busy="true">
          <span className="sr-only">{tCommon('loading')}</span>
          <MarketsSkeleton />
        </div>
      );
    }
    return (
      <div className="flex flex-col items-start gap-3">
        <Alert>
          {t('loadFailed')} {describeError(overview.error)}
        </Alert>
        <Button variant="secondary" size="sm" onClick={() => void overview.refetch()}>
          {tCommon('retry')}
        </Button>
      </div>
    );
  }

  const data = overview.data;
  if (isCollecting(data)) {
    return (
      <div
        role="status"
        className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-border bg-surface px-6 py-12 text-center"
      >
        <span className="inline-flex size-11 items-center justify-center rounded-full bg-accent-subtle text-accent">
          <ActivityIcon className="size-5" />
        </span>
        <h2 className="text-base font-semibold">{t('collecting.title')}</h2>
        <p className="max-w-md text-sm text-balance text-muted">{t('collecting.description')}</p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {overview.isRefetchError ? (
        <div className="flex flex-wrap items-center gap-3">
          <Alert className="flex-1">{t('refreshFailed')}</Alert>
          <Button variant="secondary" size="sm" onClick={() => void overview.refetch()}>
            {tCommon('retry')}
          </Button>
        </div>
      ) : null}

      {data.indices.length > 0 ? (
        <section aria-labelledby="market-indices-title">
          <h2 id="market-indices-title" className="sr-only">
            {t('indices.title')}
          </h2>
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {data.indices.map((row) => (
              <IndexCard key={row.symbol} row={row} />
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <MajorStocksCard major={data.major} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <MoversCard kind="gainers" rows={data.gainers} />
          <MoversCard kind="losers" rows={data.losers} />
        </div>
      </div>
    </div>
  );
}
