import { priceDirection, type PriceDirection } from './price-colors';
import type { TickMessage } from './tick-message';

/** What the stock header shows: the quote as of the latest tick. */
export type LiveQuote = {
  symbol: string;
  currency: string;
  price: number;
  change: number | null;
  changePercent: number | null;
  open: number | null;
  high: number | null;
  low: number | null;
  previousClose: number | null;
  volume: number | null;
  /** Epoch ms of the latest price. */
  asOf: number;
  /** Which way the last tick moved the price (flat for the first quote). */
  lastMove: PriceDirection;
};

/**
 * A starting quote: stocks.get's `quote`, or a lighter row (a market-overview row has no open or
 * previous close) with the session fields left out.
 */
export type QuoteLike = Pick<
  LiveQuote,
  'symbol' | 'currency' | 'price' | 'change' | 'changePercent' | 'asOf'
> &
  Partial<Pick<LiveQuote, 'open' | 'high' | 'low' | 'previousClose' | 'volume'>>;

export function liveQuoteFrom(quote: QuoteLike | null | undefined): LiveQuote | null {
  if (!quote) return null;
  return {
    symbol: quote.symbol,
    currency: quote.currency,
    price: quote.price,
    change: quote.change,
    changePercent: quote.changePercent,
    open: quote.open ?? null,
    high: quote.high ?? null,
    low: quote.low ?? null,
    previousClose: quote.previousClose ?? null,
    volume: quote.volume ?? null,
    asOf: quote.asOf,
    lastMove: 'flat',
  };
}

/**
 * The quote after a tick. Ticks for another symbol, or older than what is shown (a late message
 * after a refetch), leave it unchanged (same object, so React skips the render). Fields the tick
 * lacks keep their previous values.
 */
export function applyTick(current: LiveQuote | null, tick: TickMessage): LiveQuote | null {
  if (current && (tick.symbol !== current.symbol || tick.time < current.asOf)) return current;
  if (!current) {
    return {
      symbol: tick.symbol,
      currency: tick.currency,
      price: tick.price,
      change: tick.change,
      changePercent: tick.changePercent,
      open: null,
      high: tick.high,
      low: tick.low,
      previousClose: tick.change === null ? null : tick.price - tick.change,
      volume: tick.volume,
      asOf: tick.time,
      lastMove: 'flat',
    };
  }
  return {
    ...current,
    price: tick.price,
    change: tick.change ?? current.change,
    changePercent: tick.changePercent ?? current.changePercent,
    high: tick.high ?? current.high,
    low: tick.low ?? current.low,
    volume: tick.volume ?? current.volume,
    asOf: tick.time,
    lastMove:
      tick.price === current.price ? current.lastMove : priceDirection(tick.price - current.price),
  };
}
