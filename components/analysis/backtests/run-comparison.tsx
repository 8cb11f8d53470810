'use client';

import { useQueries } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { useColorScheme } from '@/components/stocks/use-color-scheme';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { seriesPalette } from '../charts/chart-theme';
import type { BacktestRunDetail } from '../types';
import { MAX_CHART_POINTS, sampleIndices } from './downsample';
import { metricRows } from './metric-rows';
import { useStrategyName } from './strategy-name';
import { useBacktestFormat } from './use-backtest-format';

const CurveChart = dynamic(() => import('../charts/curve-chart').then((m) => m.CurveChart), {
  ssr: false,
  loading: () => <Skeleton className="h-[280px] w-full" />,
});

/** Growth of the initial cash per run on one date axis (runs may cover different dates). */
function overlaidGrowth(runs: BacktestRunDetail[]) {
  const byDate = new Map<string, Record<string, string | number | null>>();
  runs.forEach((run, k) => {
    const result = run.result!;
    const initial = result.metrics.initialEquity;
    result.curves.dates.forEach((date, i) => {
      const row = byDate.get(date) ?? { date };
      row[`run${k}`] = result.curves.equity[i]! / initial - 1;
      byDate.set(date, row);
    });
  });
  const rows = [...byDate.values()].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  return sampleIndices(rows.length, MAX_CHART_POINTS).map((i) => rows[i]!);
}

/** Side-by-side metrics and overlaid equity curves of the ticked runs. */
export function RunComparison({ ids, onClear }: { ids: readonly string[]; onClear: () => void }) {
  const t = useTranslations('analysis.backtests');
  const trpc = useTRPC();
  const scheme = useColorScheme();
  const fmt = useBacktestFormat();
  const strategyName = useStrategyName();
  const queries = useQueries({
    queries: ids.map((id) =>
      trpc.indicators.backtestRun.queryOptions({ id }, { staleTime: Infinity }),
    ),
  });
  const loaded = queries
    .map((q) => q.data)
    .filter((run): run is BacktestRunDetail => !!run?.result);
  const pending = queries.some((q) => q.isPending);
  const data = overlaidGrowth(loaded);
  const palette = seriesPalette[scheme];
  const nameOf = (run: BacktestRunDetail) =>
    `${run.symbol} · ${strategyName(run.strategy)} (${Object.values(run.params).join(', ')})`;

  return (
    <Card aria-labelledby="comparison-title" data-testid="run-comparison">
      <CardHeader
        titleId="comparison-title"
        title={t('compare.title')}
        description={t('compare.description')}
        actions={
          <Button variant="secondary" size="sm" onClick={onClear}>
            {t('compare.clear')}
          </Button>
        }
      />
      <CardBody className="flex flex-col gap-6">
        {pending ? (
          <Skeleton className="h-[280px] w-full" />
        ) : loaded.length < 2 ? (
          <p className="text-sm text-muted">{t('compare.needTwo')}</p>
        ) : (
          <>
            <CurveChart
              data={data}
              dateKey="date"
              series={loaded.map((run, k) => ({
                key: `run${k}`,
                name: nameOf(run),
                color: palette[k % palette.length]!,
              }))}
              formatDate={fmt.shortDate}
              formatTooltipDate={fmt.date}
              formatValue={(value) => fmt.percent(value, true)}
              scheme={scheme}
              height={300}
            />
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="border-b border-border">
                  <tr>
                    <th scope="col" className="px-2 py-2 text-left font-medium text-muted">
                      {t('compare.metric')}
                    </th>
                    {loaded.map((run, k) => (
                      <th key={run.id} scope="col" className="px-2 py-2 text-right font-medium">
                        <span
                          aria-hidden="true"
                          className="mr-1.5 inline-block size-2 rounded-full"
                          style={{ background: palette[k % palette.length] }}
                        />
                        {nameOf(run)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {metricRows(fmt, loaded[0]!.result!.currency, {
                    bars: (count) => t('metrics.bars', { count }),
                  }).map((row) => (
                    <tr key={row.key} className="border-b border-border/60">
                      <th scope="row" className="px-2 py-1.5 text-left font-normal text-muted">
                        {t(`metrics.${row.key}`)}
                      </th>
                      {loaded.map((run) => (
                        <td key={run.id} className="px-2 py-1.5 text-right tabular-nums">
                          {row.value(run.result!.metrics)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </CardBody>
    </Card>
  );
}
