import type { Candle } from '@/components/charts/candlestick-chart';
import type { UTCTimestamp } from 'lightweight-charts';
import type { PriceBar } from './live-bars';
import { wallClockSeconds } from './market-time';

/**
 * Chart candles from stocks.chart bars: date strings stay dates; intraday epoch-ms bars become
 * wall-clock seconds in the market's zone (so the axis reads 09:00 in Seoul for a viewer
 * anywhere). Times that do not increase (a DST fall-back hour) are dropped: the chart needs a
 * strictly ascending axis.
 */
export function candlesFromBars(bars: readonly PriceBar[], timeZone: string): Candle[] {
  const candles: Candle[] = [];
  let previous: string | number | null = null;
  for (const bar of bars) {
    const time =
      typeof bar.time === 'number'
        ? (wallClockSeconds(bar.time, timeZone) as UTCTimestamp)
        : bar.time;
    if (previous !== null && time <= previous) continue;
    previous = time;
    candles.push({
      time,
      open: bar.open,
      high: bar.high,
      low: bar.low,
      close: bar.close,
      volume: bar.volume,
    });
  }
  return candles;
}
