/**
 * Backtest one strategy on a CSV of daily bars:
 *   npm run backtest -- --data <csv> --strategy <name> [--param k=v ...] [options] [--json]
 *   npm run backtest -- --list
 * Thin: parsing and printing only; the work is in server/analysis/{strategies,backtest}.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BarSeries } from '@/server/analysis/bars';
import { parseOhlcvCsv } from '@/server/analysis/csv';
import {
  backtestResultToJson,
  runBacktest,
  type BacktestConfig,
  type BacktestResult,
  type Sizing,
} from '@/server/analysis/backtest';
import { listStrategies } from '@/server/analysis/strategies/registry';
import { isDomainError } from '@/server/errors';

const HELP = `Usage: npm run backtest -- --data <csv> --strategy <name> [options]
       npm run backtest -- --list

Reads daily bars from a CSV (date,open,high,low,close[,adj_close],volume headers, any case; also
Date,Open,High,Low,Close,[Adj Close,]Volume and backtesting.py's unnamed date column).

Options:
  --data <csv>            Input file (required unless --list).
  --strategy <name>       Strategy id (see --list).
  --param k=v             Strategy parameter; repeat for several (e.g. --param fast=10 --param slow=30).
  --cash <amount>         Initial cash (default 10000).
  --commission <rate>     Commission as a fraction of each fill's value (default 0; e.g. 0.002).
  --slippage-bps <bps>    Slippage in basis points against each fill (default 0).
  --sell-tax <rate>       Tax on every sell fill, e.g. the Korean securities transaction tax
                          (default 0; e.g. 0.0015 — use the rate in force for the market and year).
  --fill next-open|close  Fill a signal of bar t at bar t+1's open (default) or at bar t's close.
  --size <mode>           all-in (default: whole shares with all available cash), qty:<shares>,
                          cash:<amount> or fraction:<0..1 of equity>.
  --allow-short           A SELL signal also opens a short (default: long-only, SELL = exit).
  --stop-loss <fraction>  Exit when price falls this fraction below the entry (e.g. 0.05).
  --take-profit <fraction> Exit when price rises this fraction above the entry.
  --from <YYYY-MM-DD>     Trade from this date (earlier bars still warm up the indicators).
  --to <YYYY-MM-DD>       Trade until this date.
  --bars-per-year <n>     Annualisation (default 252; 365 for crypto).
  --risk-free <rate>      Annual risk-free rate for Sharpe/Sortino (default 0).
  --horizon <bars>        Forward horizon of the per-signal evaluation (default 5).
  --trades <n>            Trades shown in the text report (default 20, the latest; all in --json).
  --json                  Print every metric, the signal evaluation and all trades as JSON.
  --curves                With --json, also include the equity, drawdown and buy-and-hold curves.
  --list                  List the strategies with their parameters and defaults.`;

class UsageError extends Error {}

function numberFlag(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`--${flag}: expected a number, got "${raw}"`);
  }
  return value;
}

function parseSize(raw: string): Sizing {
  if (raw === 'all-in') return { mode: 'all-in' };
  const match = /^(qty|fixed-qty|cash|fixed-cash|fraction):(.+)$/.exec(raw);
  if (!match) {
    throw new UsageError(
      `--size: expected all-in, qty:<shares>, cash:<amount> or fraction:<0..1>, got "${raw}"`,
    );
  }
  const value = numberFlag('size', match[2]!)!;
  const kind = match[1]!.replace('fixed-', '');
  if (kind === 'qty') return { mode: 'fixed-qty', quantity: value };
  if (kind === 'cash') return { mode: 'fixed-cash', amount: value };
  return { mode: 'fraction', fraction: value };
}

function parseParams(pairs: string[]): Record<string, number> {
  const params: Record<string, number> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z][\w-]*)=(.*)$/.exec(pair);
    if (!match) throw new UsageError(`--param: expected k=v, got "${pair}"`);
    const [, name, raw] = match;
    const value = Number(raw);
    if (raw!.trim() === '' || !Number.isFinite(value)) {
      throw new UsageError(`--param ${name}: expected a number, got "${raw}"`);
    }
    params[name!] = value;
  }
  return params;
}

function printList(): void {
  for (const strategy of listStrategies()) {
    console.log(`${strategy.id}  —  ${strategy.name} [${strategy.category}]`);
    console.log(`    ${strategy.description}`);
    for (const p of strategy.params) {
      console.log(
        `    --param ${p.name}=<${p.type}>  default ${p.default}, ${p.min}..${p.max}: ${p.description}`,
      );
    }
    console.log('');
  }
}

const pct = (v: number | null, digits = 2) => (v === null ? '—' : `${(v * 100).toFixed(digits)}%`);
const num = (v: number | null, digits = 2) =>
  v === null
    ? '—'
    : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function printReport(file: string, series: BarSeries, result: BacktestResult, shown: number): void {
  const { metrics: m, options: o, strategy, signalQuality: q } = result;
  const params = Object.entries(strategy.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const sizing =
    o.sizing.mode === 'all-in'
      ? 'all-in'
      : o.sizing.mode === 'fixed-qty'
        ? `${o.sizing.quantity} shares`
        : o.sizing.mode === 'fixed-cash'
          ? `${o.sizing.amount} cash`
          : `${o.sizing.fraction} of equity`;
  const rows: [string, string][] = [
    ['Data', `${file} (${series.length} bars)`],
    ['Strategy', `${strategy.id} (${params})`],
    [
      'Period',
      `${m.startDate} → ${m.endDate} (${m.bars} bars, ${Math.round(m.calendarDays)} days)`,
    ],
    [
      'Execution',
      `fill ${o.fill}, commission ${pct(o.commissionRate, 3)}, slippage ${o.slippageBps} bps, ` +
        `sell tax ${pct(o.sellTaxRate, 3)}, sizing ${sizing}, ${o.allowShort ? 'long/short' : 'long-only'}` +
        (o.stopLoss ? `, stop ${pct(o.stopLoss)}` : '') +
        (o.takeProfit ? `, target ${pct(o.takeProfit)}` : ''),
    ],
    ['', ''],
    ['Initial equity', num(m.initialEquity)],
    ['Final equity', num(m.finalEquity)],
    ['Total return', pct(m.totalReturn)],
    ['CAGR', pct(m.cagr)],
    ['Buy & hold return', `${pct(m.buyAndHoldReturn)} (CAGR ${pct(m.buyAndHoldCagr)})`],
    ['Volatility (ann.)', pct(m.volatility)],
    ['Sharpe', num(m.sharpe)],
    ['Sortino', num(m.sortino)],
    ['Calmar', num(m.calmar)],
    [
      'Max drawdown',
      `${pct(m.maxDrawdown)}` +
        (m.maxDrawdownPeakDate
          ? ` (${m.maxDrawdownPeakDate} → ${m.maxDrawdownTroughDate}, ` +
            (m.maxDrawdownRecoveryDate
              ? `recovered ${m.maxDrawdownRecoveryDate}`
              : 'not recovered') +
            `; ${m.maxDrawdownDurationBars} bars / ${Math.round(m.maxDrawdownDurationDays)} days)`
          : ''),
    ],
    ['Average drawdown', pct(m.averageDrawdown)],
    ['Realized max drawdown', pct(m.realizedMaxDrawdown)],
    ['Exposure', pct(m.exposure, 1)],
    ['', ''],
    [
      'Trades',
      `${m.trades} closed${m.openTrades ? ` + ${m.openTrades} open` : ''}` +
        (m.skippedEntries
          ? ` (${m.skippedEntries} entries skipped: cash below one share — raise --cash)`
          : ''),
    ],
    ['Win rate', pct(m.winRate, 1)],
    ['Profit factor', num(m.profitFactor)],
    ['Expectancy (per trade)', num(m.expectancy)],
    [
      'Average / best / worst trade',
      `${pct(m.averageTradeReturn)} / ${pct(m.bestTradeReturn)} / ${pct(m.worstTradeReturn)}`,
    ],
    [
      'Average holding',
      m.averageHoldingBars === null
        ? '—'
        : `${num(m.averageHoldingBars, 1)} bars (${num(m.averageHoldingDays, 1)} days)`,
    ],
    ['SQN', num(m.sqn)],
    [
      'Commission / slippage / tax',
      `${num(m.totalCommission)} / ${num(m.totalSlippage)} / ${num(m.totalTax)}`,
    ],
    ['', ''],
    [
      `Signals (${q.horizon}-bar horizon)`,
      `${q.signals} (${q.buySignals} buy, ${q.sellSignals} sell), success ${pct(q.successRate, 1)}, ` +
        `average ${pct(q.averageReturn)}, Sharpe ${num(q.sharpe)}`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(label ? `${label.padEnd(width)}  ${value}` : '');

  const trades = result.trades.slice(-shown);
  if (trades.length > 0) {
    console.log('');
    console.log(
      result.trades.length > shown ? `Last ${shown} of ${result.trades.length} trades:` : 'Trades:',
    );
    console.log(
      'side   qty        entry date  entry price   exit date   exit price      P&L      return  bars  exit',
    );
    for (const t of trades) {
      console.log(
        [
          t.side.padEnd(5),
          String(t.quantity).padStart(8),
          ` ${t.entryDate.slice(0, 10)}`,
          num(t.entryPrice, 4).padStart(12),
          ` ${t.exitDate.slice(0, 10)}`,
          num(t.exitPrice, 4).padStart(12),
          num(t.pnl).padStart(11),
          pct(t.returnPct).padStart(9),
          String(t.holdingBars).padStart(5),
          ` ${t.exitReason}`,
        ].join(' '),
      );
    }
  }
}

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string' },
        strategy: { type: 'string' },
        param: { type: 'string', multiple: true, default: [] },
        cash: { type: 'string' },
        commission: { type: 'string' },
        'slippage-bps': { type: 'string' },
        'sell-tax': { type: 'string' },
        fill: { type: 'string' },
        size: { type: 'string' },
        'allow-short': { type: 'boolean', default: false },
        'stop-loss': { type: 'string' },
        'take-profit': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'bars-per-year': { type: 'string' },
        'risk-free': { type: 'string' },
        horizon: { type: 'string' },
        trades: { type: 'string' },
        json: { type: 'boolean', default: false },
        curves: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`Error: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.list) {
    printList();
    return 0;
  }

  try {
    if (!values.data) throw new UsageError('--data: a CSV file is required');
    if (!values.strategy)
      throw new UsageError('--strategy: a strategy id is required (see --list)');
    if (values.fill !== undefined && values.fill !== 'next-open' && values.fill !== 'close') {
      throw new UsageError(`--fill: expected next-open or close, got "${values.fill}"`);
    }
    const shown = numberFlag('trades', values.trades) ?? 20;
    const config: BacktestConfig = {
      strategy: values.strategy,
      params: parseParams(values.param),
      initialCash: numberFlag('cash', values.cash),
      commissionRate: numberFlag('commission', values.commission),
      slippageBps: numberFlag('slippage-bps', values['slippage-bps']),
      sellTaxRate: numberFlag('sell-tax', values['sell-tax']),
      fill: values.fill as BacktestConfig['fill'],
      sizing: values.size === undefined ? undefined : parseSize(values.size),
      allowShort: values['allow-short'],
      stopLoss: numberFlag('stop-loss', values['stop-loss']),
      takeProfit: numberFlag('take-profit', values['take-profit']),
      from: values.from,
      to: values.to,
      barsPerYear: numberFlag('bars-per-year', values['bars-per-year']),
      riskFreeRate: numberFlag('risk-free', values['risk-free']),
      horizon: numberFlag('horizon', values.horizon),
    };

    let text: string;
    try {
      text = readFileSync(values.data, 'utf8');
    } catch (error) {
      throw new UsageError(`--data: cannot read ${values.data}: ${(error as Error).message}`);
    }
    const series = parseOhlcvCsv(text, values.data);
    const result = runBacktest(series, config);

    if (values.json) {
      const { curves, ...rest } = backtestResultToJson(result);
      console.log(
        JSON.stringify({
          data: values.data,
          bars: series.length,
          ...rest,
          ...(values.curves ? { curves } : {}),
        }),
      );
    } else {
      printReport(values.data, series, result, shown);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Error: ${error.message}`);
      return 2;
    }
    if (isDomainError(error)) {
      console.error(`Error: ${flagHint(error.message)}`);
      return 1;
    }
    throw error;
  }
}

/** Maps a configuration field in a validation message to the flag that sets it. */
function flagHint(message: string): string {
  const flags: Record<string, string> = {
    initialCash: '--cash',
    commissionRate: '--commission',
    slippageBps: '--slippage-bps',
    sellTaxRate: '--sell-tax',
    fill: '--fill',
    sizing: '--size',
    stopLoss: '--stop-loss',
    takeProfit: '--take-profit',
    barsPerYear: '--bars-per-year',
    riskFreeRate: '--risk-free',
    horizon: '--horizon',
    from: '--from',
    to: '--to',
  };
  const configMatch = /^backtest: ([\w]+)/.exec(message);
  if (configMatch && flags[configMatch[1]!]) return `${flags[configMatch[1]!]}: ${message}`;
  const paramMatch = /^([\w-]+) params: ([\w]+):/.exec(message);
  if (paramMatch) return `--param ${paramMatch[2]}: ${message}`;
  return message;
}

process.exitCode = main();
