'use client';

import { useLiveQuote } from '@/components/stocks/use-live-quote';
import type { MarketRow } from './types';

/** A market row with its price, change and time kept current by the symbol's live ticks. */
export function useLiveRow(row: MarketRow) {
  const quote = useLiveQuote(row.symbol, row);
  return {
    price: quote?.price ?? row.price,
    change: quote?.change ?? row.change,
    changePercent: quote?.changePercent ?? row.changePercent,
    volume: quote?.volume ?? row.volume,
    asOf: quote?.asOf ?? row.asOf,
  };
}
