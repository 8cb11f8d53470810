import type { BarSeries } from '@/server/analysis/bars';
import { curveStats, returnStats } from './curve-stats';
import type { SimulationResult, Trade } from './engine';
import { daysBetween, finiteOrNull, mean, sampleStd } from './stats';

/**
 * Metrics of a simulation, per shared/notes/analysis-and-trading.md. Conventions:
 * - Equity is marked at every bar's close; per-bar returns r_t = E_t / E_{t−1} − 1 between
 *   consecutive bars of the window (n bars → n − 1 returns).
 * - Total return = E_last / initial cash − 1; CAGR = (E_last / initial)^(365.25 / days) − 1 with
 *   days = calendar days from the first to the last bar's date.
 * - Buy-and-hold = last close / first close − 1 over the same window (no costs).
 * - Volatility = sample std (ddof 1) of r × √barsPerYear; Sharpe = (mean(r) × barsPerYear − rf) /
 *   volatility; Sortino uses the downside deviation √mean(min(r, 0)²) × √barsPerYear instead;
 *   Calmar = CAGR / max drawdown.
 * - Trade statistics use closed trades only (a position still open at the end is reported with
 *   `open: true` but not counted). Expectancy = mean net P&L per trade (money); best/worst/average
 *   trade are returns (fractions); SQN = √n × mean(P&L) / std(P&L).
 * - Exposure = share of bars that end with a position.
 * Ratios that cannot be computed (no trades, zero volatility, no losing trade…) are null.
 */
export interface BacktestMetrics {
  startDate: string;
  endDate: string;
  bars: number;
  calendarDays: number;
  initialEquity: number;
  finalEquity: number;
  totalReturn: number;
  cagr: number | null;
  buyAndHoldReturn: number;
  buyAndHoldCagr: number | null;
  volatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  calmar: number | null;
  maxDrawdown: number;
  maxDrawdownPeakDate: string | null;
  maxDrawdownTroughDate: string | null;
  /** null when the deepest drawdown had not recovered by the last bar. */
  maxDrawdownRecoveryDate: string | null;
  maxDrawdownDurationBars: number;
  maxDrawdownDurationDays: number;
  longestDrawdownBars: number;
  averageDrawdown: number;
  /** Max drawdown of initial cash + cumulative P&L of closed trades (ignores open swings). */
  realizedMaxDrawdown: number;
  trades: number;
  openTrades: number;
  winningTrades: number;
  losingTrades: number;
  winRate: number | null;
  profitFactor: number | null;
  expectancy: number | null;
  averageTradeReturn: number | null;
  bestTradeReturn: number | null;
  worstTradeReturn: number | null;
  averageHoldingBars: number | null;
  averageHoldingDays: number | null;
  exposure: number;
  sqn: number | null;
  totalCommission: number;
  totalSlippage: number;
  totalTax: number;
  totalCosts: number;
  /** Entry signals skipped because the cash could not buy a single share. */
  skippedEntries: number;
}

export interface MetricSettings {
  initialCash: number;
  barsPerYear: number;
  riskFreeRate: number;
}

function growthRate(ratio: number, days: number): number | null {
  if (!(days > 0)) return null;
  if (ratio <= 0) return -1;
  return finiteOrNull(Math.pow(ratio, 365.25 / days) - 1);
}

function realizedMaxDrawdown(trades: readonly Trade[], initialCash: number): number {
  let value = initialCash;
  let peak = initialCash;
  let max = 0;
  for (const trade of trades) {
    if (trade.open) continue;
    value += trade.pnl;
    if (value > peak) peak = value;
    else if (peak > 0) max = Math.max(max, 1 - value / peak);
  }
  return max;
}

