import type { BarSeries } from '@/server/analysis/bars';
import type { IndicatorContext } from '@/server/analysis/strategies/context';
import { evaluateSignals } from '@/server/analysis/strategies/registry';
import { addDays } from '@/server/portfolio/calc-dates';
import type { ReportEngineSignal } from './content';
import type { HeldSymbol } from './positions';

/**
 * A latest bar older than this (calendar days before the report date) is not "today's" call: the
 * symbol stopped trading or its data stopped updating. A week covers weekends and long holidays.
 */
export const STALE_BAR_DAYS = 7;

/**
 * Every strategy's BUY or SELL on the latest daily bar of each held symbol, with its reason.
 * `contexts` shares indicator arrays with the accuracy evaluation over the same series.
 */
export function engineSignals(
  held: readonly HeldSymbol[],
  series: ReadonlyMap<string, BarSeries>,
  contexts: ReadonlyMap<string, IndicatorContext>,
  reportDate: string,
): ReportEngineSignal[] {
  const oldest = addDays(reportDate, -STALE_BAR_DAYS);
  const out: ReportEngineSignal[] = [];
  for (const h of [...held].sort((a, b) => a.symbol.localeCompare(b.symbol))) {
    const bars = series.get(h.symbol);
    if (!bars || bars.length === 0 || bars.dates[bars.length - 1]! < oldest) continue;
    const evaluated = evaluateSignals(bars, { context: contexts.get(h.symbol) });
    for (const s of evaluated.signals) {
      if (s.action === 'HOLD') continue;
      out.push({
        symbol: h.symbol,
        name: h.name,
        nameKo: h.nameKo,
        barDate: s.date,
        strategy: s.id,
        strategyName: s.name,
        action: s.action,
        confidence: s.confidence,
        reasonKey: s.reasonKey,
        reasonParams: s.reasonParams,
        reason: s.reason,
      });
    }
  }
  return out;
}
