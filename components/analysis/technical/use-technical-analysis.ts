'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useRealtimeEvent } from '@/components/providers/realtime-provider';
import { useTRPC } from '@/components/providers/trpc-provider';
import { applyTickToBars, type PriceBar } from '@/components/stocks/live-bars';
import { parseTickMessage } from '@/components/stocks/tick-message';
import type { ChartInterval, ChartPeriod } from '@/server/market-data/chart-range';
import { stockChannel } from '@/server/realtime/channels';
import type { ChartIndicators } from '../types';
import {
  indicatorParams,
  overlayIds,
  panelIds,
  type OverlayId,
  type PanelId,
  type TechnicalId,
} from './indicator-catalog';
import { liveLines, windowBars, type IndicatorLines } from './live-lines';

export type LiveIndicator = { id: TechnicalId; warmup: number; lines: IndicatorLines };

/** `ticked`: a tick changed the bars since the server's answer (the live bar is recomputed). */
type LiveState = {
  source: ChartIndicators | undefined;
  bars: readonly PriceBar[];
  ticked: boolean;
};

/**
 * Which overlays and panels are on, their values from indicators.compute for the chart's interval
 * and period, and the live bar recomputed on every tick of the stock's channel.
 */
export function useTechnicalAnalysis({
  symbol,
  interval,
  period,
  timeZone,
  initialPanels = [],
  initialOverlays = [],
}: {
  symbol: string;
  interval: ChartInterval;
  period: ChartPeriod;
  timeZone: string;
  initialPanels?: PanelId[];
  initialOverlays?: OverlayId[];
}) {
  const trpc = useTRPC();
  const [overlays, setOverlays] = useState<OverlayId[]>(initialOverlays);
  const [panels, setPanels] = useState<PanelId[]>(initialPanels);
  // Catalogue order, so the request (and its cache key) does not depend on click order.
  const enabled = [
    ...overlayIds.filter((id) => overlays.includes(id)),
    ...panelIds.filter((id) => panels.includes(id)),
  ];

  const query = useQuery(
    trpc.indicators.compute.queryOptions(
      {
        symbol,
        interval,
        period,
        indicators: enabled.map((id) => ({ name: id, params: indicatorParams[id] })),
      },
      { enabled: enabled.length > 0, placeholderData: keepPreviousData, staleTime: 60_000 },
    ),
  );
  const data = query.data && !query.isPlaceholderData ? query.data : undefined;

  const [live, setLive] = useState<LiveState>({ source: undefined, bars: [], ticked: false });
  let current = live;
  if (data && data !== live.source) {
    current = { source: data, bars: windowBars(data), ticked: false };
    setLive(current);
  }
  const lastVolume = useRef<number | null>(null);
  useRealtimeEvent(stockChannel(symbol), 'tick', (payload) => {
    const tick = parseTickMessage(payload);
    if (!tick || !data) return;
    const previous = lastVolume.current;
    lastVolume.current = tick.volume;
    const volumeDelta =
      previous !== null && tick.volume !== null && tick.volume >= previous
        ? tick.volume - previous
        : 0;
    setLive((state) => {
      if (state.source !== data) return state;
      const bars = applyTickToBars(state.bars, tick, { interval, timeZone, volumeDelta });
      return bars === state.bars ? state : { ...state, bars, ticked: true };
    });
  });

  const indicators = useMemo((): LiveIndicator[] => {
    const source = current.source;
    if (!source) return [];
    const lines = current.ticked
      ? liveLines(source, current.bars)
      : source.indicators.map((i) => i.lines);
    return source.indicators.map((indicator, k) => ({
      id: indicator.name as TechnicalId,
      warmup: indicator.warmup,
      lines: lines[k]!,
    }));
  }, [current]);
  const times = useMemo(() => current.bars.map((bar) => bar.time), [current.bars]);

  function toggle<T extends string>(list: T[], id: T): T[] {
    return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
  }

  return {
    symbol,
    interval,
    timeZone,
    overlays,
    panels,
    toggleOverlay: (id: OverlayId) => setOverlays((list) => toggle(list, id)),
    togglePanel: (id: PanelId) => setPanels((list) => toggle(list, id)),
    /** Time keys (as stocks.chart returns them) of the bars the lines are aligned to. */
    times,
    indicators,
    query,
  };
}

export type TechnicalAnalysis = ReturnType<typeof useTechnicalAnalysis>;
