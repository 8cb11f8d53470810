import { barSeriesFrom, type BarSeries } from '@/server/analysis/bars';
import {
  periodStartDate,
  type ChartInterval,
  type ChartPeriod,
} from '@/server/market-data/chart-range';
import type { ChartBar, MarketDataService } from '@/server/market-data/service';

export type LoadedSeries = {
  symbol: string;
  currency: string;
  series: BarSeries;
  /** The chart's own time keys (YYYY-MM-DD, or epoch ms for intraday), aligned to `series`. */
  times: (string | number)[];
  /** First simulated bar's date (demo history filled up to today), null when all are real. */
  simulatedFrom: string | null;
};

function toSeries(bars: readonly ChartBar[]): BarSeries {
  return barSeriesFrom(
    bars.map((bar) => ({
      // Intraday bars carry epoch ms; the engine labels bars with strings.
      date: typeof bar.time === 'number' ? new Date(bar.time).toISOString() : bar.time,
      open: bar.open,
      high: bar.high,
      low: bar.low,
      close: bar.close,
      volume: bar.volume,
    })),
  );
}

/**
 * Bars for analysis through the market-data service (which refreshes stale data from the
 * provider). Daily and weekly series load the whole stored history so indicators are warmed up
 * at the start of the shown period; intraday uses the period's sessions only.
 */
export async function loadSeries(
  marketData: MarketDataService,
  symbol: string,
  interval: ChartInterval,
  period: ChartPeriod = 'max',
): Promise<LoadedSeries> {
  const chart = await marketData.chart({
    symbol,
    interval,
    period: interval === 'intraday' ? period : 'max',
  });
  const simulated = chart.bars.find((bar) => bar.simulated && typeof bar.time === 'string');
  return {
    symbol: chart.symbol,
    currency: chart.currency,
    series: toSeries(chart.bars),
    times: chart.bars.map((bar) => bar.time),
    simulatedFrom: simulated ? String(simulated.time) : null,
  };
}

/** Index of the first bar shown for `period` (0 for intraday, whose load is already the period). */
export function periodStartIndex(
  loaded: LoadedSeries,
  interval: ChartInterval,
  period: ChartPeriod,
): number {
  if (interval === 'intraday' || loaded.series.length === 0) return 0;
  const from = periodStartDate(period, loaded.series.dates[loaded.series.length - 1]!);
  if (from === null) return 0;
  const index = loaded.series.dates.findIndex((date) => date >= from);
  return index < 0 ? loaded.series.length : index;
}
