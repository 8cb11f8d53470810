/**
 * Indicator command line: `npm run indicators -- --data <csv> --indicator rsi --param period=14
 * [--json] [--last <n>]`, or `--list`. Thin: parsing and computation live in server/analysis.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BarSeries } from '@/server/analysis/bars';
import { parseOhlcvCsv } from '@/server/analysis/csv';
import { computeIndicator, listIndicators } from '@/server/analysis/indicators/registry';
import { isDomainError } from '@/server/errors';

const HELP = `Usage: npm run indicators -- --data <file.csv> --indicator <name> [--param key=value ...] [--json] [--last <n>]
       npm run indicators -- --list

Reads daily bars from a CSV (date,open,high,low,close[,adj_close],volume — case-insensitive,
Yahoo/backtrader "Adj Close" and backtesting.py's unnamed date column accepted) and prints the
indicator aligned to the input dates. Values are empty (null in JSON) during the warm-up.

  --data <file>         CSV file to read
  --indicator <name>    one of the names shown by --list (sma, ema, rsi, macd, bollinger …)
  --param key=value     indicator parameter, repeatable (e.g. --param period=20 --param stddev=2)
  --json                print one JSON object: indicator, params, warmup, stableBars, lines, rows
  --last <n>            print only the last n rows
  --list                list indicators, their output lines and parameter defaults`;

class UsageError extends Error {}

function parseParams(pairs: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z][\w-]*)=(.+)$/.exec(pair.trim());
    if (!match) throw new UsageError(`--param "${pair}": expected key=value (e.g. period=14)`);
    if (match[1]! in params) throw new UsageError(`--param ${match[1]} is given twice`);
    params[match[1]!] = match[2]!;
  }
  return params;
}

function readSeries(file: string): BarSeries {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--data ${file}: cannot read file (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  return parseOhlcvCsv(text, file);
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return '';
  return Math.abs(value) >= 1e6 || Number.isInteger(value)
    ? String(value)
    : value.toFixed(Math.abs(value) < 1 ? 6 : 4);
}

function printTable(series: BarSeries, lines: Record<string, Float64Array>, from: number): void {
  const names = Object.keys(lines);
  const rows = [['date', ...names]];
  for (let i = from; i < series.length; i++) {
    rows.push([series.dates[i]!, ...names.map((name) => formatValue(lines[name]![i]!))]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    );
  }
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      indicator: { type: 'string' },
      param: { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
      last: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (values.list) {
    const list = listIndicators();
    if (values.json) console.log(JSON.stringify(list));
    else {
      for (const info of list) {
        const params =
          info.params.map((p) => `${p.name}=${p.default}`).join(' ') || '(no parameters)';
        console.log(`${info.name.padEnd(11)} ${info.lines.join(',').padEnd(38)} ${params}`);
      }
    }
    return;
  }
  if (!values.data) throw new UsageError('--data <file.csv> is required');
  if (!values.indicator) throw new UsageError('--indicator <name> is required (see --list)');
  let last: number | undefined;
  if (values.last !== undefined) {
    last = Number(values.last);
    if (!Number.isInteger(last) || last < 1) {
      throw new UsageError(`--last must be a positive integer (got "${values.last}")`);
    }
  }

  const params = parseParams(values.param);
  const series = readSeries(values.data);
  const result = computeIndicator(values.indicator.toLowerCase(), series, params);
  const from = last === undefined ? 0 : Math.max(0, series.length - last);
  const names = Object.keys(result.lines);

  if (values.json) {
    const rows = [];
    for (let i = from; i < series.length; i++) {
      const row: Record<string, string | number | null> = { date: series.dates[i]! };
      for (const name of names) {
        const value = result.lines[name]![i]!;
        row[name] = Number.isNaN(value) ? null : value;
      }
      rows.push(row);
    }
    console.log(
      JSON.stringify({
        indicator: result.name,
        params: result.params,
        bars: series.length,
        warmup: result.warmup,
        stableBars: Number.isFinite(result.stableBars) ? result.stableBars : null,
        lines: names,
        rows,
      }),
    );
    return;
  }
  const stable = Number.isFinite(result.stableBars)
    ? `${result.stableBars} bars for a start-independent value`
    : 'depends on the series start';
  console.log(
    `${result.name} ${JSON.stringify(result.params)} on ${values.data}: ${series.length} bars, warm-up ${result.warmup} bars, ${stable}`,
  );
  printTable(series, result.lines, from);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  const badArguments = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ?? false;
  if (error instanceof UsageError || badArguments) {
    console.error(`error: ${(error as Error).message}\n(see npm run indicators -- --help)`);
    process.exitCode = 2;
  } else if (isDomainError(error)) {
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
