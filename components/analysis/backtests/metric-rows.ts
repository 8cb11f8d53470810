import type { BacktestMetrics } from '../types';
import type { BacktestFormat } from './use-backtest-format';

export type MetricKey =
  | 'totalReturn'
  | 'buyAndHoldReturn'
  | 'cagr'
  | 'volatility'
  | 'sharpe'
  | 'sortino'
  | 'calmar'
  | 'maxDrawdown'
  | 'maxDrawdownDuration'
  | 'averageDrawdown'
  | 'realizedMaxDrawdown'
  | 'trades'
  | 'winRate'
  | 'profitFactor'
  | 'expectancy'
  | 'averageTrade'
  | 'bestTrade'
  | 'worstTrade'
  | 'averageHolding'
  | 'exposure'
  | 'sqn'
  | 'totalCosts'
  | 'finalEquity';

/** Rows of the metrics and comparison tables: a label key and how to print the value. */
export function metricRows(
  fmt: BacktestFormat,
  currency: string,
  units: { bars: (n: number) => string },
): { key: MetricKey; value: (m: BacktestMetrics) => string }[] {
  return [
    { key: 'totalReturn', value: (m) => fmt.percent(m.totalReturn, true) },
    { key: 'buyAndHoldReturn', value: (m) => fmt.percent(m.buyAndHoldReturn, true) },
    { key: 'cagr', value: (m) => fmt.percent(m.cagr, true) },
    { key: 'volatility', value: (m) => fmt.percent(m.volatility) },
    { key: 'sharpe', value: (m) => fmt.ratio(m.sharpe) },
    { key: 'sortino', value: (m) => fmt.ratio(m.sortino) },
    { key: 'calmar', value: (m) => fmt.ratio(m.calmar) },
    { key: 'maxDrawdown', value: (m) => fmt.percent(-m.maxDrawdown) },
    { key: 'maxDrawdownDuration', value: (m) => units.bars(m.maxDrawdownDurationBars) },
    { key: 'averageDrawdown', value: (m) => fmt.percent(-m.averageDrawdown) },
    { key: 'realizedMaxDrawdown', value: (m) => fmt.percent(-m.realizedMaxDrawdown) },
    { key: 'trades', value: (m) => fmt.count(m.trades) },
    { key: 'winRate', value: (m) => fmt.percent(m.winRate) },
    { key: 'profitFactor', value: (m) => fmt.ratio(m.profitFactor) },
    { key: 'expectancy', value: (m) => fmt.money(m.expectancy, currency) },
    { key: 'averageTrade', value: (m) => fmt.percent(m.averageTradeReturn, true) },
    { key: 'bestTrade', value: (m) => fmt.percent(m.bestTradeReturn, true) },
    { key: 'worstTrade', value: (m) => fmt.percent(m.worstTradeReturn, true) },
    {
      key: 'averageHolding',
      value: (m) =>
        m.averageHoldingBars === null ? '–' : units.bars(Math.round(m.averageHoldingBars)),
    },
    { key: 'exposure', value: (m) => fmt.percent(m.exposure) },
    { key: 'sqn', value: (m) => fmt.ratio(m.sqn) },
    { key: 'totalCosts', value: (m) => fmt.money(m.totalCosts, currency) },
    { key: 'finalEquity', value: (m) => fmt.money(m.finalEquity, currency) },
  ];
}
