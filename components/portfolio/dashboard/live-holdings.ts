import { dec, decString, ratio, type Dec } from './decimal';
import type { HoldingDto, SummaryDto } from './types';

/** The latest traded price of a symbol from its live ticks (see use-live-prices). */
export type LivePrice = {
  price: number;
  /** Change against the previous close, as the tick reports it (null when unknown). */
  change: number | null;
  /** Epoch ms of the tick. */
  asOf: number;
};

/** A holdings row as shown: the server's row with the live price applied. */
export type HoldingView = HoldingDto & {
  /** Unique per row: a symbol may be held in more than one account. */
  key: string;
  /** True once a live tick has replaced the server's price. */
  live: boolean;
};

export function holdingKey(row: Pick<HoldingDto, 'accountId' | 'symbol'>): string {
  return `${row.accountId}:${row.symbol}`;
}

/**
 * Instrument currency → display currency, as the server applied it: the row's own display value
 * over its local value (exact for the server's rate), 1 for a holding in the display currency.
 */
function displayRate(row: HoldingDto): Dec | null {
  if (row.currency === row.displayCurrency) return dec(1);
  const local = dec(row.marketValueLocal);
  return local.isZero() ? null : dec(row.marketValue).div(local);
}

/**
 * The row re-valued at a live price, in decimal arithmetic: market value = quantity × price, day
 * change = quantity × (price − previous close), unrealized P&L = market value − cost basis, all
 * translated at the server's rate. Weight needs the live total, so `liveHoldings` sets it.
 */
export function liveHolding(row: HoldingDto, quote: LivePrice | undefined): HoldingView {
  const key = holdingKey(row);
  const rate = displayRate(row);
  if (!quote || rate === null) return { ...row, key, live: false };
  const price = dec(quote.price);
  const quantity = dec(row.quantity);
  const localValue = quantity.times(price);
  const marketValue = localValue.times(rate);
  // The tick's own change is the freshest previous close; the server's is the fallback.
  const previousClose =
    quote.change !== null
      ? price.minus(dec(quote.change))
      : row.previousClose !== null
        ? dec(row.previousClose)
        : null;
  const dayChange = previousClose ? quantity.times(price.minus(previousClose)).times(rate) : null;
  const unrealized = marketValue.minus(dec(row.costBasis));
  return {
    ...row,
    key,
    live: true,
    price: decString(price),
    previousClose: previousClose ? decString(previousClose) : null,
    marketValueLocal: decString(localValue),
    marketValue: decString(marketValue),
    dayChange: dayChange ? decString(dayChange) : null,
    dayChangeRate: previousClose ? ratio(price.minus(previousClose), previousClose) : null,
    unrealizedPnl: decString(unrealized),
    unrealizedReturnRate: ratio(unrealized, dec(row.costBasis)),
  };
}

function sum(values: Dec[]): Dec {
  return values.reduce((total, value) => total.plus(value), dec(0));
}

/** How far the live rows moved market value and day change from the server's rows. */
export function liveDeltas(
  rows: readonly HoldingDto[],
  views: readonly HoldingView[],
): { marketValue: Dec; dayChange: Dec } {
  const pairs = rows.map((row, index) => [row, views[index]!] as const);
  return {
    marketValue: sum(pairs.map(([row, view]) => dec(view.marketValue).minus(row.marketValue))),
    dayChange: sum(
      pairs.map(([row, view]) =>
        row.dayChange !== null && view.dayChange !== null
          ? dec(view.dayChange).minus(row.dayChange)
          : dec(0),
      ),
    ),
  };
}

/**
 * Every row at its live price, with weights over the live total assets (`totalValue`, the
 * summary of the same scope, moved by the rows' live deltas). Without a total the server's
 * weights stay.
 */
export function liveHoldings(
  rows: readonly HoldingDto[],
  quotes: ReadonlyMap<string, LivePrice>,
  totalValue: string | null,
): HoldingView[] {
  const views = rows.map((row) => liveHolding(row, quotes.get(row.symbol)));
  if (totalValue === null) return views;
  const total = dec(totalValue).plus(liveDeltas(rows, views).marketValue);
  return views.map((view) =>
    view.live ? { ...view, weight: ratio(dec(view.marketValue), total) } : view,
  );
}

/** The summary figures that move with prices, live. */
export type LiveSummary = Pick<
  SummaryDto,
  | 'totalValue'
  | 'marketValue'
  | 'dayChange'
  | 'dayChangeRate'
  | 'unrealizedPnl'
  | 'unrealizedReturnRate'
  | 'totalReturn'
>;

/**
 * The summary moved by the holdings' live deltas (same scope). Cash, contributions and cost
 * basis do not move with prices, so the rates are recomputed over the same denominators.
 */
export function liveSummary(
  summary: SummaryDto,
  rows: readonly HoldingDto[],
  views: readonly HoldingView[],
): LiveSummary {
  const delta = liveDeltas(rows, views);
  const totalValue = dec(summary.totalValue).plus(delta.marketValue);
  const unrealized = dec(summary.unrealizedPnl).plus(delta.marketValue);
  const dayChange =
    summary.dayChange === null ? null : dec(summary.dayChange).plus(delta.dayChange);
  const returnAmount = dec(summary.totalReturn.amount).plus(delta.marketValue);
  const returnBase =
    summary.totalReturn.method === 'simple' ? dec(summary.invested) : dec(summary.costBasis);
  return {
    totalValue: decString(totalValue),
    marketValue: decString(dec(summary.marketValue).plus(delta.marketValue)),
    dayChange: dayChange ? decString(dayChange) : null,
    dayChangeRate: dayChange ? ratio(dayChange, totalValue.minus(dayChange)) : null,
    unrealizedPnl: decString(unrealized),
    unrealizedReturnRate: ratio(unrealized, dec(summary.costBasis)),
    totalReturn: {
      ...summary.totalReturn,
      amount: decString(returnAmount),
      rate: ratio(returnAmount, returnBase),
    },
  };
}
