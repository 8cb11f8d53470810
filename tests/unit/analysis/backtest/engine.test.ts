import { describe, expect, it } from 'vitest';
import { simulate } from '@/server/analysis/backtest/engine';
import {
  parseBacktestOptions,
  type BacktestOptionsInput,
} from '@/server/analysis/backtest/options';
import { bitsOf } from '../bits';
import { actionsOf, seriesOf } from './series';

// Five bars, prices chosen so every fill can be checked by hand.
const bars = seriesOf([
  ['2024-01-01', 10, 10, 10, 10],
  ['2024-01-02', 11, 12, 10, 11],
  ['2024-01-03', 12, 13, 11, 12],
  ['2024-01-04', 13, 14, 12, 14],
  ['2024-01-05', 15, 15, 13, 13],
]);

function run(pattern: string, options: BacktestOptionsInput) {
  return simulate(bars, actionsOf(pattern), parseBacktestOptions(options), {
    start: 0,
    end: bars.length,
  });
}

describe('simulate: fills, fees, taxes and equity', () => {
  it('fills a close-of-bar signal at the next open with commission, slippage and sell tax', () => {
    const result = run('B.S..', {
      initialCash: 1000,
      commissionRate: 0.01,
      slippageBps: 100,
      sellTaxRate: 0.002,
    });
    // Buy at bar 1 open 11 + 1% slippage = 11.11; one share costs 11.11 × 1.01 = 11.2211 → 89.
    // Sell at bar 3 open 13 − 1% = 12.87.
    expect(result.trades).toHaveLength(1);
    const trade = result.trades[0]!;
    expect(trade).toMatchObject({
      side: 'long',
      quantity: 89,
      entryIndex: 1,
      entryDate: '2024-01-02',
      exitIndex: 3,
      exitDate: '2024-01-04',
      exitReason: 'signal',
      holdingBars: 2,
      open: false,
    });
    expect(trade.entryPrice).toBeCloseTo(11.11, 10);
    expect(trade.exitPrice).toBeCloseTo(12.87, 10);
    // Commission 988.79 × 1% + 1145.43 × 1%, tax 1145.43 × 0.2%, slippage 89 × (0.11 + 0.13).
    expect(trade.commission).toBeCloseTo(9.8879 + 11.4543, 9);
    expect(trade.tax).toBeCloseTo(2.29086, 9);
    expect(trade.slippage).toBeCloseTo(21.36, 9);
    expect(trade.pnl).toBeCloseTo(89 * (12.87 - 11.11) - 9.8879 - 11.4543 - 2.29086, 9);
    expect(trade.returnPct).toBeCloseTo(trade.pnl / (89 * 11.11), 12);

    const cashAfterBuy = 1000 - 988.79 - 9.8879;
    const expected = [1000, cashAfterBuy + 89 * 11, cashAfterBuy + 89 * 12, 1133.00694, 1133.00694];
    expected.forEach((value, i) => expect(result.equity[i]).toBeCloseTo(value, 8));
    expect(Array.from(result.position)).toEqual([0, 89, 89, 0, 0]);
    expect(result.totals.commission).toBeCloseTo(21.3422, 9);
    expect(result.totals.tax).toBeCloseTo(2.29086, 9);
    expect(result.totals.slippage).toBeCloseTo(21.36, 9);
  });

  it('fills at the signal bar close with the close model', () => {
    const result = run('B.S..', {
      initialCash: 1000,
      commissionRate: 0.01,
      slippageBps: 100,
      sellTaxRate: 0.002,
      fill: 'close',
    });
    // Buy at close 10 + 1% = 10.1 → 98 shares (98 × 10.201 = 999.698); sell at 12 − 1% = 11.88.
    const trade = result.trades[0]!;
    expect(trade).toMatchObject({ quantity: 98, entryIndex: 0, exitIndex: 2 });
    expect(trade.entryPrice).toBeCloseTo(10.1, 12);
    expect(trade.exitPrice).toBeCloseTo(11.88, 12);
    const cashAfterBuy = 1000 - 989.8 - 9.898;
    expect(result.equity[0]).toBeCloseTo(cashAfterBuy + 98 * 10, 9);
    expect(result.equity[2]).toBeCloseTo(cashAfterBuy + 1164.24 - 11.6424 - 2.32848, 9);
    expect(result.equity[4]).toBeCloseTo(result.equity[2]!, 12);
  });

  it('never fills a signal of the last bar under next-open (no lookahead into a missing bar)', () => {
    const result = run('....B', {});
    expect(result.trades).toHaveLength(0);
    expect(Array.from(result.equity)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000]);
  });

  it('leaves a position open at the end marked to the last close, flagged open', () => {
    const result = run('B....', { initialCash: 100 });
    // 100 / 11 → 9 shares at 11, 1 left in cash; marked at close 13.
    expect(result.trades).toEqual([
      expect.objectContaining({ quantity: 9, exitReason: 'open', open: true, exitPrice: 13 }),
    ]);
    expect(result.trades[0]!.pnl).toBeCloseTo(18, 12);
    expect(result.equity[4]).toBeCloseTo(1 + 9 * 13, 12);
  });

  it('long-only: a SELL while flat does nothing; long/short: SELL opens a short, BUY reverses', () => {
    expect(run('S.B..', { initialCash: 1000 }).trades[0]).toMatchObject({
      side: 'long',
      entryIndex: 3,
      open: true,
    });

    const result = run('S.B..', { initialCash: 1000, allowShort: true });
    // Short 90 at open 11 (cash 1990), cover at open 13 (−1170 → 820), buy 63 at 13 (cash 1).
    expect(result.trades[0]).toMatchObject({
      side: 'short',
      quantity: 90,
      entryPrice: 11,
      exitPrice: 13,
      pnl: -180,
      open: false,
    });
    expect(result.trades[1]).toMatchObject({
      side: 'long',
      quantity: 63,
      entryIndex: 3,
      open: true,
    });
    expect(Array.from(result.equity)).toEqual([1000, 1000, 910, 1 + 63 * 14, 1 + 63 * 13]);
    expect(Array.from(result.position)).toEqual([0, -90, -90, 63, 63]);
  });

  it('charges the sell tax on a short entry and not on its cover', () => {
    const result = run('S.B..', { initialCash: 1000, allowShort: true, sellTaxRate: 0.01 });
    // 11 × 1.01 per share → 90 shares (90 × 11.11 = 999.9); tax 9.9 at entry.
    const short = result.trades[0]!;
    expect(short.quantity).toBe(90);
    expect(short.tax).toBeCloseTo(9.9, 12);
    expect(short.pnl).toBeCloseTo(-180 - 9.9, 12);
  });

  it.each([
    [{ mode: 'fixed-qty', quantity: 5 }, 5],
    [{ mode: 'fixed-qty', quantity: 500 }, 90], // capped by cash: 1000 / 11
    [{ mode: 'fixed-cash', amount: 300 }, 27], // 300 / 11 = 27.27
    [{ mode: 'fraction', fraction: 0.5 }, 45], // 500 / 11 = 45.45
    [{ mode: 'all-in' }, 90],
  ] as const)('sizes %o as %i whole shares', (sizing, quantity) => {
    const result = run('B.S..', { initialCash: 1000, sizing });
    expect(result.trades[0]!.quantity).toBe(quantity);
  });

  it('skips an entry it cannot afford a single share of', () => {
    const result = run('B.S..', { initialCash: 5 });
    expect(result.trades).toEqual([]);
    expect(result.skippedEntries).toBe(1);
  });
});

