'use client';

import {
  CandlestickSeries,
  ColorType,
  HistogramSeries,
  LineSeries,
  createChart,
  type IChartApi,
  type ISeriesApi,
  type Time,
} from 'lightweight-charts';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { OverlayLine } from '@/components/analysis/technical/overlay-lines';

/** One candle; `time` is 'YYYY-MM-DD' or epoch seconds already shifted to the wall clock shown. */
export type Candle = {
  time: Time;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
};

export type CandlestickChartProps = {
  candles: readonly Candle[];
  colors: { up: string; down: string };
  scheme: 'light' | 'dark';
  /** Show hours and minutes on the time axis (intraday bars). */
  showTime: boolean;
  /** Price axis and crosshair labels (e.g. KRW without decimals). */
  formatPrice: (price: number) => string;
  locale: string;
  /** Indicator lines on the price scale (moving averages, bands, SAR dots…). */
  overlays?: readonly OverlayLine[];
  className?: string;
};

const NO_OVERLAYS: readonly OverlayLine[] = [];

const themes = {
  light: { text: '#566070', grid: '#eef0f4', border: '#dfe3e9' },
  dark: { text: '#9ba5b4', grid: '#1e2736', border: '#283246' },
} as const;

const VOLUME_SCALE = 'volume';

function volumeColor(candle: Candle, colors: { up: string; down: string }): string {
  // Hex + alpha: volume bars sit under the candles, so they stay faint.
  return `${candle.close >= candle.open ? colors.up : colors.down}59`;
}

/**
 * Candles with volume bars beneath them (own price scale, bottom fifth), sized to the container.
 * When only the last candle changed or one was appended (live ticks), it updates in place and
 * keeps the user's zoom; any other change replaces the data and fits it.
 */
export function CandlestickChart({
  candles,
  colors,
  scheme,
  showTime,
  formatPrice,
  locale,
  overlays = NO_OVERLAYS,
  className,
}: CandlestickChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const candleSeriesRef = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const volumeSeriesRef = useRef<ISeriesApi<'Histogram'> | null>(null);
  const shownRef = useRef<readonly Candle[]>([]);
  const overlaySeriesRef = useRef(new Map<string, ISeriesApi<'Line'>>());
  const formatRef = useRef(formatPrice);
  useLayoutEffect(() => {
    formatRef.current = formatPrice;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = createChart(container, {
      autoSize: true,
      layout: { attributionLogo: false },
      rightPriceScale: { scaleMargins: { top: 0.08, bottom: 0.25 } },
      localization: { priceFormatter: (price: number) => formatRef.current(price) },
    });
    candleSeriesRef.current = chart.addSeries(CandlestickSeries, {
      borderVisible: false,
      priceLineVisible: true,
    });
    volumeSeriesRef.current = chart.addSeries(HistogramSeries, {
      priceScaleId: VOLUME_SCALE,
      priceFormat: { type: 'volume' },
      lastValueVisible: false,
      priceLineVisible: false,
    });
    chart.priceScale(VOLUME_SCALE).applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    chartRef.current = chart;
    return () => {
      chart.remove();
      chartRef.current = null;
      candleSeriesRef.current = null;
      volumeSeriesRef.current = null;
      shownRef.current = [];
      overlaySeriesRef.current = new Map();
    };
  }, []);

  useEffect(() => {
    const theme = themes[scheme];
    chartRef.current?.applyOptions({
      layout: {
        background: { type: ColorType.Solid, color: 'transparent' },
        textColor: theme.text,
        fontFamily: getComputedStyle(document.body).fontFamily,
      },
      grid: { vertLines: { color: theme.grid }, horzLines: { color: theme.grid } },
      rightPriceScale: { borderColor: theme.border },
      timeScale: { borderColor: theme.border, timeVisible: showTime, secondsVisible: false },
      localization: { locale },
    });
    candleSeriesRef.current?.applyOptions({
      upColor: colors.up,
      downColor: colors.down,
      wickUpColor: colors.up,
      wickDownColor: colors.down,
    });
    // Volume colours are per bar: redraw them with the new palette.
    shownRef.current = [];
  }, [scheme, colors.up, colors.down, showTime, locale]);

  useEffect(() => {
    const candleSeries = candleSeriesRef.current;
    const volumeSeries = volumeSeriesRef.current;
    if (!candleSeries || !volumeSeries) return;
    const shown = shownRef.current;
    const live =
      shown.length > 0 &&
      (candles.length === shown.length || candles.length === shown.length + 1) &&
      candles[0]?.time === shown[0]?.time &&
      candles[shown.length - 2]?.time === shown[shown.length - 2]?.time;
    if (live) {
      for (const candle of candles.slice(shown.length - 1)) {
        candleSeries.update(candle);
        volumeSeries.update({
          time: candle.time,
          value: candle.volume,
          color: volumeColor(candle, colors),
        });
      }
    } else {
      candleSeries.setData(candles.map(({ volume: _volume, ...ohlc }) => ohlc));
      volumeSeries.setData(
        candles.map((candle) => ({
          time: candle.time,
          value: candle.volume,
          color: volumeColor(candle, colors),
        })),
      );
      // A new series (not a palette change) is framed from scratch.
      if (shown.length === 0 || candles[0]?.time !== shown[0]?.time) {
        chartRef.current?.timeScale().fitContent();
      }
    }
    shownRef.current = candles;
  }, [candles, colors, scheme]);

  // Overlays: one line series per key, added and removed as indicators are toggled.
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const existing = overlaySeriesRef.current;
    const wanted = new Set(overlays.map((overlay) => overlay.key));
    for (const [key, series] of existing) {
      if (!wanted.has(key)) {
        chart.removeSeries(series);
        existing.delete(key);
      }
    }
    for (const overlay of overlays) {
      let series = existing.get(overlay.key);
      if (!series) {
        const dots = overlay.style === 'dots';
        series = chart.addSeries(LineSeries, {
          lineWidth: dots ? 2 : 1,
          lineVisible: !dots,
          pointMarkersVisible: dots,
          pointMarkersRadius: dots ? 1.5 : undefined,
          priceLineVisible: false,
          lastValueVisible: false,
          crosshairMarkerVisible: false,
        });
        existing.set(overlay.key, series);
      }
      series.applyOptions({ color: overlay.color });
      series.setData(overlay.points);
    }
  }, [overlays]);

  return <div ref={containerRef} className={className} />;
}
