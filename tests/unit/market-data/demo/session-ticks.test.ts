import { describe, expect, it } from 'vitest';
import {
  planSession,
  sessionTicks,
  sessionTrades,
  type SessionSpec,
} from '@/server/market-data/providers/demo/session-ticks';
import { isOnTick } from '@/server/market-data/tick-size';
import type { Bar } from '@/server/market-data/types';

const START = Date.UTC(2026, 5, 2, 0, 0); // 09:00 KST

function spec(overrides: Partial<SessionSpec> = {}): SessionSpec {
  return {
    symbol: '005930.KS',
    market: 'KR',
    kind: 'stock',
    seed: 42,
    date: '2026-06-02',
    bar: {
      date: '2026-06-02',
      open: 301_500,
      high: 309_000,
      low: 296_000,
      close: 305_000,
      volume: 21_000_000,
    },
    start: START,
    intervalMs: 1_000,
    slots: 23_400,
    sessionSigma: 0.025,
    ...overrides,
  };
}

function aggregate(trades: { price: number; size: number }[]): Omit<Bar, 'date'> {
  return {
    open: trades[0]!.price,
    high: Math.max(...trades.map((t) => t.price)),
    low: Math.min(...trades.map((t) => t.price)),
    close: trades.at(-1)!.price,
    volume: trades.reduce((s, t) => s + t.size, 0),
  };
}

describe('session ticks', () => {
  it('are reproducible for a seed and differ for another seed', () => {
    const a = sessionTrades(spec());
    const b = sessionTrades(spec());
    const c = sessionTrades(spec({ seed: 43 }));
    expect(b).toEqual(a);
    expect(c.map((t) => t.price)).not.toEqual(a.map((t) => t.price));
    expect(c.map((t) => t.size)).not.toEqual(a.map((t) => t.size));
  });

  it('aggregate exactly to the planned daily bar, so live trades and history agree', () => {
    const bars: SessionSpec[] = [
      spec(),
      // High and low equal the body: the path must stay inside open..close.
      spec({
        bar: {
          date: '2026-06-02',
          open: 300_000,
          high: 305_000,
          low: 300_000,
          close: 305_000,
          volume: 5_000,
        },
      }),
      spec({
        symbol: 'AAPL',
        market: 'US',
        date: '2026-06-02',
        bar: {
          date: '2026-06-02',
          open: 310.95,
          high: 313.12,
          low: 304.28,
          close: 311.91,
          volume: 75_384_973,
        },
        sessionSigma: 0.015,
      }),
      // A walk too calm to leave the open–close band: one slot is forced to each extreme.
      spec({
        symbol: 'AMZN',
        market: 'US',
        bar: { date: '2026-06-02', open: 100, high: 131, low: 99, close: 130, volume: 1_000 },
        sessionSigma: 0.0001,
        slots: 1_000,
      }),
      spec({
        symbol: '^KS11',
        kind: 'index',
        bar: {
          date: '2026-06-02',
          open: 3201.13,
          high: 3207.58,
          low: 3170.85,
          close: 3178.43,
          volume: 286_048,
        },
        slots: 86_400,
      }),
    ];
    for (const s of bars) {
      expect(aggregate(sessionTrades(s))).toEqual({
        open: s.bar.open,
        high: s.bar.high,
        low: s.bar.low,
        close: s.bar.close,
        volume: s.bar.volume,
      });
    }
  });

  it('puts every trade on a valid tick, inside the slot grid, in time order', () => {
    for (const s of [
      spec(),
      spec({
        symbol: 'NVDA',
        market: 'US',
        bar: {
          date: '2026-06-02',
          open: 0.98,
          high: 1.03,
          low: 0.95,
          close: 1.01,
          volume: 1_000_000,
        },
      }),
    ]) {
      const trades = sessionTrades(s);
      const offTick = trades.filter((t) => !isOnTick(t.price, s.market, s.kind));
      const badSize = trades.filter((t) => !(Number.isInteger(t.size) && t.size > 0));
      const offGrid = trades.filter(
        (t) =>
          (t.time - s.start) % s.intervalMs !== 0 || t.time >= s.start + s.slots * s.intervalMs,
      );
      const unordered = trades.filter((t, i) => i > 0 && t.time <= trades[i - 1]!.time);
      expect(trades.length).toBeGreaterThan(1000);
      expect({ offTick, badSize, offGrid, unordered }).toEqual({
        offTick: [],
        badSize: [],
        offGrid: [],
        unordered: [],
      });
    }
  });

  it('moves per slot with the session volatility scaled by √slots', () => {
    // A wide planned range would stretch the walk; plan the bar the walk itself would draw.
    const s = spec({
      symbol: 'MSFT',
      market: 'US',
      bar: { date: '2026-06-02', open: 400, high: 405, low: 395, close: 400, volume: 30_000_000 },
      sessionSigma: 0.02,
    });
    const prices = [...sessionTicks(planSession(s))].map((t) => t.price);
    const returns = prices.slice(1).map((p, i) => Math.log(p / prices[i]!));
    const perSlot = Math.sqrt(returns.reduce((sum, r) => sum + r * r, 0) / returns.length);
    const expected = s.sessionSigma / Math.sqrt(s.slots);
    // Tick rounding (1 cent on $400) and the stretch to the planned range blur it: same order.
    expect(perSlot).toBeGreaterThan(expected * 0.5);
    expect(perSlot).toBeLessThan(expected * 3);
  });

  it('refuses sessions too short to reach open, low, high and close', () => {
    expect(() => planSession(spec({ slots: 3 }))).toThrow(/at least 4 slots/);
  });
});
