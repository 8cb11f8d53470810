'use client';

import { useState } from 'react';
import { useRealtimeEvent } from '@/components/providers/realtime-provider';
import { stockChannel } from '@/server/realtime/channels';
import { applyTick, liveQuoteFrom, type LiveQuote, type QuoteLike } from './live-quote';
import { parseTickMessage } from './tick-message';

export type { LiveQuote } from './live-quote';

/**
 * A symbol's quote kept current by every `tick` on its stock channel. Starts from `initialQuote`
 * (e.g. stocks.get's quote or a market-overview row) and adopts a newer one when the caller
 * refetches; null until either a quote or the first tick exists.
 */
export function useLiveQuote(symbol: string, initialQuote: QuoteLike | null): LiveQuote | null {
  const [state, setState] = useState(() => ({
    base: initialQuote,
    quote: liveQuoteFrom(initialQuote),
  }));
  let current = state;
  // A new initial quote from the caller (refetch, other symbol) replaces ours when it is newer.
  if (initialQuote !== state.base) {
    const keep =
      state.quote !== null &&
      initialQuote !== null &&
      state.quote.symbol === initialQuote.symbol &&
      state.quote.asOf > initialQuote.asOf;
    current = { base: initialQuote, quote: keep ? state.quote : liveQuoteFrom(initialQuote) };
    setState(current);
  }

  useRealtimeEvent(stockChannel(symbol), 'tick', (payload) => {
    const tick = parseTickMessage(payload);
    if (!tick || tick.symbol !== symbol.toUpperCase()) return;
    setState((previous) => {
      const quote = applyTick(previous.quote, tick);
      return quote === previous.quote ? previous : { ...previous, quote };
    });
  });

  return current.quote;
}
