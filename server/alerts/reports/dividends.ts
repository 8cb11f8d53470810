import type { CompanyOverview } from '@/server/market-data/types';
import { addDays } from '@/server/portfolio/calc-dates';
import { toDecimal } from '@/server/portfolio/money';
import type { DailyReportContent, ReportDividend } from './content';
import type { HeldSymbol } from './positions';

export const DIVIDEND_HORIZON_DAYS = 60;

const within = (date: string | null, from: string, to: string) =>
  date !== null && date >= from && date <= to;

/**
 * Held symbols whose ex-dividend or payment date (from the stored company overview) falls between
 * the report date and DIVIDEND_HORIZON_DAYS later, soonest first. "unknown" when there is none:
 * providers often omit these dates, so an empty list does not mean no dividend is coming.
 */
export function upcomingDividends(
  held: readonly HeldSymbol[],
  overviews: ReadonlyMap<string, CompanyOverview>,
  reportDate: string,
): DailyReportContent['dividends'] {
  const until = addDays(reportDate, DIVIDEND_HORIZON_DAYS);
  const items: ReportDividend[] = [];
  for (const h of held) {
    const overview = overviews.get(h.symbol);
    if (!overview) continue;
    const { exDividendDate, dividendDate } = overview;
    if (!within(exDividendDate, reportDate, until) && !within(dividendDate, reportDate, until)) {
      continue;
    }
    const perShare = overview.metrics.dividendPerShare;
    items.push({
      symbol: h.symbol,
      name: h.name,
      nameKo: h.nameKo,
      exDividendDate,
      paymentDate: dividendDate,
      dividendPerShare:
        perShare === null || perShare === undefined
          ? null
          : { amount: toDecimal(perShare).toFixed(), currency: overview.currency },
      quantity: h.quantity,
    });
  }
  const firstDate = (d: ReportDividend) =>
    [d.exDividendDate, d.paymentDate]
      .filter((date): date is string => within(date, reportDate, until))
      .sort()[0]!;
  items.sort(
    (a, b) => firstDate(a).localeCompare(firstDate(b)) || a.symbol.localeCompare(b.symbol),
  );
  return {
    status: items.length > 0 ? 'known' : 'unknown',
    horizonDays: DIVIDEND_HORIZON_DAYS,
    items,
  };
}
