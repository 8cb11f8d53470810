/**
 * Analysis benchmark: `npm run bench:analysis [-- --json] [-- --bars 140000] [-- --runs 5]
 * [-- --warmup 5] [-- --data <dir of daily CSVs>]`.
 * On 140,000 daily bars it times the whole suite — every indicator of the registry with its
 * default parameters, then every strategy's full signal series and full backtest (simulation and
 * every metric) — and compares each indicator with `technicalindicators`
 * (scripts/bench/indicator-ratios.ts). Each run starts from a fresh copy of the bars and a fresh
 * IndicatorContext, as a request in the app does: within the run the indicators go into that
 * context and the strategies read the same arrays from it (each line computed once), one signal
 * buffer and one set of backtest curve arrays are reused strategy after strategy (only metrics
 * are kept, as in a sweep); nothing is carried from one run to the next. The suite time is the
 * wall clock of a whole run, median of `--runs` timed runs after `--warmup` untimed runs.
 *
 * Why five warm-up runs: nearly every hot function runs once per suite run, over 140,000 bars, so
 * V8 first optimises it mid-loop (on-stack replacement) and often re-optimises it one or two runs
 * later, when the code before the loop has type feedback. Until then whole runs execute partly in
 * baseline code, which also boxes numbers and so churns the garbage collector; on a loaded
 * two-core machine the background compiler needs several runs to catch up. After five runs the
 * times are stable, so the figure is the code's speed rather than V8's tier-up (the text output
 * lists every run, warm-up included). With --json it prints one line:
 *   {"bars": 140000, "suiteMs": <ms>, "ratios": {"<indicator>": <their time / ours>, …}}
 * Input: the files in --data (default ../shared/data/daily) chained end to end (each rescaled to
 * continue from the previous close, dates relabelled as consecutive weekdays) and looped to the
 * length; without them, the repo's test fixture looped the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { BarSeries } from '@/server/analysis/bars';
import { backtestActions } from '@/server/analysis/backtest/run';
import { parseBacktestOptions } from '@/server/analysis/backtest/options';
import { BacktestScratch } from '@/server/analysis/backtest/scratch';
import { parseOhlcvCsv } from '@/server/analysis/csv';
import { computeIndicator, indicatorNames } from '@/server/analysis/indicators/registry';
import { IndicatorContext } from '@/server/analysis/strategies/context';
import {
  computeSignals,
  createSignals,
  strategyRegistry,
} from '@/server/analysis/strategies/registry';
import { measureIndicatorRatios } from './bench/indicator-ratios';

const root = path.resolve(import.meta.dirname, '..');
const fixture = path.join(root, 'tests/fixtures/analysis/backtest/SPY-2019-2021.csv');

function loadSources(sharedDaily: string): { series: BarSeries[]; origin: string } {
  if (existsSync(sharedDaily)) {
    const files = readdirSync(sharedDaily)
      .filter((f) => f.endsWith('.csv'))
      .sort();
    if (files.length > 0) {
      return {
        series: files.map((f) => parseOhlcvCsv(readFileSync(path.join(sharedDaily, f), 'utf8'), f)),
        origin: `${files.length} files from ${path.relative(root, sharedDaily)}`,
      };
    }
  }
  return {
    series: [parseOhlcvCsv(readFileSync(fixture, 'utf8'), fixture)],
    origin: 'repo fixture',
  };
}

/** Chains the sources into one continuous series of `bars` bars (timing input only). */
function chain(sources: BarSeries[], bars: number): BarSeries {
  const out: BarSeries = {
    dates: new Array<string>(bars),
    open: new Float64Array(bars),
    high: new Float64Array(bars),
    low: new Float64Array(bars),
    close: new Float64Array(bars),
    volume: new Float64Array(bars),
    length: bars,
  };
  let i = 0;
  let lastClose = 100;
  const day = new Date(Date.UTC(1900, 0, 1));
  while (i < bars) {
    for (const s of sources) {
      const scale = lastClose / s.close[0]!;
      for (let j = 0; j < s.length && i < bars; j++, i++) {
        do day.setUTCDate(day.getUTCDate() + 1);
        while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
        out.dates[i] = day.toISOString().slice(0, 10);
        out.open[i] = s.open[j]! * scale;
        out.high[i] = s.high[j]! * scale;
        out.low[i] = s.low[j]! * scale;
        out.close[i] = s.close[j]! * scale;
        out.volume[i] = s.volume[j]!;
      }
      lastClose = out.close[i - 1]!;
      if (i >= bars) break;
    }
  }
  return out;
}

interface SuiteTiming {
  totalMs: number;
  indicatorsMs: number;
  /** Per strategy: signals (incl. the indicators it is first to ask the shared context for). */
  signals: Record<string, number>;
  /** Per strategy: simulation + metrics. */
  backtests: Record<string, number>;
}

