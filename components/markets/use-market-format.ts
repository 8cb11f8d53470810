'use client';

import { useFormatter, useNow } from 'use-intl';
import {
  changeFormatOptions,
  percentChangeOptions,
  priceFormatOptions,
  type PriceKind,
} from '@/components/stocks/price-format';
import { asOfFormat, isEarlierDay, volumeFormat, type Market } from './market-format';

type Priced = { currency: string; kind: PriceKind };

/** The markets page's number and time formatting in the reader's locale. */
export function useMarketFormat() {
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  return {
    price: (value: number, row: Priced) =>
      format.number(value, priceFormatOptions(row.currency, row.kind)),
    change: (value: number | null, row: Priced) =>
      value === null ? '–' : format.number(value, changeFormatOptions(row.currency, row.kind)),
    /** From a percent number (1.52 → "+1.52%"). */
    percent: (value: number | null) =>
      value === null ? '–' : format.number(value / 100, percentChangeOptions),
    volume: (value: number | null) => (value === null ? '–' : format.number(value, volumeFormat)),
    /** "14:32:05", or "Mar 4, 14:32:05" for a quote from an earlier day in that market. */
    asOf: (market: Market, epochMs: number) =>
      format.dateTime(
        new Date(epochMs),
        asOfFormat(market, isEarlierDay(market, epochMs, now.getTime())),
      ),
  };
}
