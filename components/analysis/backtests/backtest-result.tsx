'use client';

import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { priceColors } from '@/components/stocks/price-colors';
import { useColorScheme } from '@/components/stocks/use-color-scheme';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { chartThemes } from '../charts/chart-theme';
import type { TradeMark } from '../charts/trades-price-chart';
import type { BacktestResultJson } from '../types';
import { MAX_CHART_POINTS, sampleIndices } from './downsample';
import { MetricsTable } from './metrics-table';
import { TradeList } from './trade-list';
import { useBacktestFormat } from './use-backtest-format';

const CurveChart = dynamic(() => import('../charts/curve-chart').then((m) => m.CurveChart), {
  ssr: false,
  loading: () => <Skeleton className="h-[260px] w-full" />,
});
const TradesPriceChart = dynamic(
  () => import('../charts/trades-price-chart').then((m) => m.TradesPriceChart),
  { ssr: false, loading: () => <Skeleton className="h-full w-full" /> },
);

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex min-w-0 flex-col gap-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** One completed run: equity vs buy-and-hold, drawdown, trades on the price, metrics, trades. */
export function BacktestResult({
  result,
  strategyName,
}: {
  result: BacktestResultJson;
  strategyName: string;
}) {
  const t = useTranslations('analysis.backtests.result');
  const locale = useLocale();
  const scheme = useColorScheme();
  const fmt = useBacktestFormat();
  const theme = chartThemes[scheme];
  const { curves, metrics, currency } = result;

  const equityData = useMemo(
    () =>
      sampleIndices(curves.dates.length, MAX_CHART_POINTS).map((i) => ({
        date: curves.dates[i]!,
        equity: curves.equity[i]!,
        buyAndHold: curves.buyAndHold[i]!,
      })),
    [curves],
  );
  const drawdownData = useMemo(
    () =>
      sampleIndices(curves.dates.length, MAX_CHART_POINTS, (a, b) =>
        curves.drawdown[b]! > curves.drawdown[a]! ? b : a,
      ).map((i) => ({ date: curves.dates[i]!, drawdown: -curves.drawdown[i]! })),
    [curves],
  );
  const marks = useMemo(() => {
    const out: TradeMark[] = [];
    for (const trade of result.trades) {
      out.push({ date: trade.entryDate, kind: 'entry', side: trade.side, text: '' });
      if (!trade.open) out.push({ date: trade.exitDate, kind: 'exit', side: trade.side, text: '' });
    }
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }, [result.trades]);
  const colors = priceColors(locale, scheme);
  const money = (value: number) => fmt.money(value, currency);

  return (
    <Card aria-labelledby="backtest-result-title" data-testid="backtest-result">
      <CardHeader
        titleId="backtest-result-title"
        title={t('title', { strategy: strategyName, symbol: result.symbol })}
        description={t('period', {
          from: fmt.date(metrics.startDate),
          to: fmt.date(metrics.endDate),
          bars: fmt.count(metrics.bars),
        })}
      />
      <CardBody className="flex flex-col gap-6">
        {result.simulatedFrom && result.simulatedFrom <= metrics.endDate ? (
          <p className="text-xs text-muted" role="note">
            {t('simulatedNote', { date: fmt.date(result.simulatedFrom) })}
          </p>
        ) : null}
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Section title={t('equity')}>
            <figure aria-label={t('equity')} data-testid="equity-chart">
              <CurveChart
                data={equityData}
                dateKey="date"
                series={[
                  { key: 'equity', name: t('strategyLine'), color: theme.accent },
                  { key: 'buyAndHold', name: t('buyAndHold'), color: theme.neutral, dashed: true },
                ]}
                formatDate={fmt.shortDate}
                formatTooltipDate={fmt.date}
                formatValue={money}
                formatAxisValue={(value) => fmt.compactMoney(value, currency)}
                scheme={scheme}
              />
            </figure>
          </Section>
          <Section title={t('drawdown')}>
            <figure aria-label={t('drawdown')} data-testid="drawdown-chart">
              <CurveChart
                data={drawdownData}
                dateKey="date"
                series={[{ key: 'drawdown', name: t('drawdown'), color: theme.danger }]}
                formatDate={fmt.shortDate}
                formatTooltipDate={fmt.date}
                formatValue={(value) => fmt.percent(value)}
                scheme={scheme}
                variant="area"
              />
            </figure>
          </Section>
        </div>
        <Section title={t('price')}>
          <figure
            aria-label={t('price')}
            className="h-[280px] sm:h-[340px]"
            data-testid="trades-price-chart"
            data-marks={marks.length}
          >
            <TradesPriceChart
              dates={curves.dates}
              close={result.close}
              marks={marks}
              colors={colors}
              scheme={scheme}
              formatPrice={(price) => fmt.decimal(price)}
              locale={locale}
              className="h-full w-full"
            />
          </figure>
        </Section>
        <Section title={t('metrics')}>
          <MetricsTable
            metrics={metrics}
            currency={currency}
            signalSuccess={{
              horizon: result.signalQuality.horizon,
              rate: result.signalQuality.successRate,
            }}
          />
          <p className="text-xs text-muted">{t('conventions')}</p>
        </Section>
        <Section title={t('trades')}>
          <TradeList trades={result.trades} currency={currency} />
        </Section>
      </CardBody>
    </Card>
  );
}
