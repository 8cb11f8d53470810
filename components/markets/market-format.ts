/**
 * Markets-page formats beyond the shared price formats (components/stocks/price-format.ts):
 * compact volume and "as of" times in each market's own clock. Option objects for use-intl's
 * `format.number` / `format.dateTime`, kept pure so they are unit-tested.
 */

import type { DateTimeFormatOptions, NumberFormatOptions } from 'use-intl';
import { marketTimeZones, zonedDateKey, type MarketCode } from '@/components/stocks/market-time';

export type Market = MarketCode;

/** Traded shares, compact (12.3M, 1234.6만). */
export const volumeFormat: NumberFormatOptions = {
  notation: 'compact',
  maximumFractionDigits: 1,
};

/** Time of a quote in its market's zone; with the date when it is not that market's today. */
export function asOfFormat(market: Market, withDate: boolean): DateTimeFormatOptions {
  return {
    timeZone: marketTimeZones[market],
    ...(withDate ? { month: 'short', day: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  };
}

/** Does `epochMs` fall on another calendar day than `nowMs` in the market's zone? */
export function isEarlierDay(market: Market, epochMs: number, nowMs: number): boolean {
  const zone = marketTimeZones[market];
  return zonedDateKey(epochMs, zone) !== zonedDateKey(nowMs, zone);
}
