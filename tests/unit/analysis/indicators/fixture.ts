import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BarSeries } from '@/server/analysis/bars';
import { parseOhlcvCsv } from '@/server/analysis/csv';

const root = path.resolve(import.meta.dirname, '../../../fixtures/analysis');

/** 1,120 real daily bars of 005930.KS (2017-09 … 2022-03), quirks included (see SOURCES.md). */
export function samsungDaily(): BarSeries {
  const file = path.join(root, '005930.KS-2017-2022.csv');
  return parseOhlcvCsv(readFileSync(file, 'utf8'), file);
}

/** Relative closeness that treats NaN = NaN (warm-up) as equal. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  label: string,
  tolerance = 1e-9,
): void {
  if (actual.length !== expected.length) {
    throw new Error(`${label}: length ${actual.length} ≠ ${expected.length}`);
  }
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(a) || Number.isNaN(e)) {
      if (Number.isNaN(a) !== Number.isNaN(e)) throw new Error(`${label}[${i}]: ${a} vs ${e}`);
      continue;
    }
    if (Math.abs(a - e) > tolerance * Math.max(1, Math.abs(e))) {
      throw new Error(`${label}[${i}]: ${a} vs ${e} (|diff| ${Math.abs(a - e)})`);
    }
  }
}