describe('simulate: stop-loss and take-profit', () => {
  const path = seriesOf([
    ['2024-02-01', 10, 10, 10, 10],
    ['2024-02-02', 10, 10.5, 9.5, 10],
    ['2024-02-05', 10, 10.2, 8.5, 9],
    ['2024-02-06', 9, 9, 9, 9],
  ]);
  const stopRun = (options: BacktestOptionsInput, data = path) =>
    simulate(data, actionsOf('B...'), parseBacktestOptions({ initialCash: 100, ...options }), {
      start: 0,
      end: data.length,
    });

  it('exits at the stop price when the low touches it', () => {
    // Entry 10 at bar 1 open; stop 9; bar 2 low 8.5 → out at 9.
    const result = stopRun({ stopLoss: 0.1 });
    expect(result.trades[0]).toMatchObject({ exitIndex: 2, exitPrice: 9, exitReason: 'stop-loss' });
    expect(result.trades[0]!.pnl).toBeCloseTo(-10, 12);
  });

  it('fills a gap through the stop at the open, not at the stop price', () => {
    const gap = seriesOf([
      ['2024-02-01', 10, 10, 10, 10],
      ['2024-02-02', 10, 10.5, 9.5, 10],
      ['2024-02-05', 8, 8.2, 7.5, 8],
      ['2024-02-06', 8, 8, 8, 8],
    ]);
    expect(stopRun({ stopLoss: 0.1 }, gap).trades[0]).toMatchObject({ exitPrice: 8, exitIndex: 2 });
  });

  it('takes profit at the target and assumes the stop first when both are touched', () => {
    // Target 10.2; the entry bar's own high 10.5 reaches it (the entry was at that bar's open).
    expect(stopRun({ takeProfit: 0.02 }).trades[0]).toMatchObject({
      exitIndex: 1,
      exitPrice: 10.2,
      exitReason: 'take-profit',
    });
    // Bar 1 (entry bar) spans 9.5–10.5: a 4% stop and a 4% target are both touched.
    expect(stopRun({ stopLoss: 0.04, takeProfit: 0.04 }).trades[0]).toMatchObject({
      exitIndex: 1,
      exitPrice: 9.6,
      exitReason: 'stop-loss',
    });
  });
});

