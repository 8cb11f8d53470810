/**
 * Speed of our indicators versus the `technicalindicators` package on the same bars (ratio = their
 * time / ours). `measureIndicatorRatios(series)` is imported by the analysis bench
 * (scripts/bench-analysis.ts); run this file directly for a standalone table:
 *   tsx scripts/bench/indicator-ratios.ts [--bars 140000] [--json] [csv files…]
 * Default input: the daily files in ../shared/data/daily looped to 140,000 bars.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as ti from 'technicalindicators';
import type { BarSeries } from '@/server/analysis/bars';
import { parseOhlcvCsv } from '@/server/analysis/csv';
import { indicatorNames, type IndicatorName } from '@/server/analysis/indicators/registry';
import * as ours from '@/server/analysis/indicators';

export interface IndicatorTiming {
  indicator: IndicatorName;
  /** Best-of-repeats wall time of one full computation over the series, milliseconds. */
  oursMs: number;
  theirsMs: number;
  /** theirsMs / oursMs: how many times faster ours is. */
  ratio: number;
}

export interface IndicatorRatios {
  bars: number;
  ratios: Record<IndicatorName, number>;
  timings: IndicatorTiming[];
  /** Sum of our best times: every indicator once with default parameters. */
  oursTotalMs: number;
}

interface Inputs {
  series: BarSeries;
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

type Pair = [ours: (s: BarSeries) => unknown, theirs: (x: Inputs) => unknown];

/** Default parameters on both sides, matched as closely as the libraries allow. */
const pairs: Record<IndicatorName, Pair> = {
  sma: [(s) => ours.sma(s.close), (x) => ti.SMA.calculate({ period: 20, values: x.close })],
  ema: [(s) => ours.ema(s.close), (x) => ti.EMA.calculate({ period: 20, values: x.close })],
  wma: [(s) => ours.wma(s.close), (x) => ti.WMA.calculate({ period: 20, values: x.close })],
  rsi: [(s) => ours.rsi(s.close), (x) => ti.RSI.calculate({ period: 14, values: x.close })],
  macd: [
    (s) => ours.macd(s.close),
    (x) =>
      ti.MACD.calculate({
        values: x.close,
        fastPeriod: 12,
        slowPeriod: 26,
        signalPeriod: 9,
        SimpleMAOscillator: false,
        SimpleMASignal: false,
      }),
  ],
  bollinger: [
    (s) => ours.bollinger(s.close),
    (x) => ti.BollingerBands.calculate({ period: 20, stdDev: 2, values: x.close }),
  ],
  stochastic: [
    (s) => ours.stochastic(s),
    (x) => ti.Stochastic.calculate({ ...hlc(x), period: 14, signalPeriod: 3 }),
  ],
  obv: [(s) => ours.obv(s), (x) => ti.OBV.calculate({ close: x.close, volume: x.volume })],
  atr: [(s) => ours.atr(s), (x) => ti.ATR.calculate({ ...hlc(x), period: 14 })],
  adx: [(s) => ours.adx(s), (x) => ti.ADX.calculate({ ...hlc(x), period: 14 })],
  cci: [(s) => ours.cci(s), (x) => ti.CCI.calculate({ ...hlc(x), period: 20 })],
  'williams-r': [
    (s) => ours.williamsR(s),
    (x) => ti.WilliamsR.calculate({ ...hlc(x), period: 14 }),
  ],
  mfi: [(s) => ours.mfi(s), (x) => ti.MFI.calculate({ ...hlc(x), volume: x.volume, period: 14 })],
  roc: [(s) => ours.roc(s.close), (x) => ti.ROC.calculate({ period: 10, values: x.close })],
  vwap: [(s) => ours.vwap(s), (x) => ti.VWAP.calculate({ ...hlc(x), volume: x.volume })],
  psar: [
    (s) => ours.psar(s),
    (x) => ti.PSAR.calculate({ high: x.high, low: x.low, step: 0.02, max: 0.2 }),
  ],
  ichimoku: [
    (s) => ours.ichimoku(s),
    (x) =>
      ti.IchimokuCloud.calculate({
        high: x.high,
        low: x.low,
        conversionPeriod: 9,
        basePeriod: 26,
        spanPeriod: 52,
        displacement: 26,
      }),
  ],
  // technicalindicators has no Donchian channel: its rolling Highest + Lowest are the equivalent.
  donchian: [
    (s) => ours.donchian(s),
    (x) => [
      ti.Highest.calculate({ period: 20, values: x.high }),
      ti.Lowest.calculate({ period: 20, values: x.low }),
    ],
  ],
  keltner: [
    (s) => ours.keltner(s),
    (x) =>
      ti.KeltnerChannels.calculate({
        ...hlc(x),
        maPeriod: 20,
        atrPeriod: 10,
        useSMA: false,
        multiplier: 2,
      }),
  ],
};

function hlc(x: Inputs) {
  return { high: x.high, low: x.low, close: x.close };
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Times every indicator on `series` with ours and with technicalindicators. After a warm-up run of
 * each (JIT compilation excluded on both sides), the two are timed in alternating rounds, so a busy
 * machine slows both alike; each side's best round counts (ours runs `oursPerRound` times a round,
 * being fast). technicalindicators takes plain arrays, converted once outside the timings.
 */
export function measureIndicatorRatios(
  series: BarSeries,
  options: { rounds?: number; oursPerRound?: number } = {},
): IndicatorRatios {
  const rounds = options.rounds ?? 5;
  const oursPerRound = options.oursPerRound ?? 3;
  const inputs: Inputs = {
    series,
    high: Array.from(series.high),
    low: Array.from(series.low),
    close: Array.from(series.close),
    volume: Array.from(series.volume),
  };
  const timings: IndicatorTiming[] = [];
  for (const name of indicatorNames) {
    const [mine, theirs] = pairs[name];
    mine(series);
    theirs(inputs);
    let oursMs = Infinity;
    let theirsMs = Infinity;
    for (let round = 0; round < rounds; round++) {
      for (let r = 0; r < oursPerRound; r++)
        oursMs = Math.min(
          oursMs,
          timed(() => mine(series)),
        );
      theirsMs = Math.min(
        theirsMs,
        timed(() => theirs(inputs)),
      );
    }
    timings.push({ indicator: name, oursMs, theirsMs, ratio: theirsMs / oursMs });
  }
  return {
    bars: series.length,
    ratios: Object.fromEntries(timings.map((t) => [t.indicator, t.ratio])) as Record<
      IndicatorName,
      number
    >,
    timings,
    oursTotalMs: timings.reduce((sum, t) => sum + t.oursMs, 0),
  };
}

/** Concatenates the given series (repeating them) until `bars` bars; for timing only. */
export function loopToLength(sources: BarSeries[], bars: number): BarSeries {
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
  while (i < bars) {
    for (const source of sources) {
      for (let j = 0; j < source.length && i < bars; j++, i++) {
        out.dates[i] = source.dates[j]!;
        out.open[i] = source.open[j]!;
        out.high[i] = source.high[j]!;
        out.low[i] = source.low[j]!;
        out.close[i] = source.close[j]!;
        out.volume[i] = source.volume[j]!;
      }
    }
  }
  return out;
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: {
      bars: { type: 'string', default: '140000' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const bars = Number(values.bars);
  const dailyDir = path.resolve(import.meta.dirname, '../../../shared/data/daily');
  const files =
    positionals.length > 0
      ? positionals
      : readdirSync(dailyDir)
          .filter((name) => name.endsWith('.csv'))
          .map((name) => path.join(dailyDir, name));
  const series = loopToLength(
    files.map((file) => parseOhlcvCsv(readFileSync(file, 'utf8'), file)),
    bars,
  );
  const result = measureIndicatorRatios(series);
  if (values.json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(`${result.bars} bars; ours total ${result.oursTotalMs.toFixed(1)} ms`);
  console.log('indicator     ours ms   technicalindicators ms   ratio');
  for (const t of result.timings) {
    console.log(
      `${t.indicator.padEnd(11)} ${t.oursMs.toFixed(2).padStart(9)} ${t.theirsMs.toFixed(1).padStart(24)} ${t.ratio.toFixed(1).padStart(7)}×`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
