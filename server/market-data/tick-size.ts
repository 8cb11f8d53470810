import { DomainError } from '@/server/errors';
import type { InstrumentKind, Market } from './types';

/**
 * Minimum price increments. The values come from secondary sources (team note
 * analysis-and-trading.md): keep them in this one table so they are easy to correct.
 *
 * - KRX stocks (KOSPI/KOSDAQ, unified table since 2023-01-25) by price band.
 * - KRX ETF/ETN: ₩5 at every price.
 * - US equities and ETFs: $0.01 from $1, $0.0001 below $1 (Reg NMS Rule 612).
 * - Indices are quoted to 0.01 points in both markets.
 *
 * A band applies to prices below `below`; every band's lower edge is a multiple of its own tick, so
 * rounding inside a band can never produce a price that is invalid in the neighbouring band.
 */
export const tickTables: Record<Market, Record<InstrumentKind, readonly TickBand[]>> = {
  KR: {
    stock: [
      { below: 2_000, tick: 1 },
      { below: 5_000, tick: 5 },
      { below: 20_000, tick: 10 },
      { below: 50_000, tick: 50 },
      { below: 200_000, tick: 100 },
      { below: 500_000, tick: 500 },
      { below: Infinity, tick: 1_000 },
    ],
    etf: [{ below: Infinity, tick: 5 }],
    index: [{ below: Infinity, tick: 0.01 }],
  },
  US: {
    stock: [
      { below: 1, tick: 0.0001 },
      { below: Infinity, tick: 0.01 },
    ],
    etf: [
      { below: 1, tick: 0.0001 },
      { below: Infinity, tick: 0.01 },
    ],
    index: [{ below: Infinity, tick: 0.01 }],
  },
};

export interface TickBand {
  /** The band covers prices strictly below this bound (and at or above the previous band's). */
  below: number;
  tick: number;
}

export type TickRounding = 'nearest' | 'down' | 'up';

// Floating error guard for the unit count: 311.78 * 100 is 31177.999999999996.
const EPSILON = 1e-7;

function assertPrice(price: number): void {
  if (!Number.isFinite(price) || price <= 0) {
    throw new DomainError('INVALID', `price must be a positive finite number, got ${price}`, {
      field: 'price',
    });
  }
}

/** The tick that applies at `price` (the band containing it). */
export function tickSize(price: number, market: Market, kind: InstrumentKind): number {
  assertPrice(price);
  const bands = tickTables[market][kind];
  for (const band of bands) if (price < band.below) return band.tick;
  return (bands.at(-1) as TickBand).tick;
}

/**
 * Rounds to a valid price: nearest tick (default), or down/up to the next valid price. Results are
 * exact decimals (`n / 100`, not `n * 0.01`) and never below the smallest tick.
 */
export function roundToTick(
  price: number,
  market: Market,
  kind: InstrumentKind,
  mode: TickRounding = 'nearest',
): number {
  const tick = tickSize(price, market, kind);
  // Work in whole units of the tick; fractional ticks divide by their inverse to stay exact.
  const inverse = tick < 1 ? Math.round(1 / tick) : 0;
  const units = inverse ? price * inverse : price / tick;
  const whole =
    mode === 'down'
      ? Math.floor(units + EPSILON)
      : mode === 'up'
        ? Math.ceil(units - EPSILON)
        : Math.round(units);
  const rounded = inverse ? whole / inverse : whole * tick;
  const smallest = tickTables[market][kind][0]?.tick ?? tick;
  return rounded > 0 ? rounded : smallest;
}

/**
 * `roundToTick(·, market, kind, 'nearest')` for hot loops (the simulator rounds every trade):
 * same table, no per-call validation; callers pass positive finite prices.
 */
export function nearestTickRounder(
  market: Market,
  kind: InstrumentKind,
): (price: number) => number {
  const bands = tickTables[market][kind];
  const smallest = bands[0]?.tick ?? 1;
  return (price) => {
    let tick = smallest;
    for (const band of bands) {
      tick = band.tick;
      if (price < band.below) break;
    }
    const inverse = tick < 1 ? Math.round(1 / tick) : 0;
    const rounded = inverse
      ? Math.round(price * inverse) / inverse
      : Math.round(price / tick) * tick;
    return rounded > 0 ? rounded : smallest;
  };
}

/** True when `price` is a multiple of the tick of its own band. */
export function isOnTick(price: number, market: Market, kind: InstrumentKind): boolean {
  return roundToTick(price, market, kind) === price;
}
