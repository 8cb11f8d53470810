'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveQuote } from '@/components/stocks/use-live-quote';
import type { LivePrice } from './live-holdings';

/** Live prices are gathered and handed to the page at most this often. */
const FLUSH_MS = 250;

/**
 * The latest live price per symbol, plus the `report` callback the feeds call. Ticks arrive
 * several times a second per symbol; batching them keeps the table to a few renders a second.
 */
export function useLivePriceMap(): {
  quotes: ReadonlyMap<string, LivePrice>;
  report: (symbol: string, quote: LivePrice) => void;
} {
  const [quotes, setQuotes] = useState<ReadonlyMap<string, LivePrice>>(() => new Map());
  const pending = useRef(new Map<string, LivePrice>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const report = useCallback((symbol: string, quote: LivePrice) => {
    pending.current.set(symbol, quote);
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const batch = pending.current;
      pending.current = new Map();
      setQuotes((previous) => {
        const next = new Map(previous);
        for (const [key, value] of batch) {
          const known = next.get(key);
          if (!known || value.asOf >= known.asOf) next.set(key, value);
        }
        return next;
      });
    }, FLUSH_MS);
  }, []);

  return { quotes, report };
}

/** Subscribes to one symbol's ticks (stock-<symbol>) and reports each new price. */
function LivePriceFeed({
  symbol,
  report,
}: {
  symbol: string;
  report: (symbol: string, quote: LivePrice) => void;
}) {
  const quote = useLiveQuote(symbol, null);
  useEffect(() => {
    if (quote) report(symbol, { price: quote.price, change: quote.change, asOf: quote.asOf });
  }, [quote, symbol, report]);
  return null;
}

/** One live subscription per distinct symbol; renders nothing. */
export function LivePriceFeeds({
  symbols,
  report,
}: {
  symbols: readonly string[];
  report: (symbol: string, quote: LivePrice) => void;
}) {
  return (
    <>
      {[...new Set(symbols)].map((symbol) => (
        <LivePriceFeed key={symbol} symbol={symbol} report={report} />
      ))}
    </>
  );
}
