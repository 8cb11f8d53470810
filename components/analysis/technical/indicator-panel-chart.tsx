'use client';

import {
  ColorType,
  HistogramSeries,
  LineSeries,
  LineStyle,
  createChart,
  type IChartApi,
  type ISeriesApi,
  type SeriesType,
  type Time,
} from 'lightweight-charts';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { chartThemes } from '../charts/chart-theme';

export type PanelLine = {
  key: string;
  color: string;
  kind: 'line' | 'histogram';
  points: { time: Time; value: number }[];
};

type Props = {
  lines: readonly PanelLine[];
  levels: readonly number[];
  scheme: 'light' | 'dark';
  showTime: boolean;
  locale: string;
  formatValue: (value: number) => string;
  className?: string;
};

/**
 * One oscillator panel (RSI, MACD, …) below the price chart. Series are created once per set of
 * lines; new points replace the data (cheap at chart sizes) while keeping the user's zoom.
 */
export function IndicatorPanelChart({
  lines,
  levels,
  scheme,
  showTime,
  locale,
  formatValue,
  className,
}: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const seriesRef = useRef<Map<string, ISeriesApi<SeriesType>>>(new Map());
  const framed = useRef(false);
  const formatRef = useRef(formatValue);
  useLayoutEffect(() => {
    formatRef.current = formatValue;
  });
  const signature = lines.map((l) => `${l.key}:${l.kind}`).join('|');

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = createChart(container, {
      autoSize: true,
      layout: {
        attributionLogo: false,
        background: { type: ColorType.Solid, color: 'transparent' },
      },
      localization: { priceFormatter: (value: number) => formatRef.current(value) },
      handleScroll: false,
      handleScale: false,
    });
    chartRef.current = chart;
    const series = new Map<string, ISeriesApi<SeriesType>>();
    for (const line of lines) {
      const created =
        line.kind === 'histogram'
          ? chart.addSeries(HistogramSeries, { color: line.color, priceLineVisible: false })
          : chart.addSeries(LineSeries, {
              color: line.color,
              lineWidth: 2,
              priceLineVisible: false,
            });
      series.set(line.key, created);
    }
    const first = series.values().next().value;
    for (const level of levels) {
      first?.createPriceLine({
        price: level,
        color: '#94a3b8',
        lineStyle: LineStyle.Dashed,
        lineWidth: 1,
        axisLabelVisible: false,
      });
    }
    seriesRef.current = series;
    framed.current = false;
    return () => {
      chart.remove();
      chartRef.current = null;
      seriesRef.current = new Map();
    };
    // Recreated only when the set of lines changes; data flows through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, levels.join()]);

  useEffect(() => {
    const theme = chartThemes[scheme];
    chartRef.current?.applyOptions({
      // The page's font: the canvas default has no Hangul for Korean axis labels.
      layout: { textColor: theme.text, fontFamily: getComputedStyle(document.body).fontFamily },
      grid: { vertLines: { color: theme.grid }, horzLines: { color: theme.grid } },
      rightPriceScale: { borderColor: theme.border },
      timeScale: { borderColor: theme.border, timeVisible: showTime, secondsVisible: false },
      localization: { locale },
    });
  }, [scheme, showTime, locale, signature]);

  useEffect(() => {
    for (const line of lines) {
      const series = seriesRef.current.get(line.key);
      if (!series) continue;
      series.applyOptions({ color: line.color });
      series.setData(line.points);
    }
    if (!framed.current && lines.some((l) => l.points.length > 0)) {
      chartRef.current?.timeScale().fitContent();
      framed.current = true;
    }
  }, [lines]);

  return <div ref={containerRef} className={className} />;
}
