'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { SignalPanel } from '@/components/analysis/signals/signal-panel';
import { useTRPC } from '@/components/providers/trpc-provider';
import { AddToWatchlist } from './add-to-watchlist';
import { CollectionProgressCard } from './collection-progress-card';
import { OverviewCard } from './overview-card';
import { PriceChartCard } from './price-chart-card';
import { StatementsCard } from './statements-card';
import { StockHeader, type HeaderInstrument } from './stock-header';
import type { QuoteLike } from './live-quote';

export type StockDetailView = {
  instrument: HeaderInstrument;
  quote: QuoteLike | null;
  provider: string | null;
  realUntil: string | null;
};

type Props = {
  /** stocks.get's answer, loaded by the page on the server. */
  detail: StockDetailView;
  marketOpen: boolean;
  /**
   * Slot for an "Add to portfolio" control beside "Add to watchlist". Empty until the portfolio
   * feature exists: no button that does nothing.
   */
  portfolioAction?: ReactNode;
};

/** The stock page: live header, collection progress, chart, overview and statements. */
export function StockView({ detail: initial, marketOpen, portfolioAction }: Props) {
  const t = useTranslations('stocks.page');
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const { symbol } = initial.instrument;
  // Refetched on focus and after a while, so a long-open page does not drift from the server.
  const detailQuery = useQuery(trpc.stocks.get.queryOptions({ symbol }, { staleTime: 60_000 }));
  const detail: StockDetailView = detailQuery.data ?? initial;
  const { instrument } = detail;
  const name = (locale.startsWith('ko') && instrument.nameKo) || instrument.nameEn;

  return (
    <>
      <StockHeader
        instrument={instrument}
        initialQuote={detail.quote}
        marketOpen={marketOpen}
        simulatedLive={detail.provider === 'demo'}
        actions={
          <>
            <AddToWatchlist symbol={symbol} />
            {portfolioAction}
          </>
        }
      />
      {detail.realUntil ? (
        <p
          role="note"
          data-testid="simulated-banner"
          className="mb-6 rounded-lg border border-warning/30 bg-warning-subtle px-4 py-2.5 text-sm"
        >
          {t('simulatedBanner', {
            date: format.dateTime(new Date(`${detail.realUntil}T00:00:00Z`), {
              dateStyle: 'long',
              timeZone: 'UTC',
            }),
          })}
        </p>
      ) : null}
      <CollectionProgressCard symbol={symbol} />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <PriceChartCard
            symbol={symbol}
            name={name}
            market={instrument.market}
            currency={instrument.currency}
            kind={instrument.kind}
            realUntil={detail.realUntil}
          />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <OverviewCard symbol={symbol} currency={instrument.currency} kind={instrument.kind} />
          <SignalPanel symbol={symbol} />
        </div>
        <div className="min-w-0 lg:col-span-3">
          <StatementsCard symbol={symbol} />
        </div>
      </div>
    </>
  );
}
