'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useMemo, useRef, useState } from 'react';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { overlayLines } from '@/components/analysis/technical/overlay-lines';
import { TechnicalAnalysisBody } from '@/components/analysis/technical/technical-analysis-body';
import { useTechnicalAnalysis } from '@/components/analysis/technical/use-technical-analysis';
import { useRealtimeEvent } from '@/components/providers/realtime-provider';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import {
  periodsByInterval,
  type ChartInterval,
  type ChartPeriod,
} from '@/server/market-data/chart-range';
import { stockChannel } from '@/server/realtime/channels';
import { ButtonGroup } from './button-group';
import { candlesFromBars } from './chart-candles';
import { applyTickToBars, type PriceBar } from './live-bars';
import { marketTimeZones, type MarketCode } from './market-time';
import { priceColors } from './price-colors';
import { priceFormatOptions, type PriceKind } from './price-format';
import { StaleNotice } from './stale-notice';
import { parseTickMessage } from './tick-message';
import { useColorScheme } from './use-color-scheme';

// The canvas library measures the DOM: load it in the browser only.
const CandlestickChart = dynamic(
  () => import('@/components/charts/candlestick-chart').then((m) => m.CandlestickChart),
  { ssr: false, loading: () => <Skeleton className="h-full w-full" /> },
);

const defaultPeriod: Record<ChartInterval, ChartPeriod> = {
  intraday: '1d',
  daily: '6m',
  weekly: '2y',
};

type Props = {
  symbol: string;
  name: string;
  market: MarketCode;
  currency: string;
  kind: PriceKind;
  /** Last real date of demo history; later bars are simulated. */
  realUntil: string | null;
};

const NO_BARS: readonly PriceBar[] = [];

type LiveState = { source: readonly PriceBar[] | undefined; bars: readonly PriceBar[] };

