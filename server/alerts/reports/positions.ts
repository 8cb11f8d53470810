import type { HoldingDto } from '@/server/portfolio/analytics-dto';
import { toDecimal } from '@/server/portfolio/money';
import type { Currency } from '@/server/portfolio/types';
import type { ReportMover } from './content';

/** One held symbol across the user's accounts (the analytics service lists one row per account). */
export interface HeldSymbol {
  symbol: string;
  name: string;
  nameKo: string | null;
  currency: Currency;
  quantity: string;
  price: string | null;
  dayChangeRate: number | null;
  /** In the display currency; null when no account's row has a previous close. */
  dayChange: string | null;
  displayCurrency: Currency;
}

export function heldSymbols(holdings: readonly HoldingDto[]): HeldSymbol[] {
  const bySymbol = new Map<string, HeldSymbol>();
  for (const h of holdings) {
    const seen = bySymbol.get(h.symbol);
    if (!seen) {
      bySymbol.set(h.symbol, {
        symbol: h.symbol,
        name: h.name,
        nameKo: h.nameKo,
        currency: h.currency,
        quantity: h.quantity,
        price: h.price,
        dayChangeRate: h.dayChangeRate,
        dayChange: h.dayChange,
        displayCurrency: h.displayCurrency,
      });
      continue;
    }
    seen.quantity = toDecimal(seen.quantity).plus(toDecimal(h.quantity)).toFixed();
    seen.price ??= h.price;
    seen.dayChangeRate ??= h.dayChangeRate;
    if (h.dayChange !== null) {
      seen.dayChange = toDecimal(seen.dayChange ?? 0)
        .plus(toDecimal(h.dayChange))
        .toFixed();
    }
  }
  return [...bySymbol.values()];
}

function moverOf(h: HeldSymbol & { dayChangeRate: number }): ReportMover {
  return {
    symbol: h.symbol,
    name: h.name,
    nameKo: h.nameKo,
    price: h.price === null ? null : { amount: h.price, currency: h.currency },
    dayChangeRate: h.dayChangeRate,
    dayChange: h.dayChange === null ? null : { amount: h.dayChange, currency: h.displayCurrency },
  };
}

/**
 * The day's best (rose most) and worst (fell most) held symbols by day change rate, `count` each.
 * A holding that did not rise is never "best" and one that did not fall never "worst", so one
 * symbol cannot appear in both lists; symbols without a previous close are left out.
 */
export function dayMovers(
  held: readonly HeldSymbol[],
  count = 3,
): { best: ReportMover[]; worst: ReportMover[] } {
  const rated = held.filter(
    (h): h is HeldSymbol & { dayChangeRate: number } => h.dayChangeRate !== null,
  );
  const bySymbol = (a: HeldSymbol, b: HeldSymbol) => a.symbol.localeCompare(b.symbol);
  const best = rated
    .filter((h) => h.dayChangeRate > 0)
    .sort((a, b) => b.dayChangeRate - a.dayChangeRate || bySymbol(a, b))
    .slice(0, count);
  const worst = rated
    .filter((h) => h.dayChangeRate < 0)
    .sort((a, b) => a.dayChangeRate - b.dayChangeRate || bySymbol(a, b))
    .slice(0, count);
  return { best: best.map(moverOf), worst: worst.map(moverOf) };
}