/** A copy of the bars in new arrays: no run can reuse another run's cached results. */
function copySeries(series: BarSeries): BarSeries {
  return {
    dates: series.dates.slice(),
    open: series.open.slice(),
    high: series.high.slice(),
    low: series.low.slice(),
    close: series.close.slice(),
    volume: series.volume.slice(),
    length: series.length,
  };
}

function runSuite(source: BarSeries): SuiteTiming {
  const series = copySeries(source);
  const options = parseBacktestOptions({ commissionRate: 0.001 });
  const range = { start: 0, end: series.length };
  const t0 = performance.now();
  const ctx = new IndicatorContext(series);
  for (const name of indicatorNames) computeIndicator(name, series, {}, ctx);
  const t1 = performance.now();
  const buffer = createSignals(series.length);
  const scratch = new BacktestScratch();
  const signalsMs: Record<string, number> = {};
  const backtestsMs: Record<string, number> = {};
  for (const id of strategyRegistry.keys()) {
    const s0 = performance.now();
    const { signals } = computeSignals(ctx, id, undefined, buffer);
    const s1 = performance.now();
    backtestActions(series, signals.action, options, range, undefined, scratch);
    signalsMs[id] = s1 - s0;
    backtestsMs[id] = performance.now() - s1;
  }
  const t2 = performance.now();
  return { totalMs: t2 - t0, indicatorsMs: t1 - t0, signals: signalsMs, backtests: backtestsMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      bars: { type: 'string', default: '140000' },
      runs: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '5' },
      data: { type: 'string', default: path.resolve(root, '../shared/data/daily') },
    },
  });
  const bars = Number(values.bars);
  const runs = Number(values.runs);
  if (!Number.isInteger(bars) || bars < 1000) throw new Error('--bars: expected an integer ≥ 1000');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: expected an integer ≥ 1');
  const warmup = Number(values.warmup);
  if (!Number.isInteger(warmup) || warmup < 0) throw new Error('--warmup: expected an integer ≥ 0');

  const { series: sources, origin } = loadSources(path.resolve(values.data));
  const series = chain(sources, bars);

  const warmupMs: number[] = [];
  for (let w = 0; w < warmup; w++) warmupMs.push(runSuite(series).totalMs);
  const timings: SuiteTiming[] = [];
  for (let r = 0; r < runs; r++) timings.push(runSuite(series));
  const suiteMs = median(timings.map((t) => t.totalMs));
  const { ratios, timings: indicatorTimings } = measureIndicatorRatios(series);

  if (values.json) {
    const rounded = Object.fromEntries(
      Object.entries(ratios).map(([name, ratio]) => [name, Math.round(ratio * 100) / 100]),
    );
    console.log(JSON.stringify({ bars, suiteMs: Math.round(suiteMs * 10) / 10, ratios: rounded }));
    return;
  }

  console.log(`Bars: ${bars} (${origin}); median of ${runs} runs after ${warmup} warm-up runs.`);
  console.log(`Whole suite: ${suiteMs.toFixed(1)} ms (target < 300 ms)`);
  const list = (values: number[]) => values.map((ms) => ms.toFixed(0)).join(', ');
  console.log(
    `  warm-up runs: ${list(warmupMs)} ms; timed runs: ${list(timings.map((t) => t.totalMs))} ms`,
  );
  const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
  const phase = (label: string, ms: number) =>
    console.log(`  ${label.padEnd(44)} ${ms.toFixed(1)} ms`);
  phase(`all ${indicatorNames.length} indicators`, median(timings.map((t) => t.indicatorsMs)));
  phase(
    `${strategyRegistry.size} strategies' signals (shared indicator context)`,
    median(timings.map((t) => sum(t.signals))),
  );
  phase(
    `${strategyRegistry.size} backtests (simulation + metrics)`,
    median(timings.map((t) => sum(t.backtests))),
  );
  console.log('  per strategy (median ms):      signals   backtest');
  for (const id of strategyRegistry.keys()) {
    const signalsMs = median(timings.map((t) => t.signals[id]!));
    const backtestMs = median(timings.map((t) => t.backtests[id]!));
    console.log(
      `    ${id.padEnd(26)} ${signalsMs.toFixed(2).padStart(8)} ${backtestMs.toFixed(2).padStart(10)}`,
    );
  }
  console.log('');
  console.log('Indicators vs technicalindicators (their time / ours; target ≥ 5×):');
  for (const t of indicatorTimings) {
    console.log(
      `  ${t.indicator.padEnd(12)} ours ${t.oursMs.toFixed(2).padStart(7)} ms  theirs ${t.theirsMs
        .toFixed(1)
        .padStart(8)} ms  ${t.ratio.toFixed(1).padStart(6)}×`,
    );
  }
}

main();
