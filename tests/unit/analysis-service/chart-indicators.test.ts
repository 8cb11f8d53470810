import { describe, expect, it } from 'vitest';
import { barSeriesFrom, type OhlcvBar } from '@/server/analysis/bars';
import { computeIndicator } from '@/server/analysis/indicators/registry';
import { chartIndicators } from '@/server/analysis-service/chart-indicators';
import type { LoadedSeries } from '@/server/analysis-service/load-series';
import { liveLines, windowBars } from '@/components/analysis/technical/live-lines';

/** 400 deterministic daily bars (a wave with drift), 2024-01-01 to 2025-02-03. */
function bars(count = 400): OhlcvBar[] {
  const out: OhlcvBar[] = [];
  for (let i = 0; i < count; i++) {
    const close = 100 + i * 0.05 + 8 * Math.sin(i / 9) + 3 * Math.cos(i / 3.7);
    const date = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    out.push({
      date,
      open: close - 0.4 * Math.sin(i),
      high: close + 1 + Math.abs(Math.sin(i / 2)),
      low: close - 1 - Math.abs(Math.cos(i / 2)),
      close,
      volume: 1_000 + 300 * Math.abs(Math.sin(i / 5)),
    });
  }
  return out;
}

function loaded(list: OhlcvBar[]): LoadedSeries {
  return {
    symbol: 'TEST',
    currency: 'USD',
    series: barSeriesFrom(list),
    times: list.map((bar) => bar.date),
    simulatedFrom: null,
  };
}

const requests = [
  { name: 'sma', params: { period: 20 } },
  { name: 'rsi', params: { period: 14 } },
  { name: 'macd', params: {} },
  { name: 'obv', params: {} },
];

describe('chart indicators', () => {
  it('aligns the lines to the shown period and computes them on the whole history', () => {
    const list = bars();
    const result = chartIndicators(loaded(list), requests, 'daily', '3m');
    const start = list.findIndex((bar) => bar.date >= '2024-11-03');
    expect(result.times[0]).toBe(list[start]!.date);
    const full = computeIndicator('rsi', barSeriesFrom(list), { period: 14 }).lines.rsi!;
    const rsi = result.indicators[1]!.lines.rsi!;
    expect(rsi).toHaveLength(result.times.length);
    expect(rsi[0]).toBe(full[start]);
    expect(rsi.at(-1)).toBe(full.at(-1));
    expect(result.recent.close).toHaveLength(result.recent.tailLength + result.times.length);
  });

  it('turns the warm-up into nulls when the period starts at the first bar', () => {
    const result = chartIndicators(loaded(bars()), requests, 'daily', 'max');
    const sma = result.indicators[0]!.lines.sma!;
    expect(sma.slice(0, 19)).toEqual(new Array(19).fill(null));
    expect(sma[19]).not.toBeNull();
  });
});

describe('live recomputation in the browser', () => {
  it('gives the live bar the value a full recomputation gives, OBV included', () => {
    const list = bars();
    const data = chartIndicators(loaded(list), requests, 'daily', '6m');
    // A tick moves today's close and widens its range; then a new day opens.
    const window = windowBars(data as never);
    const last = window.at(-1)!;
    const ticked = [
      ...window.slice(0, -1),
      { ...last, close: last.close + 2.5, high: last.high + 2 },
    ];
    const next = [
      ...ticked,
      { ...last, time: '2025-02-05', open: 110, high: 112, low: 109, close: 111, volume: 900 },
    ];
    const fullList = [
      ...list.slice(0, -1),
      { ...list.at(-1)!, close: last.close + 2.5, high: last.high + 2 },
      { date: '2025-02-05', open: 110, high: 112, low: 109, close: 111, volume: 900 },
    ];
    const full = barSeriesFrom(fullList);

    const afterTick = liveLines(data as never, ticked);
    const afterNewBar = liveLines(data as never, next);
    requests.forEach((request, k) => {
      const expected = computeIndicator(request.name, full, request.params).lines;
      for (const [line, values] of Object.entries(afterNewBar[k]!)) {
        const want = expected[line]!;
        expect(values).toHaveLength(window.length + 1);
        expect(values.at(-1)!, `${request.name}.${line}`).toBeCloseTo(want.at(-1)!, 8);
        expect(values.at(-2)!, `${request.name}.${line}`).toBeCloseTo(want.at(-2)!, 8);
        // Bars before the live one keep the server's values.
        expect(values.at(-3)).toBe(data.indicators[k]!.lines[line]!.at(-2));
      }
      expect(afterTick[k]![Object.keys(expected)[0]!]).toHaveLength(window.length);
    });
  });
});
