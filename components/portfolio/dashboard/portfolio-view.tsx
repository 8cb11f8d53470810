'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { ButtonGroup } from '@/components/stocks/button-group';
import { cn } from '@/components/ui/cn';
import { AccountsCard } from './accounts-card';
import { AllocationCard } from './allocation-card';
import { BenchmarkCard } from './benchmark-card';
import { chartRanges, DEFAULT_CHART_RANGE, type ChartRange } from './chart-data';
import { dec } from './decimal';
import { HoldingsCard } from './holdings-card';
import { liveHoldings, liveSummary } from './live-holdings';
import { LivePriceFeeds, useLivePriceMap } from './live-price-feeds';
import { PortfolioEmpty } from './portfolio-empty';
import { ReturnsCard } from './returns-card';
import { RiskCard } from './risk-card';
import { SectionError } from './section-state';
import { SummaryCards, SummaryCardsSkeleton } from './summary-cards';
import { TopMoversCard } from './top-movers-card';
import { usePortfolioUpdates } from './use-portfolio-updates';
import { ValueChartCard } from './value-chart-card';

/**
 * A portfolio at a glance, for all accounts or one (`accountId`): summary, performance over a
 * range, holdings at live prices, allocation and today's movers. Prices tick live; everything
 * refetches when the server announces `portfolio.updated`.
 */
export function PortfolioView({
  userId,
  accountId,
  title,
  actions,
}: {
  userId: string;
  accountId?: string;
  title: string;
  actions?: ReactNode;
}) {
  const t = useTranslations('portfolio');
  const trpc = useTRPC();
  const id = useId();
  const scope = accountId ? { accountId } : {};
  const [range, setRange] = useState<ChartRange>(DEFAULT_CHART_RANGE);
  usePortfolioUpdates(userId);

  const summary = useQuery(trpc.portfolios.summary.queryOptions(scope));
  const holdings = useQuery(trpc.portfolios.holdings.queryOptions(scope));
  const history = useQuery({
    ...trpc.portfolios.history.queryOptions({ range, ...scope }),
    placeholderData: keepPreviousData,
  });
  const performance = useQuery({
    ...trpc.portfolios.performance.queryOptions({ range, ...scope }),
    placeholderData: keepPreviousData,
  });

  const { quotes, report } = useLivePriceMap();
  const rows = holdings.data
    ? liveHoldings(holdings.data, quotes, summary.data?.totalValue ?? null)
    : undefined;
  const live =
    summary.data && holdings.data && rows
      ? liveSummary(summary.data, holdings.data, rows)
      : summary.data;
  const rangeLabel = t(`rangeNames.${range}`);
  // A new user (or an empty account): one explanation instead of a page of empty cards.
  const empty =
    holdings.data?.length === 0 &&
    summary.data !== undefined &&
    dec(summary.data.totalValue).isZero();

  if (empty) {
    return (
      <section aria-labelledby={`${id}-summary`} className="flex flex-col gap-4">
        <h2 id={`${id}-summary`} className="text-lg font-semibold">
          {title}
        </h2>
        <PortfolioEmpty />
        {accountId || summary.data?.accounts === 0 ? null : <AccountsCard />}
      </section>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {holdings.data ? (
        <LivePriceFeeds symbols={holdings.data.map((row) => row.symbol)} report={report} />
      ) : null}

      <section aria-labelledby={`${id}-summary`} className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id={`${id}-summary`} className="text-lg font-semibold">
            {title}
          </h2>
          {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
        </div>
        {summary.data && live ? (
          <SummaryCards summary={summary.data} live={live} />
        ) : summary.isPending ? (
          <div role="status" aria-busy="true">
            <span className="sr-only">{t('loading')}</span>
            <SummaryCardsSkeleton />
          </div>
        ) : (
          <SectionError error={summary.error} onRetry={() => void summary.refetch()} />
        )}
      </section>

      <section aria-labelledby={`${id}-performance`} className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id={`${id}-performance`} className="text-lg font-semibold">
            {t('performanceTitle')}
          </h2>
          <ButtonGroup
            label={t('rangeLabel')}
            options={chartRanges.map((value) => ({ value, label: t(`ranges.${value}`) }))}
            value={range}
            onChange={setRange}
          />
        </div>
        <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            <ValueChartCard history={history} />
          </div>
          <ReturnsCard performance={performance} rangeLabel={rangeLabel} />
          <div className="min-w-0 lg:col-span-2">
            <BenchmarkCard performance={performance} rangeLabel={rangeLabel} />
          </div>
          <RiskCard performance={performance} rangeLabel={rangeLabel} />
        </div>
      </section>

      <HoldingsCard query={holdings} rows={rows ?? []} showAccount={!accountId} />

      <div
        className={cn(
          'grid grid-cols-1 items-start gap-6',
          accountId ? 'lg:grid-cols-2' : 'lg:grid-cols-3',
        )}
      >
        <AllocationCard accountId={accountId} holdings={holdings.data} />
        {holdings.isError && !holdings.data ? null : <TopMoversCard rows={rows} />}
        {accountId ? null : <AccountsCard />}
      </div>
    </div>
  );
}
