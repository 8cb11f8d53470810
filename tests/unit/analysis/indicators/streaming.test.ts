import { describe, expect, it } from 'vitest';
import { barAt, type OhlcvBar } from '@/server/analysis/bars';
import {
  AdxStream,
  AtrStream,
  BollingerStream,
  CciStream,
  DonchianStream,
  EmaStream,
  IchimokuStream,
  KeltnerStream,
  MacdStream,
  MfiStream,
  ObvStream,
  PsarStream,
  RocStream,
  RsiStream,
  SmaStream,
  StochasticStream,
  VwapStream,
  WilliamsRStream,
  WmaStream,
  adx,
  atr,
  bollinger,
  cci,
  donchian,
  ema,
  ichimoku,
  keltner,
  macd,
  mfi,
  obv,
  psar,
  roc,
  rsi,
  sma,
  stochastic,
  vwap,
  williamsR,
  wma,
} from '@/server/analysis/indicators';
import { getIndicator, indicatorNames } from '@/server/analysis/indicators/registry';
import { samsungDaily } from './fixture';

const series = samsungDaily();
const bars = Array.from({ length: series.length }, (_, i) => barAt(series, i));

/**
 * How a live bar evolves on ticks: it opens flat, then a provisional tick moves it, then it closes.
 * Each bar is appended with `update` and corrected twice with `replace`, so a stream that kept any
 * state from a replaced tick would drift from the batch values.
 */
function ticksOf(bar: OhlcvBar): [OhlcvBar, OhlcvBar] {
  const opening = { ...bar, high: bar.open, low: bar.open, close: bar.open, volume: 0 };
  const provisional = {
    ...bar,
    high: bar.high * 1.03,
    low: bar.low * 0.97,
    close: bar.low * 0.97,
    volume: bar.volume * 2 + 1,
  };
  return [opening, provisional];
}

const sameNumber = (a: number, b: number) =>
  Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

function expectIdentical(actual: number[], expected: ArrayLike<number>, label: string) {
  const mismatch = actual.findIndex((v, i) => !sameNumber(v, expected[i]!));
  expect(mismatch, `${label} first differs at bar ${mismatch}`).toBe(-1);
}

describe('streaming equals batch, bit for bit, with live-bar replacement', () => {
  it.each(indicatorNames)('%s via the registry stream', (name) => {
    const definition = getIndicator(name);
    const params = definition.params.parse({});
    const batch = definition.compute(series, params);
    const stream = definition.createStream(params);
    const streamed: Record<string, number[]> = Object.fromEntries(
      definition.lines.map((line) => [line, []]),
    );
    for (const bar of bars) {
      const [opening, provisional] = ticksOf(bar);
      stream.update(opening);
      stream.replace(provisional);
      const values = stream.replace(bar);
      for (const line of definition.lines) streamed[line]!.push(values[line]!);
    }
    expect(stream.length).toBe(series.length);
    for (const line of definition.lines) expectIdentical(streamed[line]!, batch[line]!, line);
  });

  type Case = [
    string,
    () => { update(x: never): unknown; replace(x: never): unknown },
    (b: OhlcvBar) => unknown,
    Record<string, ArrayLike<number>>,
  ];
  const { close } = series;
  const cases: Case[] = [
    [
      'SmaStream',
      () => new SmaStream({ period: 10 }),
      (b) => b.close,
      { value: sma(close, { period: 10 }) },
    ],
    [
      'EmaStream',
      () => new EmaStream({ period: 10 }),
      (b) => b.close,
      { value: ema(close, { period: 10 }) },
    ],
    [
      'WmaStream',
      () => new WmaStream({ period: 10 }),
      (b) => b.close,
      { value: wma(close, { period: 10 }) },
    ],
    [
      'RsiStream',
      () => new RsiStream({ period: 7 }),
      (b) => b.close,
      { value: rsi(close, { period: 7 }) },
    ],
    [
      'RocStream',
      () => new RocStream({ period: 7 }),
      (b) => b.close,
      { value: roc(close, { period: 7 }) },
    ],
    ['MacdStream', () => new MacdStream(), (b) => b.close, { ...macd(close) }],
    ['BollingerStream', () => new BollingerStream(), (b) => b.close, { ...bollinger(close) }],
    ['StochasticStream', () => new StochasticStream(), (b) => b, { ...stochastic(series) }],
    ['ObvStream', () => new ObvStream(), (b) => b, { value: obv(series) }],
    ['AtrStream', () => new AtrStream(), (b) => b, { value: atr(series) }],
    ['AdxStream', () => new AdxStream(), (b) => b, { ...adx(series) }],
    ['CciStream', () => new CciStream(), (b) => b, { value: cci(series) }],
    ['WilliamsRStream', () => new WilliamsRStream(), (b) => b, { value: williamsR(series) }],
    ['MfiStream', () => new MfiStream(), (b) => b, { value: mfi(series) }],
    ['VwapStream', () => new VwapStream(), (b) => b, { value: vwap(series) }],
    ['PsarStream', () => new PsarStream(), (b) => b, { ...psar(series) }],
    ['IchimokuStream', () => new IchimokuStream(), (b) => b, { ...ichimoku(series) }],
    ['DonchianStream', () => new DonchianStream(), (b) => b, { ...donchian(series) }],
    ['KeltnerStream', () => new KeltnerStream(), (b) => b, { ...keltner(series) }],
  ];

  it.each(cases)('%s class', (_name, create, input, batch) => {
    const stream = create();
    const streamed: Record<string, number[]> = Object.fromEntries(
      Object.keys(batch).map((line) => [line, []]),
    );
    for (const bar of bars) {
      const [opening, provisional] = ticksOf(bar);
      stream.update(input(opening) as never);
      stream.replace(input(provisional) as never);
      const out = stream.replace(input(bar) as never);
      for (const line of Object.keys(batch)) {
        streamed[line]!.push(
          typeof out === 'number' ? out : (out as Record<string, number>)[line]!,
        );
      }
    }
    for (const [line, values] of Object.entries(batch))
      expectIdentical(streamed[line]!, values, line);
  });

  it('session VWAP streams identically across session boundaries', () => {
    const dates = series.dates.map(
      (_, i) => `2024-02-${String(1 + (Math.floor(i / 3) % 28)).padStart(2, '0')}T0${i % 3}:30:00Z`,
    );
    const intraday = { ...series, dates };
    const batch = vwap(intraday, { anchor: 'session' });
    const stream = new VwapStream({ anchor: 'session' });
    const streamed = bars.map((bar, i) => {
      stream.update({ ...ticksOf(bar)[0], date: dates[i] });
      return stream.replace({ ...bar, date: dates[i] });
    });
    expectIdentical(streamed, batch, 'vwap');
  });

  it('replace() before any update() is an error, not a silent append', () => {
    expect(() => new SmaStream().replace(1)).toThrow(/update\(\) first/);
  });
});
