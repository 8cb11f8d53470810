import { beforeAll, describe, expect, it } from 'vitest';
import {
  demoInstruments,
  loadDemoHistory,
  type DemoInstrument,
} from '@/server/market-data/providers/demo/dataset';
import { simulateDailyBars } from '@/server/market-data/providers/demo/daily-sim';
import { instrumentStats } from '@/server/market-data/providers/demo/stats';
import { isOnTick } from '@/server/market-data/tick-size';
import type { Bar } from '@/server/market-data/types';

let history: ReadonlyMap<string, readonly Bar[]>;

beforeAll(async () => {
  history = await loadDemoHistory();
});

/** Weekdays after `after`, as simulated trading days. */
function weekdays(after: string, count: number): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${after}T00:00:00Z`) + 86_400_000;
    days.length < count;
    t += 86_400_000
  ) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

const std = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};

function simulate(symbol: string, days: number, seed = 1) {
  const instrument = demoInstruments().get(symbol) as DemoInstrument;
  const real = history.get(symbol) as readonly Bar[];
  const stats = instrumentStats(real);
  const lastReal = real.at(-1) as Bar;
  const bars = simulateDailyBars(instrument, stats, seed, lastReal, weekdays(lastReal.date, days));
  return { instrument, real, stats, lastReal, bars };
}

describe('shipped demo history', () => {
  it('covers every required instrument with years of real bars up to realUntil', () => {
    const required = ['005930.KS', '000660.KS', '035420.KS', '035720.KS', '051910.KS', '^KS11'];
    required.push('AAPL', 'MSFT', 'NVDA', 'AMZN', 'SPY', '^GSPC');
    for (const symbol of required) {
      const instrument = demoInstruments().get(symbol);
      const bars = history.get(symbol);
      expect(instrument, symbol).toBeDefined();
      expect(bars!.length, symbol).toBeGreaterThan(1_000);
      expect(bars!.at(-1)!.date).toBe(instrument!.realUntil);
      expect(bars![0]!.date).toBe(instrument!.realFrom);
    }
  });
});

describe('simulated daily bars', () => {
  it('have the instrument’s own historical volatility', () => {
    for (const symbol of ['005930.KS', 'AAPL', '^KS11', '035720.KS']) {
      const { stats, bars, lastReal } = simulate(symbol, 2_000);
      const closes = [lastReal.close, ...bars.map((b) => b.close)];
      const returns = closes.slice(1).map((c, i) => Math.log(c / closes[i]!));
      const simulated = std(returns);
      // 2,000 draws: the sample std is within a few percent; tick rounding adds a little.
      expect(simulated / stats.closeSigma, symbol).toBeGreaterThan(0.85);
      expect(simulated / stats.closeSigma, symbol).toBeLessThan(1.15);
    }
  });

  it('start from the last real close: the first open is one overnight gap away', () => {
    for (const symbol of ['005930.KS', 'NVDA', '^GSPC', '051910.KS']) {
      const { stats, bars, lastReal } = simulate(symbol, 1);
      const gap = Math.abs(Math.log(bars[0]!.open / lastReal.close));
      expect(gap, symbol).toBeLessThan(5 * stats.gapSigma + 0.005);
    }
  });

  it('are valid bars on valid ticks, within the KRX daily limit', () => {
    for (const symbol of ['000660.KS', '035420.KS', 'AMZN', 'SPY']) {
      const { instrument, bars, lastReal } = simulate(symbol, 500);
      let previous = lastReal.close;
      for (const bar of bars) {
        const prices = [bar.open, bar.high, bar.low, bar.close];
        expect(prices.every((p) => isOnTick(p, instrument.market, instrument.kind))).toBe(true);
        expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
        expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
        expect(bar.low).toBeGreaterThan(0);
        expect(Number.isInteger(bar.volume) && bar.volume > 0).toBe(true);
        if (instrument.market === 'KR') {
          expect(bar.high).toBeLessThanOrEqual(previous * 1.3);
          expect(bar.low).toBeGreaterThanOrEqual(previous * 0.7);
        }
        previous = bar.close;
      }
    }
  });

  it('are deterministic per seed and differ between seeds', () => {
    expect(simulate('MSFT', 50, 7).bars).toEqual(simulate('MSFT', 50, 7).bars);
    expect(simulate('MSFT', 50, 8).bars).not.toEqual(simulate('MSFT', 50, 7).bars);
  });

  it('trade volumes around the recent real level', () => {
    const { stats, bars } = simulate('005930.KS', 1_000);
    const sorted = bars.map((b) => b.volume).sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1]!;
    expect(median / stats.volumeMedian).toBeGreaterThan(0.6);
    expect(median / stats.volumeMedian).toBeLessThan(1.5);
  });
});
