import { weekEndingFriday, zonedDateKey } from './market-time';
import type { TickMessage } from './tick-message';

/** A chart bar as stocks.chart returns it: date strings for daily/weekly, epoch ms intraday. */
export type PriceBar = {
  time: string | number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  simulated: boolean;
};

export type LiveBarsInterval = 'daily' | 'weekly' | 'intraday';

const MINUTE_MS = 60_000;

function bucketOf(
  tick: TickMessage,
  interval: LiveBarsInterval,
  timeZone: string,
): string | number {
  if (interval === 'intraday') return Math.floor(tick.time / MINUTE_MS) * MINUTE_MS;
  const day = zonedDateKey(tick.time, timeZone);
  return interval === 'weekly' ? weekEndingFriday(day) : day;
}

/**
 * The bars after a live tick: the tick's bar (today's daily bar, this week's weekly bar, or this
 * minute's intraday bar) takes the price as its close and widens its range; a tick past the last
 * bar opens a new one. `volumeDelta` is the shares traded since the previous tick (intraday bars
 * add it); daily bars take the session's running volume from the tick. Older ticks and empty
 * series return the same array.
 */
export function applyTickToBars(
  bars: readonly PriceBar[],
  tick: TickMessage,
  options: { interval: LiveBarsInterval; timeZone: string; volumeDelta?: number },
): readonly PriceBar[] {
  const last = bars.at(-1);
  if (!last) return bars;
  const bucket = bucketOf(tick, options.interval, options.timeZone);
  if (bucket < last.time) return bars;
  const delta = Math.max(0, options.volumeDelta ?? 0);
  if (bucket === last.time) {
    const updated: PriceBar = {
      ...last,
      close: tick.price,
      high: Math.max(last.high, tick.price),
      low: Math.min(last.low, tick.price),
      volume:
        options.interval === 'daily' && tick.volume !== null
          ? Math.max(last.volume, tick.volume)
          : options.interval === 'intraday'
            ? last.volume + delta
            : last.volume,
    };
    return [...bars.slice(0, -1), updated];
  }
  const opened: PriceBar = {
    time: bucket,
    open: tick.price,
    high: tick.price,
    low: tick.price,
    close: tick.price,
    volume:
      options.interval === 'intraday'
        ? delta
        : options.interval === 'daily'
          ? (tick.volume ?? 0)
          : 0,
    simulated: last.simulated,
  };
  return [...bars, opened];
}
