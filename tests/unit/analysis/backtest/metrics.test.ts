import { describe, expect, it } from 'vitest';
import { drawdownOf } from '@/server/analysis/backtest/drawdown';
import type { SimulationResult, Trade } from '@/server/analysis/backtest/engine';
import { computeMetrics } from '@/server/analysis/backtest/metrics';
import { seriesOf } from './series';

// Four quarterly bars spanning exactly 365 days; equity 100 → 110 → 99 → 121.
const series = seriesOf([
  ['2023-01-01', 50, 50, 50, 50],
  ['2023-05-01', 55, 55, 55, 55],
  ['2023-09-01', 45, 45, 45, 45],
  ['2024-01-01', 60, 60, 60, 60],
]);

function trade(pnl: number, returnPct: number, entryIndex: number, exitIndex: number): Trade {
  return {
    side: 'long',
    quantity: 1,
    entryIndex,
    entryDate: series.dates[entryIndex]!,
    entryPrice: 50,
    exitIndex,
    exitDate: series.dates[exitIndex]!,
    exitPrice: 50,
    exitReason: 'signal',
    pnl,
    returnPct,
    holdingBars: exitIndex - entryIndex,
    commission: 0,
    tax: 0,
    slippage: 0,
    open: false,
  };
}

const simulation: SimulationResult = {
  range: { start: 0, end: 4 },
  equity: Float64Array.from([100, 110, 99, 121]),
  position: Float64Array.from([0, 2, 2, 0]),
  trades: [
    trade(10, 0.1, 0, 1),
    trade(-5, -0.05, 1, 2),
    trade(20, 0.2, 2, 3),
    { ...trade(3, 0.03, 3, 3), open: true },
  ],
  finalCash: 121,
  totals: { commission: 1.5, tax: 0.25, slippage: 0.5 },
  skippedEntries: 0,
};

describe('computeMetrics against hand computation', () => {
  const m = computeMetrics(series, simulation, {
    initialCash: 100,
    barsPerYear: 252,
    riskFreeRate: 0,
  });

  it('returns, CAGR and buy-and-hold', () => {
    expect(m.totalReturn).toBeCloseTo(0.21, 12);
    expect(m.calendarDays).toBe(365);
    // (1.21)^(365.25 / 365) − 1
    expect(m.cagr).toBeCloseTo(0.2101579902005981, 12);
    expect(m.buyAndHoldReturn).toBeCloseTo(0.2, 12);
  });

  it('volatility, Sharpe and Sortino from per-bar returns 0.1, −0.1, 0.2222…', () => {
    // mean 0.074074, sample std 0.162668; downside deviation √(0.01 / 3).
    expect(m.volatility).toBeCloseTo(0.16266808337776115 * Math.sqrt(252), 10);
    expect(m.sharpe).toBeCloseTo(7.228765761341862, 9);
    expect(m.sortino).toBeCloseTo(20.36700308869263, 9);
    const withRf = computeMetrics(series, simulation, {
      initialCash: 100,
      barsPerYear: 252,
      riskFreeRate: 0.05,
    });
    expect(withRf.sharpe).toBeCloseTo((0.07407407407407411 * 252 - 0.05) / 2.582275769190454, 9);
  });

  it('max drawdown, its dates and duration, Calmar', () => {
    expect(m.maxDrawdown).toBeCloseTo(0.1, 12); // 1 − 99 / 110
    expect(m.maxDrawdownPeakDate).toBe('2023-05-01');
    expect(m.maxDrawdownTroughDate).toBe('2023-09-01');
    expect(m.maxDrawdownRecoveryDate).toBe('2024-01-01');
    expect(m.maxDrawdownDurationBars).toBe(2);
    expect(m.maxDrawdownDurationDays).toBe(245);
    expect(m.calmar).toBeCloseTo(2.101579902005981, 9);
    // Realized: 100 → 110 → 105 → 125 (the open trade is not realized).
    expect(m.realizedMaxDrawdown).toBeCloseTo(5 / 110, 12);
  });

  it('trade statistics use closed trades only', () => {
    expect(m.trades).toBe(3);
    expect(m.openTrades).toBe(1);
    expect(m.winRate).toBeCloseTo(2 / 3, 12);
    expect(m.profitFactor).toBeCloseTo(6, 12);
    expect(m.expectancy).toBeCloseTo(25 / 3, 12);
    expect(m.averageTradeReturn).toBeCloseTo(0.25 / 3, 12);
    expect(m.bestTradeReturn).toBe(0.2);
    expect(m.worstTradeReturn).toBe(-0.05);
    expect(m.averageHoldingBars).toBe(1);
    expect(m.averageHoldingDays).toBeCloseTo((120 + 123 + 122) / 3, 12);
    expect(m.sqn).toBeCloseTo(1.1470786693528088, 12);
    expect(m.exposure).toBe(0.5);
    expect(m.totalCosts).toBeCloseTo(2.25, 12);
  });

  it('reports undefined ratios as null, not NaN or Infinity', () => {
    const { drawdownCurve, ...flat } = computeMetrics(
      series,
      { ...simulation, equity: Float64Array.from([100, 100, 100, 100]), trades: [] },
      { initialCash: 100, barsPerYear: 252, riskFreeRate: 0 },
    );
    expect(flat).toMatchObject({
      sharpe: null,
      sortino: null,
      calmar: null,
      winRate: null,
      profitFactor: null,
      expectancy: null,
      sqn: null,
      maxDrawdown: 0,
    });
    expect(Array.from(drawdownCurve)).toEqual([0, 0, 0, 0]);
    expect(JSON.parse(JSON.stringify(flat))).toEqual(flat);
  });
});

describe('drawdownOf', () => {
  it('finds episodes, their depths and the unrecovered tail', () => {
    const dd = drawdownOf(Float64Array.from([100, 90, 100, 120, 60, 90, 80]));
    expect(Array.from(dd.curve).map((v) => Math.round(v * 1000) / 1000)).toEqual([
      0, 0.1, 0, 0, 0.5, 0.25, 0.333,
    ]);
    expect(dd.max).toBe(0.5);
    expect(dd.peakIndex).toBe(3);
    expect(dd.troughIndex).toBe(4);
    expect(dd.recoveryIndex).toBe(-1);
    expect(dd.maxDurationBars).toBe(3); // peak at 3, still under water at 6
    expect(dd.episodes).toBe(2);
    expect(dd.average).toBeCloseTo((0.1 + 0.5) / 2, 12);
    expect(dd.longestDurationBars).toBe(3);
  });
});