export function PriceChartCard({ symbol, name, market, currency, kind, realUntil }: Props) {
  const t = useTranslations('stocks.chart');
  const format = useFormatter();
  const locale = useLocale();
  const scheme = useColorScheme();
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const [interval, setChartInterval] = useState<ChartInterval>('daily');
  const [period, setPeriod] = useState<ChartPeriod>(defaultPeriod.daily);
  const timeZone = marketTimeZones[market];
  // Indicator overlays on this chart and oscillator panels below it, on the same bars and ticks.
  const analysis = useTechnicalAnalysis({ symbol, interval, period, timeZone });

  const chart = useQuery(
    trpc.stocks.chart.queryOptions(
      { symbol, interval, period },
      {
        placeholderData: keepPreviousData,
        refetchInterval: interval === 'intraday' ? 60_000 : false,
      },
    ),
  );
  const fresh = chart.data && !chart.isPlaceholderData ? chart.data : undefined;

  // Server bars, then rolled forward by each tick until the next fetch replaces them.
  const [live, setLive] = useState<LiveState>({ source: undefined, bars: [] });
  let current = live;
  if (fresh && fresh.bars !== live.source) {
    current = { source: fresh.bars, bars: fresh.bars };
    setLive(current);
  }
  const lastVolume = useRef<number | null>(null);
  useRealtimeEvent(stockChannel(symbol), 'tick', (payload) => {
    const tick = parseTickMessage(payload);
    if (!tick || !fresh) return;
    const previousVolume = lastVolume.current;
    lastVolume.current = tick.volume;
    const volumeDelta =
      previousVolume !== null && tick.volume !== null && tick.volume >= previousVolume
        ? tick.volume - previousVolume
        : 0;
    setLive((state) => {
      if (state.source !== fresh.bars) return state;
      const bars = applyTickToBars(state.bars, tick, { interval, timeZone, volumeDelta });
      return bars === state.bars ? state : { ...state, bars };
    });
  });

  const shownBars = fresh ? current.bars : (chart.data?.bars ?? NO_BARS);
  const candles = useMemo(() => candlesFromBars(shownBars, timeZone), [shownBars, timeZone]);
  const colors = priceColors(locale, scheme);
  const { indicators, times } = analysis;
  const overlays = useMemo(
    () => overlayLines({ indicators, times, timeZone }, scheme),
    [indicators, times, timeZone, scheme],
  );
  const priceOptions = priceFormatOptions(currency, kind);
  const formatAxisPrice = (price: number) =>
    format.number(price, {
      maximumFractionDigits: priceOptions.maximumFractionDigits,
      minimumFractionDigits: priceOptions.minimumFractionDigits,
    });

  const simulatedFrom = shownBars.find((bar) => bar.simulated);
  const chartLabel = t('label', {
    name,
    interval: t(`intervals.${interval}`),
    period: t(`periods.${period}`),
  });

  function chooseInterval(next: ChartInterval) {
    setChartInterval(next);
    lastVolume.current = null;
    if (!periodsByInterval[next].includes(period)) setPeriod(defaultPeriod[next]);
  }

  return (
    <Card aria-labelledby="price-chart-title">
      <CardHeader
        titleId="price-chart-title"
        title={t('title')}
        description={t('timeZoneNote', { zone: t(`zones.${market}`) })}
      />
      <CardBody className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <ButtonGroup
            label={t('intervalLabel')}
            value={interval}
            onChange={chooseInterval}
            options={(['intraday', 'daily', 'weekly'] as const).map((value) => ({
              value,
              label: t(`intervals.${value}`),
            }))}
          />
          <ButtonGroup
            label={t('periodLabel')}
            value={period}
            onChange={setPeriod}
            options={periodsByInterval[interval].map((value) => ({
              value,
              label: t(`periods.${value}`),
            }))}
          />
        </div>

        <StaleNotice state={fresh} />

        <div className="relative h-[320px] sm:h-[420px]" aria-busy={chart.isFetching || undefined}>
          {chart.isPending ? (
            <div role="status" className="h-full">
              <span className="sr-only">{t('loading')}</span>
              <Skeleton className="h-full w-full" />
            </div>
          ) : chart.isError && !chart.data ? (
            <div className="flex h-full flex-col items-center justify-center gap-3 text-center">
              <Alert>
                {t('loadFailed')} {describeError(chart.error)}
              </Alert>
              <Button variant="secondary" size="sm" onClick={() => void chart.refetch()}>
                {t('retry')}
              </Button>
            </div>
          ) : candles.length === 0 ? (
            <div className="flex h-full flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-border text-center">
              <p className="font-medium">{t('emptyTitle')}</p>
              <p className="max-w-sm text-sm text-balance text-muted">
                {interval === 'intraday' ? t('emptyIntraday') : t('emptyBody')}
              </p>
            </div>
          ) : (
            <figure
              aria-label={chartLabel}
              data-testid="price-chart"
              data-bar-count={candles.length}
              data-interval={interval}
              className="h-full"
            >
              <CandlestickChart
                candles={candles}
                colors={colors}
                scheme={scheme}
                showTime={interval === 'intraday'}
                formatPrice={formatAxisPrice}
                locale={locale}
                overlays={overlays}
                className="h-full w-full"
              />
              <figcaption className="sr-only">
                {t('summary', {
                  count: candles.length,
                  first: String(shownBars[0]?.time ?? ''),
                  last: String(shownBars.at(-1)?.time ?? ''),
                })}
              </figcaption>
            </figure>
          )}
        </div>

        <TechnicalAnalysisBody analysis={analysis} />

        {simulatedFrom && realUntil ? (
          <p className="text-xs text-muted" data-testid="simulated-note">
            <span
              aria-hidden="true"
              className="mr-1.5 inline-block size-2 rounded-full bg-warning align-middle"
            />
            {t('simulatedNote', {
              date: format.dateTime(new Date(`${realUntil}T00:00:00Z`), {
                dateStyle: 'medium',
                timeZone: 'UTC',
              }),
            })}
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