/** `drawdownInto` (optional) receives the drawdown curve instead of a new array (see drawdownOf). */
export function computeMetrics(
  series: BarSeries,
  simulation: SimulationResult,
  settings: MetricSettings,
  drawdownInto?: Float64Array,
): BacktestMetrics & { drawdownCurve: Float64Array } {
  const { equity, position, trades, totals, range } = simulation;
  const n = equity.length;
  const { dates, close } = series;
  const first = range.start;
  const last = range.end - 1;
  const calendarDays = daysBetween(dates[first]!, dates[last]!);
  const { initialCash, barsPerYear, riskFreeRate } = settings;

  // Drawdown, return sums and exposure in one pass over the curve.
  const curve = curveStats(equity, position, drawdownInto);
  const r = returnStats(equity, curve);
  const annualMean = r.mean * barsPerYear;
  const volatility = r.std * Math.sqrt(barsPerYear);
  const downside = r.downside * Math.sqrt(barsPerYear);

  const finalEquity = equity[n - 1]!;
  const cagr = growthRate(finalEquity / initialCash, calendarDays);
  const buyAndHoldRatio = close[last]! / close[first]!;
  const dd = curve.drawdown;

  const closed = trades.filter((trade) => !trade.open);
  let grossProfit = 0;
  let grossLoss = 0;
  let wins = 0;
  let losses = 0;
  let best = -Infinity;
  let worst = Infinity;
  let holdingBars = 0;
  let holdingDays = 0;
  const pnls = new Float64Array(closed.length);
  const tradeReturns = new Float64Array(closed.length);
  for (let k = 0; k < closed.length; k++) {
    const trade = closed[k]!;
    pnls[k] = trade.pnl;
    tradeReturns[k] = trade.returnPct;
    if (trade.pnl > 0) {
      wins++;
      grossProfit += trade.pnl;
    } else if (trade.pnl < 0) {
      losses++;
      grossLoss -= trade.pnl;
    }
    best = Math.max(best, trade.returnPct);
    worst = Math.min(worst, trade.returnPct);
    holdingBars += trade.holdingBars;
    holdingDays += daysBetween(trade.entryDate, trade.exitDate);
  }
  const tradeCount = closed.length;
  const meanPnl = mean(pnls);

  const exposed = curve.exposed;

  const dateAt = (index: number): string | null => (index >= 0 ? dates[first + index]! : null);

  return {
    startDate: dates[first]!,
    endDate: dates[last]!,
    bars: n,
    calendarDays,
    initialEquity: initialCash,
    finalEquity,
    totalReturn: finalEquity / initialCash - 1,
    cagr,
    buyAndHoldReturn: buyAndHoldRatio - 1,
    buyAndHoldCagr: growthRate(buyAndHoldRatio, calendarDays),
    volatility: finiteOrNull(volatility),
    sharpe: volatility > 0 ? finiteOrNull((annualMean - riskFreeRate) / volatility) : null,
    sortino: downside > 0 ? finiteOrNull((annualMean - riskFreeRate) / downside) : null,
    calmar: cagr !== null && dd.max > 0 ? finiteOrNull(cagr / dd.max) : null,
    maxDrawdown: dd.max,
    maxDrawdownPeakDate: dd.max > 0 ? dateAt(dd.peakIndex) : null,
    maxDrawdownTroughDate: dd.max > 0 ? dateAt(dd.troughIndex) : null,
    maxDrawdownRecoveryDate: dd.max > 0 ? dateAt(dd.recoveryIndex) : null,
    maxDrawdownDurationBars: dd.maxDurationBars,
    maxDrawdownDurationDays:
      dd.max > 0
        ? daysBetween(
            dates[first + dd.peakIndex]!,
            dates[first + (dd.recoveryIndex >= 0 ? dd.recoveryIndex : n - 1)]!,
          )
        : 0,
    longestDrawdownBars: dd.longestDurationBars,
    averageDrawdown: dd.average,
    realizedMaxDrawdown: realizedMaxDrawdown(trades, initialCash),
    drawdownCurve: dd.curve,
    trades: tradeCount,
    openTrades: trades.length - tradeCount,
    winningTrades: wins,
    losingTrades: losses,
    winRate: tradeCount > 0 ? wins / tradeCount : null,
    profitFactor: grossLoss > 0 ? grossProfit / grossLoss : null,
    expectancy: finiteOrNull(meanPnl),
    averageTradeReturn: finiteOrNull(mean(tradeReturns)),
    bestTradeReturn: tradeCount > 0 ? best : null,
    worstTradeReturn: tradeCount > 0 ? worst : null,
    averageHoldingBars: tradeCount > 0 ? holdingBars / tradeCount : null,
    averageHoldingDays: tradeCount > 0 ? holdingDays / tradeCount : null,
    exposure: n > 0 ? exposed / n : 0,
    sqn: finiteOrNull((Math.sqrt(tradeCount) * meanPnl) / sampleStd(pnls)),
    totalCommission: totals.commission,
    totalSlippage: totals.slippage,
    totalTax: totals.tax,
    totalCosts: totals.commission + totals.slippage + totals.tax,
    skippedEntries: simulation.skippedEntries,
  };
}
