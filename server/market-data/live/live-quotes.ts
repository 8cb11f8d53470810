import type { Currency, ProviderId, Quote, Tick } from '../types';

/**
 * The running session state per symbol (open, high, low, volume, last), advanced by each tick.
 * Seeded from a provider quote so change and change % are against the previous close.
 */
export function createLiveQuotes() {
  const quotes = new Map<string, Quote>();

  return {
    seed(quote: Quote): void {
      quotes.set(quote.symbol, { ...quote });
    },
    has(symbol: string): boolean {
      return quotes.has(symbol);
    },
    /** Apply a tick; returns the updated quote, or undefined when the symbol was never seeded. */
    apply(tick: Tick, provider: ProviderId, tradingDay: string): Quote | undefined {
      const quote = quotes.get(tick.symbol);
      if (!quote) return undefined;
      if (quote.tradingDay !== tradingDay) {
        // A new session: yesterday's last price becomes the previous close.
        quote.previousClose = quote.price;
        quote.open = tick.price;
        quote.high = tick.price;
        quote.low = tick.price;
        quote.volume = 0;
        quote.tradingDay = tradingDay;
      }
      quote.price = tick.price;
      quote.open ??= tick.price;
      quote.high = Math.max(quote.high ?? tick.price, tick.price);
      quote.low = Math.min(quote.low ?? tick.price, tick.price);
      quote.volume = tick.cumulativeVolume ?? (quote.volume ?? 0) + tick.size;
      if (quote.previousClose !== null) {
        quote.change = tick.change ?? tick.price - quote.previousClose;
        quote.changePercent =
          tick.changePercent ??
          (quote.previousClose === 0 ? null : (quote.change / quote.previousClose) * 100);
      }
      quote.asOf = tick.time;
      quote.provider = provider;
      return quote;
    },
    get(symbol: string): Quote | undefined {
      const quote = quotes.get(symbol);
      return quote ? { ...quote } : undefined;
    },
    all(): Quote[] {
      return [...quotes.values()].map((quote) => ({ ...quote }));
    },
    currencyOf(symbol: string): Currency | undefined {
      return quotes.get(symbol)?.currency;
    },
  };
}

export type LiveQuotes = ReturnType<typeof createLiveQuotes>;
