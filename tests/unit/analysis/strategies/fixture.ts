import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BarSeries } from '@/server/analysis/bars';
import { parseOhlcvCsv } from '@/server/analysis/csv';

/** SPY daily 2019–2021 (757 bars), see tests/fixtures/analysis/backtest/SOURCES.md. */
export function loadSpy(): BarSeries {
  const file = path.resolve(
    import.meta.dirname,
    '../../../fixtures/analysis/backtest/SPY-2019-2021.csv',
  );
  return parseOhlcvCsv(readFileSync(file, 'utf8'), 'SPY-2019-2021.csv');
}
