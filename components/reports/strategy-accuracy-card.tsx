'use client';

import dynamic from 'next/dynamic';
import { useLocale, useTranslations } from 'use-intl';
import { useStrategyName } from '@/components/analysis/backtests/strategy-name';
import { priceTone } from '@/components/stocks/price-colors';
import { useColorScheme } from '@/components/stocks/use-color-scheme';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';
import type { DailyReportContent } from './types';
import { useReportFormat } from './use-report-format';

const AccuracyChart = dynamic(() => import('./accuracy-chart').then((m) => m.AccuracyChart), {
  ssr: false,
  loading: () => <Skeleton className="h-32 w-full" />,
});

/** Success rate and average signed return of the followed strategies, as a table and bars. */
export function StrategyAccuracyCard({
  strategies,
}: {
  strategies: DailyReportContent['strategies'];
}) {
  const t = useTranslations('reports.strategies');
  const locale = useLocale();
  const scheme = useColorScheme();
  const fmt = useReportFormat();
  const strategyName = useStrategyName();
  const rated = strategies.items.filter((s) => s.successRate !== null);
  return (
    <Card aria-labelledby="report-strategies-title" data-testid="report-strategies">
      <CardHeader
        titleId="report-strategies-title"
        title={t('title')}
        description={t('description', { bars: strategies.bars, horizon: strategies.horizon })}
      />
      <CardBody className="flex flex-col gap-4">
        <p className="text-xs text-muted">{t(`source.${strategies.source}`)}</p>
        {strategies.items.length === 0 ? (
          <p className="text-sm text-muted">{t('empty')}</p>
        ) : (
          <>
            <div className="-mx-5 overflow-x-auto px-5">
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b border-border text-left text-xs text-muted">
                    <th scope="col" className="py-2 pr-3 font-medium">
                      {t('strategy')}
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      {t('signals')}
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      {t('successRate')}
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      {t('averageReturn')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-border">
                  {strategies.items.map((s) => (
                    <tr key={s.strategy} data-testid="report-strategy" data-strategy={s.strategy}>
                      <th scope="row" className="py-2 pr-3 text-left font-medium">
                        {strategyName(s.strategy, s.strategyName)}
                      </th>
                      <td className="py-2 pr-3 text-right tabular-nums">{s.signals}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">
                        {s.successRate === null ? t('none') : fmt.percent(s.successRate)}
                      </td>
                      <td
                        className={cn(
                          'py-2 text-right tabular-nums',
                          priceTone(s.averageReturn, locale),
                        )}
                      >
                        {s.averageReturn === null ? t('none') : fmt.change(s.averageReturn)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {rated.length > 0 ? (
              <AccuracyChart
                data={rated.map((s) => ({
                  name: strategyName(s.strategy, s.strategyName),
                  successRate: s.successRate!,
                }))}
                scheme={scheme}
                formatPercent={fmt.percent}
                label={t('chartLabel')}
              />
            ) : null}
          </>
        )}
        <p className="text-xs text-muted">{t('convention')}</p>
      </CardBody>
    </Card>
  );
}
