'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { ButtonGroup } from './button-group';
import { StaleNotice } from './stale-notice';
import {
  chartedLines,
  statementChartData,
  statementTable,
  type StatementKindKey,
} from './statement-lines';
import { Tabs } from './tabs';
import { useColorScheme } from './use-color-scheme';

const GroupedBarChart = dynamic(
  () => import('@/components/charts/grouped-bar-chart').then((m) => m.GroupedBarChart),
  { ssr: false, loading: () => <Skeleton className="h-[220px] w-full" /> },
);

const seriesColors = {
  light: ['#2453d6', '#d98a00'],
  dark: ['#6b9cff', '#f0b65a'],
} as const;

type Period = 'annual' | 'quarterly';

/** Income / balance sheet / cash flow, annual or quarterly: a chart of two key lines and a table. */
export function StatementsCard({ symbol }: { symbol: string }) {
  const t = useTranslations('stocks.statements');
  const format = useFormatter();
  const scheme = useColorScheme();
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const [kind, setKind] = useState<StatementKindKey>('income');
  const [period, setPeriod] = useState<Period>('annual');
  const query = useQuery(
    trpc.stocks.statements.queryOptions(
      { symbol, kind, period },
      { placeholderData: keepPreviousData },
    ),
  );
  const statements = query.data?.statements ?? [];
  const currency = statements[0]?.currency ?? 'USD';
  const illustrative = statements.some((statement) => statement.quality === 'illustrative');
  const table = statementTable(statements, kind);
  const chartData = statementChartData(statements, kind);

  const periodLabel = (date: string) => {
    const at = new Date(`${date}T00:00:00Z`);
    return period === 'annual' && date.slice(5, 7) === '12'
      ? String(at.getUTCFullYear())
      : format.dateTime(at, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  };
  const amount = (value: number) =>
    format.number(value, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    });

  return (
    <Card aria-labelledby="statements-title">
      <CardHeader
        titleId="statements-title"
        title={t('title')}
        actions={
          <ButtonGroup
            label={t('periodLabel')}
            value={period}
            onChange={setPeriod}
            options={(['annual', 'quarterly'] as const).map((value) => ({
              value,
              label: t(`periods.${value}`),
            }))}
          />
        }
      />
      <CardBody>
        <Tabs
          label={t('kindLabel')}
          value={kind}
          onChange={setKind}
          tabs={(['income', 'balance', 'cashflow'] as const).map((value) => ({
            value,
            label: t(`kinds.${value}`),
          }))}
        >
          <div className="flex flex-col gap-4" aria-busy={query.isFetching || undefined}>
            <StaleNotice state={query.data} />
            {illustrative ? (
              <div
                role="note"
                data-testid="illustrative-notice"
                className="rounded-lg border-2 border-warning/60 bg-warning-subtle px-4 py-3 text-sm"
              >
                <p className="font-semibold text-warning">{t('illustrativeTitle')}</p>
                <p className="mt-0.5 text-foreground">{t('illustrativeBody')}</p>
              </div>
            ) : null}
            {query.isPending ? (
              <div role="status" className="flex flex-col gap-3">
                <span className="sr-only">{t('loading')}</span>
                <Skeleton className="h-[220px] w-full" />
                <Skeleton className="h-40 w-full" />
              </div>
            ) : query.isError && !query.data ? (
              <div className="flex flex-col items-start gap-3">
                <Alert>
                  {t('loadFailed')} {describeError(query.error)}
                </Alert>
                <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
                  {t('retry')}
                </Button>
              </div>
            ) : table.rows.length === 0 ? (
              <p className="py-8 text-center text-sm text-muted">{t('empty')}</p>
            ) : (
              <>
                <figure aria-label={t('chartLabel', { kind: t(`kinds.${kind}`) })}>
                  <GroupedBarChart
                    data={chartData}
                    categoryKey="period"
                    series={chartedLines[kind].map((key, i) => ({
                      key,
                      name: t(`lines.${key}`),
                      color: seriesColors[scheme][i]!,
                    }))}
                    formatCategory={periodLabel}
                    formatValue={amount}
                    scheme={scheme}
                  />
                </figure>
                <div className="-mx-5 overflow-x-auto">
                  <table className="w-full min-w-[36rem] text-sm" data-testid="statement-table">
                    <caption className="sr-only">
                      {t('tableCaption', { kind: t(`kinds.${kind}`), currency })}
                    </caption>
                    <thead className="text-xs text-muted">
                      <tr className="border-b border-border">
                        <th
                          scope="col"
                          className="sticky left-0 bg-surface px-5 py-2 text-left font-medium"
                        >
                          {t('line')}
                        </th>
                        {table.periods.map((date) => (
                          <th
                            key={date}
                            scope="col"
                            className="px-3 py-2 text-right font-medium whitespace-nowrap"
                          >
                            <time dateTime={date}>{periodLabel(date)}</time>
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-border">
                      {table.rows.map((row) => (
                        <tr key={row.key}>
                          <th
                            scope="row"
                            className="sticky left-0 bg-surface px-5 py-2 text-left font-medium whitespace-nowrap"
                          >
                            {t(`lines.${row.key}`)}
                          </th>
                          {row.values.map((value, i) => (
                            <td
                              key={table.periods[i]}
                              className="px-3 py-2 text-right tabular-nums whitespace-nowrap"
                            >
                              {value === null ? '—' : amount(value)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </div>
        </Tabs>
      </CardBody>
    </Card>
  );
}
