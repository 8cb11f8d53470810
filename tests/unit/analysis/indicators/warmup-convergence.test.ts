import { describe, expect, it } from 'vitest';
import { sliceBarSeries } from '@/server/analysis/bars';
import { getIndicator, indicatorNames } from '@/server/analysis/indicators/registry';
import { samsungDaily } from './fixture';

const series = samsungDaily();

function lastValues(name: string, bars: number): Record<string, number> {
  const definition = getIndicator(name);
  const params = definition.params.parse({});
  const lines = definition.compute(sliceBarSeries(series, series.length - bars), params);
  return Object.fromEntries(Object.entries(lines).map(([line, values]) => [line, values.at(-1)!]));
}

describe('declared warm-up', () => {
  it.each(indicatorNames)('%s: every line has a value exactly from warmup(params) on', (name) => {
    const definition = getIndicator(name);
    const params = definition.params.parse({});
    const lines = Object.values(definition.compute(series, params));
    const allValid = (i: number) => lines.every((values) => Number.isFinite(values[i]!));
    const firstValid = Array.from({ length: series.length }, (_, i) => i).find(allValid);
    expect(firstValid).toBe(definition.warmup(params));
    // No gaps after the warm-up either.
    for (let i = firstValid!; i < series.length; i++) expect(allValid(i)).toBe(true);
  });
});

describe('N vs 2N bars: the last value is independent of the start once N ≥ stableBars', () => {
  const finite = indicatorNames.filter((name) => {
    const definition = getIndicator(name);
    return Number.isFinite(definition.stableBars(definition.params.parse({})));
  });

  it.each(finite)('%s', (name) => {
    const definition = getIndicator(name);
    const n = definition.stableBars(definition.params.parse({}));
    expect(2 * n).toBeLessThanOrEqual(series.length);
    const short = lastValues(name, n);
    const long = lastValues(name, 2 * n);
    for (const [line, value] of Object.entries(long)) {
      expect(Number.isFinite(short[line]!), `${line} has a value after ${n} bars`).toBe(true);
      expect(Math.abs(short[line]! - value)).toBeLessThanOrEqual(
        1e-6 * Math.max(1, Math.abs(value)),
      );
    }
  });

  it.each(['ema', 'rsi', 'macd', 'atr', 'adx', 'keltner'])(
    '%s still depends on the start just after warm-up (the check has teeth)',
    (name) => {
      const definition = getIndicator(name);
      const warm = definition.warmup(definition.params.parse({})) + 5;
      const short = lastValues(name, warm);
      const long = lastValues(name, series.length);
      const differs = Object.keys(long).some(
        (line) => Math.abs(short[line]! - long[line]!) > 1e-6 * Math.max(1, Math.abs(long[line]!)),
      );
      expect(differs).toBe(true);
    },
  );

  it('cumulative/path-dependent indicators say so (stableBars = Infinity)', () => {
    for (const name of ['obv', 'vwap', 'psar'] as const) {
      const definition = getIndicator(name);
      expect(definition.stableBars(definition.params.parse({}))).toBe(Infinity);
    }
  });

  it('OBV from a later start differs only by a constant offset', () => {
    const full = getIndicator('obv').compute(series, {}).obv!;
    const start = 500;
    const tail = getIndicator('obv').compute(sliceBarSeries(series, start), {}).obv!;
    const offset = full[start]! - tail[0]!;
    for (let i = 0; i < tail.length; i++) expect(full[start + i]! - tail[i]!).toBe(offset);
  });
});
