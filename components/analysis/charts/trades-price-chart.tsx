'use client';

import {
  ColorType,
  LineSeries,
  createChart,
  createSeriesMarkers,
  type SeriesMarker,
  type Time,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { chartThemes } from './chart-theme';

export type TradeMark = {
  date: string;
  kind: 'entry' | 'exit';
  side: 'long' | 'short';
  text: string;
};

type Props = {
  dates: readonly string[];
  close: readonly number[];
  marks: readonly TradeMark[];
  colors: { up: string; down: string };
  scheme: 'light' | 'dark';
  formatPrice: (price: number) => string;
  locale: string;
  className?: string;
};

/** Closing prices with each trade's entry and exit marked (arrows below/above the line). */
export function TradesPriceChart({
  dates,
  close,
  marks,
  colors,
  scheme,
  formatPrice,
  locale,
  className,
}: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const theme = chartThemes[scheme];
    const chart = createChart(container, {
      autoSize: true,
      layout: {
        attributionLogo: false,
        background: { type: ColorType.Solid, color: 'transparent' },
        textColor: theme.text,
        fontFamily: getComputedStyle(document.body).fontFamily,
      },
      grid: { vertLines: { color: theme.grid }, horzLines: { color: theme.grid } },
      rightPriceScale: { borderColor: theme.border },
      // Years of daily bars must fit the width: let bars get thinner than the default half pixel.
      timeScale: { borderColor: theme.border, minBarSpacing: 0.01 },
      localization: { locale, priceFormatter: formatPrice },
    });
    const line = chart.addSeries(LineSeries, {
      color: theme.accent,
      lineWidth: 2,
      priceLineVisible: false,
    });
    line.setData(dates.map((date, i) => ({ time: date as Time, value: close[i]! })));
    const markers: SeriesMarker<Time>[] = marks.map((mark) => {
      const buying = (mark.kind === 'entry') === (mark.side === 'long');
      return {
        time: mark.date as Time,
        position: buying ? 'belowBar' : 'aboveBar',
        shape: buying ? 'arrowUp' : 'arrowDown',
        color: buying ? colors.up : colors.down,
        text: mark.text,
      };
    });
    createSeriesMarkers(line, markers);
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [dates, close, marks, colors.up, colors.down, scheme, formatPrice, locale]);
  return <div ref={containerRef} className={className} />;
}
