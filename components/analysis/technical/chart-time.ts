import type { Time, UTCTimestamp } from 'lightweight-charts';
import { wallClockSeconds } from '@/components/stocks/market-time';

/** A stocks.chart time key as the chart's time: dates stay, epoch ms become wall-clock seconds. */
export function chartTime(time: string | number, timeZone: string): Time {
  return typeof time === 'number' ? (wallClockSeconds(time, timeZone) as UTCTimestamp) : time;
}

/** Points of one line, skipping warm-up gaps and non-increasing times (a DST fall-back hour). */
export function linePoints(
  times: readonly (string | number)[],
  values: readonly (number | null)[],
  timeZone: string,
): { time: Time; value: number }[] {
  const out: { time: Time; value: number }[] = [];
  let previous: Time | null = null;
  for (let i = 0; i < times.length; i++) {
    const value = values[i];
    const time = chartTime(times[i]!, timeZone);
    if (previous !== null && time <= previous) continue;
    previous = time;
    if (value === null || value === undefined) continue;
    out.push({ time, value });
  }
  return out;
}
