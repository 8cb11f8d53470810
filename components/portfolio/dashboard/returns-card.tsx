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
import { SignedChange } from './summary-cards';
import type { PerformanceDto } from './types';
import { usePortfolioFormat } from './use-portfolio-format';

/** Why XIRR has no rate, as a catalogue key (the server's reasons are kebab-case). */
function noSolutionKey(reason: string): 'tooFewFlows' | 'noSignChange' | 'noRoot' | 'other' {
  switch (reason) {
    case 'too-few-flows':
      return 'tooFewFlows';
    case 'no-sign-change':
      return 'noSignChange';
    case 'no-root':
      return 'noRoot';
    default:
      return 'other';
  }
}

/** Time-weighted (TTWROR), money-weighted (XIRR) and simple return over the selected range. */
export function ReturnsCard({
  performance,
  rangeLabel,
}: {
  performance: UseQueryResult<PerformanceDto, unknown>;
  rangeLabel: string;
}) {
  const t = useTranslations('portfolio.returns');
  const fmt = usePortfolioFormat();
  const methods = useMethodText();
  const id = useId();
  const data = performance.data;

  return (
    <Card aria-labelledby={`${id}-title`} className="min-w-0">
      <CardHeader
        titleId={`${id}-title`}
        title={t('title')}
        description={t('description', { range: rangeLabel })}
      />
      <CardBody aria-busy={performance.isPlaceholderData || undefined}>
        {data === undefined ? (
          performance.isPending ? (
            <SectionLoading>
              {[0, 1, 2].map((row) => (
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
              testId="return-twr"
              label={t('twr')}
              value={
                <SignedChange
                  amount={null}
                  rate={data.timeWeighted.cumulative}
                  currency={data.currency}
                />
              }
            >
              {data.timeWeighted.annualized !== null ? (
                <span>
                  {data.timeWeighted.extrapolated
                    ? t('annualizedExtrapolated', {
                        rate: fmt.percent(data.timeWeighted.annualized, true),
                      })
                    : t('annualized', { rate: fmt.percent(data.timeWeighted.annualized, true) })}
                </span>
              ) : null}
              {data.timeWeighted.flaggedDays.length > 0 ? (
                <span>{t('flagged', { count: data.timeWeighted.flaggedDays.length })}</span>
              ) : null}
              <MethodNote name={methods.twr.name} description={methods.twr.description} />
            </FigureRow>
            <FigureRow
              testId="return-xirr"
              label={t('xirr')}
              value={
                data.moneyWeighted.rate !== null ? (
                  <SignedChange
                    amount={null}
                    rate={data.moneyWeighted.rate}
                    currency={data.currency}
                  />
                ) : (
                  <span className="text-muted">–</span>
                )
              }
            >
              <span>
                {data.moneyWeighted.noSolution
                  ? t(`noSolution.${noSolutionKey(data.moneyWeighted.noSolution.reason)}`)
                  : t('perYear')}
              </span>
              <MethodNote name={methods.xirr.name} description={methods.xirr.description} />
            </FigureRow>
            <FigureRow
              testId="return-simple"
              label={t('simple')}
              value={
                <SignedChange amount={null} rate={data.simple.rate} currency={data.currency} />
              }
            >
              <span>
                {t('gain', { amount: fmt.signedMoney(data.simple.gain, data.currency) })}
                {' · '}
                {t('flows', {
                  inflow: fmt.money(data.inflow, data.currency),
                  outflow: fmt.money(data.outflow, data.currency),
                })}
              </span>
              <MethodNote
                name={methods.periodSimple.name}
                description={methods.periodSimple.description}
              />
            </FigureRow>
          </dl>
        )}
      </CardBody>
    </Card>
  );
}
