import type { HistoryDto } from '@/server/portfolio/analytics-performance';
import type { SummaryDto } from '@/server/portfolio/analytics-dto';
import { rateOf, toDecimal } from '@/server/portfolio/money';
import type { DailyReportContent, Money } from './content';

export type PreviousValue = { basis: 'report' | 'snapshot'; date: string; value: Money };

/**
 * What "since previous" compares with: the user's previous report when it was in the same
 * currency, else the last daily snapshot before the valuation date. Null when neither exists.
 */
export function previousValue(
  currency: Money['currency'],
  asOf: string,
  previousReport: { date: string; content: DailyReportContent } | null,
  history: Pick<HistoryDto, 'currency' | 'points'>,
): PreviousValue | null {
  const reported = previousReport?.content.portfolio.totalValue;
  if (previousReport && reported?.currency === currency) {
    return { basis: 'report', date: previousReport.date, value: reported };
  }
  if (history.currency !== currency) return null;
  const before = history.points.filter((p) => p.date < asOf).at(-1);
  return before
    ? { basis: 'snapshot', date: before.date, value: { amount: before.value, currency } }
    : null;
}

export function portfolioFigures(
  summary: SummaryDto,
  holdings: number,
  previous: PreviousValue | null,
): DailyReportContent['portfolio'] {
  const currency = summary.currency;
  const total = toDecimal(summary.totalValue);
  let sincePrevious: DailyReportContent['portfolio']['sincePrevious'] = null;
  if (previous) {
    const before = toDecimal(previous.value.amount);
    const change = total.minus(before);
    sincePrevious = {
      basis: previous.basis,
      date: previous.date,
      previousValue: previous.value,
      change: { amount: change.toFixed(), currency },
      rate: rateOf(change, before),
    };
  }
  return {
    totalValue: { amount: summary.totalValue, currency },
    dayChange: summary.dayChange === null ? null : { amount: summary.dayChange, currency },
    dayChangeRate: summary.dayChangeRate,
    sincePrevious,
    accounts: summary.accounts,
    holdings,
  };
}
