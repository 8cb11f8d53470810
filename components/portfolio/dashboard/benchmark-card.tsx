'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslations } from 'use-intl';
import { seriesPalette } from '@/components/analysis/charts/chart-theme';
import { CurveChart } from '@/components/analysis/charts/curve-chart';
import { useColorScheme } from '@/components/stocks/use-color-scheme';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';
import { axisDateFormat, benchmarkChartData } from './chart-data';
import { InlineFigure } from './figure';
import { MethodNote } from './method-note';
import { useMethodText } from './method-text';
import { SectionError, SectionLoading } from './section-state';
import { SignedChange } from './summary-cards';
import type { PerformanceDto } from './types';
import { usePortfolioFormat } from './use-portfolio-format';

/** Cumulative return of the portfolio against KOSPI or the S&P 500 over the same range. */
export function BenchmarkCard({
  performance,
  rangeLabel,
}: {
  performance: UseQueryResult<PerformanceDto, unknown>;
  rangeLabel: string;
}) {
  const t = useTranslations('portfolio.benchmark');
  const fmt = usePortfolioFormat();
  const methods = useMethodText();
  const scheme = useColorScheme();
  const id = useId();
  const data = performance.data;
  const points = data ? benchmarkChartData(data) : [];
  const benchmarkName = data?.benchmark.name ?? '';
  const axisFormat = axisDateFormat(points[0]?.date, points.at(-1)?.date);

  return (
    <Card aria-labelledby={`${id}-title`} className="min-w-0">
      <CardHeader
        titleId={`${id}-title`}
        title={data ? t('title', { benchmark: benchmarkName }) : t('titleGeneric')}
        description={t('description', { range: rangeLabel })}
      />
      <CardBody className="flex flex-col gap-4">
        {data === undefined ? (
          performance.isPending ? (
            <SectionLoading>
              <Skeleton className="h-16 w-full" />
              <Skeleton className="h-[260px] w-full" />
            </SectionLoading>
          ) : (
            <SectionError error={performance.error} onRetry={() => void performance.refetch()} />
          )
        ) : points.length < 2 ? (
          <p className="py-16 text-center text-sm text-muted">
            {t('empty', { benchmark: benchmarkName })}
          </p>
        ) : (
          <>
            <dl className="grid grid-cols-3 gap-3 rounded-lg bg-surface-muted/60 px-3 py-2.5">
              <InlineFigure
                label={t('portfolio')}
                value={
                  <SignedChange
                    amount={null}
                    rate={data.benchmark.portfolioReturn}
                    currency={data.currency}
                  />
                }
              />
              <InlineFigure
                label={benchmarkName}
                value={
                  <SignedChange
                    amount={null}
                    rate={data.benchmark.benchmarkReturn}
                    currency={data.currency}
                  />
                }
              />
              <InlineFigure
                testId="benchmark-excess"
                label={t('excess')}
                value={
                  <SignedChange
                    amount={null}
                    rate={data.benchmark.excessReturn}
                    currency={data.currency}
                  />
                }
              />
            </dl>
            <MethodNote name={methods.benchmark.name} description={methods.benchmark.description} />
            <div
              data-testid="benchmark-chart"
              data-points={points.length}
              aria-busy={performance.isPlaceholderData || undefined}
              className={cn('transition-opacity', performance.isPlaceholderData && 'opacity-60')}
            >
              <p className="sr-only">
                {t('summary', {
                  benchmark: benchmarkName,
                  portfolio: fmt.percent(data.benchmark.portfolioReturn, true),
                  benchmarkReturn: fmt.percent(data.benchmark.benchmarkReturn, true),
                })}
              </p>
              <div aria-hidden="true">
                <CurveChart
                  data={points}
                  dateKey="date"
                  series={[
                    { key: 'portfolio', name: t('portfolio'), color: seriesPalette[scheme][0] },
                    {
                      key: 'benchmark',
                      name: benchmarkName,
                      color: seriesPalette[scheme][1],
                    },
                  ]}
                  formatDate={(date) => fmt.date(date, axisFormat)}
                  formatTooltipDate={(date) => fmt.date(date)}
                  formatValue={(value) => fmt.percent(value, true)}
                  scheme={scheme}
                />
              </div>
            </div>
          </>
        )}
      </CardBody>
    </Card>
  );
}
