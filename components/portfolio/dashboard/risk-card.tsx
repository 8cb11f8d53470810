'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslations } from 'use-intl';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { FigureRow } from './figure';
import { MethodNote } from './method-note';
import { useMethodText } from './method-text';
import { SectionError, SectionLoading } from './section-state';
import type { PerformanceDto } from './types';
import { usePortfolioFormat } from './use-portfolio-format';

/** Maximum drawdown and annualized volatility of the daily time-weighted index. */
export function RiskCard({
  performance,
  rangeLabel,
}: {
  performance: UseQueryResult<PerformanceDto, unknown>;
  rangeLabel: string;
}) {
  const t = useTranslations('portfolio.risk');
  const fmt = usePortfolioFormat();
  const methods = useMethodText();
  const id = useId();
  const data = performance.data;
  const drawdown = data?.maxDrawdown;

  return (
    <Card aria-labelledby={`${id}-title`} className="min-w-0">
      <CardHeader
        titleId={`${id}-title`}
        title={t('title')}
        description={t('description', { range: rangeLabel })}
      />
      <CardBody aria-busy={performance.isPlaceholderData || undefined}>
        {data === undefined || drawdown === undefined ? (
          performance.isPending ? (
            <SectionLoading>
              {[0, 1].map((row) => (
                <Skeleton key={row} className="h-12 w-full" />
              ))}
            </SectionLoading>
          ) : (
            <SectionError error={performance.error} onRetry={() => void performance.refetch()} />
          )
        ) : data.range === null ? (
          <p className="py-6 text-center text-sm text-muted">{t('empty')}</p>
        ) : (
          <dl className="divide-y divide-border">
            <FigureRow
              testId="risk-drawdown"
              label={t('maxDrawdown')}
              value={drawdown.value > 0 ? fmt.percent(-drawdown.value, true) : fmt.percent(0)}
            >
              {drawdown.peakDate && drawdown.troughDate && drawdown.value > 0 ? (
                <span>
                  {t('drawdownSpan', {
                    peak: fmt.date(drawdown.peakDate),
                    trough: fmt.date(drawdown.troughDate),
                  })}{' '}
                  {drawdown.recoveryDate
                    ? t('recovered', { date: fmt.date(drawdown.recoveryDate) })
                    : t('notRecovered')}
                </span>
              ) : null}
              <MethodNote
                name={methods.maxDrawdown.name}
                description={methods.maxDrawdown.description}
              />
            </FigureRow>
            <FigureRow
              testId="risk-volatility"
              label={t('volatility')}
              value={fmt.percent(data.volatility.annualized)}
            >
              <span>{t('perYear')}</span>
              <MethodNote
                name={methods.volatility.name}
                description={methods.volatility.description}
              />
            </FigureRow>
          </dl>
        )}
      </CardBody>
    </Card>
  );
}