describe('simulate: unusable opens', () => {
  it('waits for the next bar when the open is 0 (as in old ^GSPC rows)', () => {
    const data = seriesOf([
      ['1970-01-02', 0, 92, 90, 91],
      ['1970-01-05', 0, 93, 91, 92],
      ['1970-01-06', 92.5, 94, 92, 93],
    ]);
    const result = simulate(data, actionsOf('B..'), parseBacktestOptions({ initialCash: 1000 }), {
      start: 0,
      end: 3,
    });
    expect(result.trades[0]).toMatchObject({ entryIndex: 2, entryPrice: 92.5, quantity: 10 });
  });
});

describe('simulate: quiet stretches', () => {
  // Without a progress callback, stretches with no order, no stop and no decision are marked in
  // a tight loop; with one, every bar takes the per-bar path. Both must agree bit for bit.
  function randomCase(seed: number, n: number) {
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const rows: [string, number, number, number, number][] = [];
    let price = 50;
    for (let i = 0; i < n; i++) {
      price *= 1 + (random() - 0.5) * 0.06;
      const open = random() < 0.03 ? 0 : price * (1 + (random() - 0.5) * 0.01);
      const day = new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
      rows.push([day, open, price * 1.02, price * 0.98, price]);
    }
    const actions = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const r = random();
      actions[i] = r < 0.04 ? 1 : r < 0.08 ? -1 : 0;
    }
    return { series: seriesOf(rows), actions };
  }
  const optionSets: BacktestOptionsInput[] = [
    {},
    { fill: 'close', slippageBps: 5, sellTaxRate: 0.0018 },
    { allowShort: true, stopLoss: 0.03, takeProfit: 0.05 },
    { allowShort: true, fill: 'close', stopLoss: 0.02 },
  ];
  it.each(optionSets.map((options) => ({ options, label: JSON.stringify(options) })))(
    'matches the per-bar path ($label)',
    ({ options }) => {
      const { series, actions } = randomCase(11, 600);
      const parsed = parseBacktestOptions(options);
      const ranges = [
        { start: 0, end: series.length },
        { start: 37, end: 410 },
      ];
      for (const range of ranges) {
        const fast = simulate(series, actions, parsed, range);
        const perBar = simulate(series, actions, parsed, range, () => {});
        expect(bitsOf(fast)).toBe(bitsOf(perBar));
      }
    },
  );
});
