'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslations } from 'use-intl';
import { useColorScheme } from '@/components/stocks/use-color-scheme';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';
import { axisDateFormat, valueChartData } from './chart-data';
import { SectionError, SectionLoading } from './section-state';
import type { HistoryDto } from './types';
import { usePortfolioFormat } from './use-portfolio-format';
import { ValueChart } from './value-chart';

/** Value against net contributions over the selected range. */
export function ValueChartCard({ history }: { history: UseQueryResult<HistoryDto, unknown> }) {
  const t = useTranslations('portfolio.value');
  const fmt = usePortfolioFormat();
  const scheme = useColorScheme();
  const id = useId();
  const data = history.data;
  const points = data ? valueChartData(data) : [];
  const first = points[0];
  const last = points.at(-1);
  const axisFormat = axisDateFormat(first?.date, last?.date);

  return (
    <Card aria-labelledby={`${id}-title`} className="min-w-0">
      <CardHeader
        titleId={`${id}-title`}
        title={t('title')}
        description={
          data?.range
            ? t('range', { from: fmt.date(data.range.base), to: fmt.date(data.range.end) })
            : t('description')
        }
      />
      <CardBody>
        {data === undefined ? (
          history.isPending ? (
            <SectionLoading>
              <Skeleton className="h-[280px] w-full" />
            </SectionLoading>
          ) : (
            <SectionError error={history.error} onRetry={() => void history.refetch()} />
          )
        ) : points.length < 2 || !first || !last ? (
          <p className="py-16 text-center text-sm text-muted">{t('empty')}</p>
        ) : (
          <div
            data-testid="value-chart"
            data-points={points.length}
            data-range-start={data.range?.base}
            aria-busy={history.isPlaceholderData || undefined}
            className={cn('transition-opacity', history.isPlaceholderData && 'opacity-60')}
          >
            <p className="sr-only">
              {t('summary', {
                from: fmt.date(first.date),
                to: fmt.date(last.date),
                start: fmt.money(first.value, data.currency),
                end: fmt.money(last.value, data.currency),
                invested: fmt.money(last.invested, data.currency),
              })}
            </p>
            <div aria-hidden="true">
              <ValueChart
                data={points}
                scheme={scheme}
                labels={{ value: t('seriesValue'), invested: t('seriesInvested') }}
                formatValue={(value) => fmt.money(value, data.currency)}
                formatAxisValue={(value) => fmt.compactMoney(value, data.currency)}
                formatAxisDate={(date) => fmt.date(date, axisFormat)}
                formatTooltipDate={(date) => fmt.date(date)}
              />
            </div>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
