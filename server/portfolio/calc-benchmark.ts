/**
 * Benchmark comparison (KOSPI ^KS11, S&P 500 ^GSPC …) over the same range as the portfolio. The
 * benchmark return is close(end) / close(base) − 1 using the last close on or before each date
 * (ranges start and end on non-trading days too). A range without any close inside it is
 * `no-data` rather than 0%, so stale benchmark data shows.
 */
import { toDecimal, type DecimalInput } from './money';
import type { ResolvedRange } from './calc-ranges';
import type { IndexPoint } from './calc-risk';

export interface PricePoint {
  date: string;
  close: DecimalInput;
}

export type BenchmarkReturn =
  | {
      ok: true;
      rate: number;
      /** Date of the close used as the start (on or before base; see `startAdjusted`). */
      startDate: string;
      endDate: string;
      /** True when no close exists on or before base and the first close in range was used. */
      startAdjusted: boolean;
      /** Closes from the start to the end rebased to 1 at the start. */
      index: { date: string; value: number }[];
    }
  | { ok: false; reason: 'no-data'; message: string };

/** Closes must be sorted by date. */
export function benchmarkReturn(
  prices: readonly PricePoint[],
  range: ResolvedRange,
): BenchmarkReturn {
  let startIndex = -1;
  let endIndex = -1;
  prices.forEach((p, i) => {
    if (p.date <= range.base) startIndex = i;
    if (p.date <= range.end) endIndex = i;
  });
  let startAdjusted = false;
  if (startIndex < 0) {
    startIndex = prices.findIndex((p) => p.date >= range.start && p.date <= range.end);
    startAdjusted = true;
  }
  // At least one close inside the range: stale data must not read as a flat 0%.
  if (startIndex < 0 || endIndex < startIndex || prices[endIndex]!.date < range.start) {
    return { ok: false, reason: 'no-data', message: 'no benchmark closes in the range' };
  }
  const startClose = toDecimal(prices[startIndex]!.close, 'close');
  if (!startClose.gt(0)) {
    return { ok: false, reason: 'no-data', message: 'benchmark start close is not positive' };
  }
  const index = prices.slice(startIndex, endIndex + 1).map((p) => ({
    date: p.date,
    value: toDecimal(p.close, 'close').div(startClose).toNumber(),
  }));
  return {
    ok: true,
    rate: toDecimal(prices[endIndex]!.close, 'close').div(startClose).minus(1).toNumber(),
    startDate: prices[startIndex]!.date,
    endDate: prices[endIndex]!.date,
    startAdjusted,
    index,
  };
}

export interface BenchmarkComparison {
  portfolioReturn: number | null;
  benchmarkReturn: number | null;
  /** portfolioReturn − benchmarkReturn when both exist. */
  excessReturn: number | null;
  /** Cumulative return of each since base on every date either has, carried forward. */
  series: { date: string; portfolio: number | null; benchmark: number | null }[];
}

/**
 * Compares a portfolio growth index (1 before its history starts, like
 * `timeWeightedReturn().index`) with a benchmark's closes over one range. Both are rebased to 0%
 * at the range's base; the portfolio's base value is its last point on or before base, or 1 when
 * its history starts inside the range.
 */
export function compareWithBenchmark(
  portfolioIndex: readonly IndexPoint[],
  benchmarkPrices: readonly PricePoint[],
  range: ResolvedRange,
): BenchmarkComparison {
  const value = (p: IndexPoint) => toDecimal(p.value, 'value').toNumber();
  let portfolioBase = 1;
  for (const p of portfolioIndex) if (p.date <= range.base) portfolioBase = value(p);
  const inRange = portfolioIndex.filter((p) => p.date >= range.start && p.date <= range.end);
  const bench = benchmarkReturn(benchmarkPrices, range);
  const benchByDate = new Map(
    bench.ok
      ? bench.index.filter((p) => p.date >= range.start).map((p) => [p.date, p.value - 1])
      : [],
  );
  const portfolioByDate = new Map(inRange.map((p) => [p.date, value(p) / portfolioBase - 1]));
  const dates = [...new Set([...portfolioByDate.keys(), ...benchByDate.keys()])].sort();
  let lastPortfolio: number | null = null;
  let lastBenchmark: number | null = null;
  const series = dates.map((date) => {
    lastPortfolio = portfolioByDate.get(date) ?? lastPortfolio;
    lastBenchmark = benchByDate.get(date) ?? lastBenchmark;
    return { date, portfolio: lastPortfolio, benchmark: lastBenchmark };
  });
  const portfolioReturn = inRange.length > 0 ? value(inRange.at(-1)!) / portfolioBase - 1 : null;
  const benchmarkReturnRate = bench.ok ? bench.rate : null;
  return {
    portfolioReturn,
    benchmarkReturn: benchmarkReturnRate,
    excessReturn:
      portfolioReturn !== null && benchmarkReturnRate !== null
        ? portfolioReturn - benchmarkReturnRate
        : null,
    series,
  };
}
