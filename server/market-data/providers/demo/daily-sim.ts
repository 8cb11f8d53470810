import { roundToTick } from '@/server/market-data/tick-size';
import type { Bar, InstrumentKind, Market } from '@/server/market-data/types';
import { createRng, hashSeed } from './random';
import type { InstrumentStats } from './stats';

export interface SimulatedInstrument {
  symbol: string;
  market: Market;
  kind: InstrumentKind;
}

/** KRX daily price limit: ±30% of the base price (the previous close). Indices have none. */
const KRX_LIMIT = 0.3;
/** A simulated day trades at least this many shares/units, so every session has real trades. */
export const MIN_SIMULATED_VOLUME = 100;

/**
 * One simulated daily bar following `previousClose`. The draws come from a stream keyed by
 * (seed, symbol, date), so the bar depends only on the previous close and its own date.
 * Open = previous close moved by the overnight gap, close = open moved by the open-to-close
 * return, wicks drawn around the body from the instrument's typical wick lengths, volume
 * log-normal around the recent median and larger on bigger moves. All prices are valid ticks.
 */
export function simulateDailyBar(
  instrument: SimulatedInstrument,
  stats: InstrumentStats,
  seed: number,
  date: string,
  previousClose: number,
): Bar {
  const { market, kind } = instrument;
  const rng = createRng(hashSeed(seed, instrument.symbol, date, 'daily'));
  const zGap = rng.normal();
  const zBody = rng.normal();
  const eHigh = rng.exponential();
  const eLow = rng.exponential();
  const zVolume = rng.normal();

  const limited = market === 'KR' && kind !== 'index';
  const floor = limited ? roundToTick(previousClose * (1 - KRX_LIMIT), market, kind, 'up') : 0;
  const ceiling = limited
    ? roundToTick(previousClose * (1 + KRX_LIMIT), market, kind, 'down')
    : Infinity;
  const clamp = (price: number) => Math.min(ceiling, Math.max(floor, price));

  const open = clamp(roundToTick(previousClose * Math.exp(stats.gapSigma * zGap), market, kind));
  const close = clamp(roundToTick(open * Math.exp(stats.ocSigma * zBody), market, kind));
  const top = Math.max(open, close);
  const bottom = Math.min(open, close);
  const high = Math.max(
    top,
    clamp(roundToTick(top * Math.exp(stats.upperWick * eHigh), market, kind, 'up')),
  );
  const low = Math.min(
    bottom,
    clamp(roundToTick(bottom * Math.exp(-stats.lowerWick * eLow), market, kind, 'down')),
  );
  const move =
    stats.closeSigma > 0 ? Math.abs(Math.log(close / previousClose)) / stats.closeSigma : 0;
  // E|z| ≈ 0.8, so the mean multiplier stays near 1.
  const activity = 0.8 + 0.25 * Math.min(move, 6);
  const volume = Math.max(
    MIN_SIMULATED_VOLUME,
    Math.round(
      stats.volumeMedian *
        Math.exp(stats.volumeSigma * zVolume - stats.volumeSigma ** 2 / 2) *
        activity,
    ),
  );
  return { date, open, high, low, close, volume };
}

/** Simulated bars for `dates` (ascending trading days), chained from `lastReal`. */
export function simulateDailyBars(
  instrument: SimulatedInstrument,
  stats: InstrumentStats,
  seed: number,
  lastReal: Bar,
  dates: readonly string[],
): Bar[] {
  const bars: Bar[] = [];
  let previousClose = lastReal.close;
  for (const date of dates) {
    const bar = simulateDailyBar(instrument, stats, seed, date, previousClose);
    bars.push(bar);
    previousClose = bar.close;
  }
  return bars;
}
