import { nearestTickRounder, roundToTick } from '@/server/market-data/tick-size';
import type { Bar, InstrumentKind, Market } from '@/server/market-data/types';
import { createRng, hashSeed, type Rng } from './random';

/**
 * The trades of one simulated session, as a pure function of (seed, symbol, session date, planned
 * daily bar, slot grid). The session's daily bar is decided first (daily-sim.ts); the trades are a
 * random walk bridged from that open to that close and stretched so that it touches exactly the
 * planned high and low, with sizes summing exactly to the planned volume. So the trades seen live
 * aggregate to the very bar the history shows once the session is over, and no session's trades
 * are needed to know any other session's bar.
 *
 * Slot i is at `start + i * intervalMs`; a slot with size 0 has no trade. Per-slot volatility is
 * the session's open-to-close volatility / √slots, scaled from the instrument's daily volatility.
 * Trades between the fixed open/low/high/close prints bounce between the bid and the ask (one tick
 * apart), as real prints do: the last price moves every few seconds even when the mid drifts
 * slowly across a long session.
 */
export interface SessionSpec {
  symbol: string;
  market: Market;
  kind: InstrumentKind;
  seed: number;
  /** Session date (market timezone), YYYY-MM-DD. */
  date: string;
  /** The planned daily bar for this session; all its prices are valid ticks. */
  bar: Bar;
  /** Epoch ms of slot 0. */
  start: number;
  intervalMs: number;
  /** Number of slots; at least 4. */
  slots: number;
  /** Open-to-close log volatility of one session. */
  sessionSigma: number;
}

export interface SessionPlan extends SessionSpec {
  /** Final value of the raw walk (the bridge subtracts it linearly). */
  walkEnd: number;
  minValue: number;
  maxValue: number;
  minSlot: number;
  maxSlot: number;
  /** Forced extreme slots when the bridge never left the open–close band. */
  forcedLowSlot: number;
  forcedHighSlot: number;
  weightTotal: number;
}

export interface SessionTick {
  slot: number;
  time: number;
  price: number;
  /** Shares in this trade; 0 means no trade in this slot. */
  size: number;
}

const FORCE_MARGIN = 1e-9;

function streams(spec: SessionSpec) {
  return {
    walk: createRng(hashSeed(spec.seed, spec.symbol, spec.date, 'walk')),
    weights: createRng(hashSeed(spec.seed, spec.symbol, spec.date, 'sizes')),
    extremes: createRng(hashSeed(spec.seed, spec.symbol, spec.date, 'extremes')),
    bounce: createRng(hashSeed(spec.seed, spec.symbol, spec.date, 'bounce')),
  };
}

/** Intraday volume profile: busier near the open and the close. */
const profile = (fraction: number): number => 1 + 1.5 * (2 * fraction - 1) ** 2;

// Per-slot draws are kept cheap (a session can have 259,200 slots): walk steps are uniform with
// unit variance, which is Brownian at any visible scale; trade-size weights are exponential.
const SQRT12 = Math.sqrt(12);
const walkStep = (rng: Rng): number => (rng.uniform() - 0.5) * SQRT12;
const sizeWeight = (rng: Rng, i: number, slots: number): number =>
  (0.2 + rng.exponential()) * profile(i / (slots - 1));

/** Bridged log price of slot i before stretching: open→close line plus the walk tied down at both ends. */
function bridge(spec: SessionSpec): (walk: number, walkEnd: number, i: number) => number {
  const n1 = spec.slots - 1;
  const lnOpen = Math.log(spec.bar.open);
  const drift = Math.log(spec.bar.close) - lnOpen;
  const scale = spec.sessionSigma / Math.sqrt(spec.slots);
  return (walk, walkEnd, i) => {
    const t = i / n1;
    return lnOpen + t * drift + scale * (walk - t * walkEnd);
  };
}

/** First pass: the walk's end point, extremes and the total size weight. */
export function planSession(spec: SessionSpec): SessionPlan {
  if (!Number.isInteger(spec.slots) || spec.slots < 4) {
    throw new Error(`a session needs at least 4 slots, got ${spec.slots}`);
  }
  const { walk, weights, extremes } = streams(spec);
  const steps = new Float64Array(spec.slots);
  let x = 0;
  for (let i = 1; i < spec.slots; i++) {
    x += walkStep(walk);
    steps[i] = x;
  }
  const walkEnd = x;
  const bridged = bridge(spec);
  let minValue = Infinity;
  let maxValue = -Infinity;
  let minSlot = 0;
  let maxSlot = 0;
  let weightTotal = 0;
  for (let i = 0; i < spec.slots; i++) {
    const value = bridged(steps[i] as number, walkEnd, i);
    if (value < minValue) [minValue, minSlot] = [value, i];
    if (value > maxValue) [maxValue, maxSlot] = [value, i];
    weightTotal += sizeWeight(weights, i, spec.slots);
  }
  const lo = Math.log(Math.min(spec.bar.open, spec.bar.close));
  const hi = Math.log(Math.max(spec.bar.open, spec.bar.close));
  // A bridge that never dips below the open–close band cannot be stretched to the planned low:
  // one interior slot is pushed just below it (and likewise above for the high).
  let forcedLowSlot = -1;
  let forcedHighSlot = -1;
  // Both candidates are always drawn so the stream does not depend on which ones are used.
  const lowCandidate = 1 + Math.floor(extremes.uniform() * (spec.slots - 2));
  const highCandidate = 1 + Math.floor(extremes.uniform() * (spec.slots - 2));
  const avoiding = (slot: number, taken: number) =>
    slot !== taken ? slot : slot + 1 < spec.slots - 1 ? slot + 1 : slot - 1;
  if (spec.bar.low < Math.min(spec.bar.open, spec.bar.close) && minValue >= lo - FORCE_MARGIN / 2) {
    forcedLowSlot = avoiding(lowCandidate, maxSlot);
    minValue = lo - FORCE_MARGIN;
    minSlot = forcedLowSlot;
  }
  if (
    spec.bar.high > Math.max(spec.bar.open, spec.bar.close) &&
    maxValue <= hi + FORCE_MARGIN / 2
  ) {
    forcedHighSlot = avoiding(highCandidate, minSlot);
    maxValue = hi + FORCE_MARGIN;
    maxSlot = forcedHighSlot;
  }
  return {
    ...spec,
    walkEnd,
    minValue,
    maxValue,
    minSlot,
    maxSlot,
    forcedLowSlot,
    forcedHighSlot,
    weightTotal,
  };
}

/**
 * Second pass, as a cursor: regenerates the plan's draws in order and reports each slot up to a
 * time. Allocation-free per slot, because a live session can have 259,200 slots.
 */
export class SessionCursor {
  /** The next slot to generate. */
  slot = 0;
  private readonly walk: Rng;
  private readonly weights: Rng;
  private readonly bounce: Rng;
  private readonly bridged: (walk: number, walkEnd: number, i: number) => number;
  private readonly round: (price: number) => number;
  private readonly must: ReadonlySet<number>;
  private readonly spread: number;
  private readonly lo: number;
  private readonly hi: number;
  private readonly lnLow: number;
  private readonly lnHigh: number;
  private readonly wantLow: boolean;
  private readonly wantHigh: boolean;
  private x = 0;
  private cumulativeWeight = 0;
  private allocated = 0;

  constructor(private readonly plan: SessionPlan) {
    const { bar } = plan;
    const { walk, weights, bounce } = streams(plan);
    this.walk = walk;
    this.weights = weights;
    this.bounce = bounce;
    this.bridged = bridge(plan);
    this.round = nearestTickRounder(plan.market, plan.kind);
    this.lo = Math.log(Math.min(bar.open, bar.close));
    this.hi = Math.log(Math.max(bar.open, bar.close));
    this.lnLow = Math.log(bar.low);
    this.lnHigh = Math.log(bar.high);
    this.wantLow = bar.low < Math.min(bar.open, bar.close);
    this.wantHigh = bar.high > Math.max(bar.open, bar.close);
    // Slots that must trade so the aggregate reproduces the bar: open, close, low and high.
    const must = new Set<number>([0, plan.slots - 1]);
    if (this.wantLow) must.add(plan.minSlot);
    if (this.wantHigh) must.add(plan.maxSlot);
    this.must = must;
    this.spread = Math.max(0, bar.volume - must.size);
  }

  /** Epoch ms of the next slot, or undefined when the session is fully generated. */
  nextTime(): number | undefined {
    return this.slot < this.plan.slots
      ? this.plan.start + this.slot * this.plan.intervalMs
      : undefined;
  }

  /** Generates every slot with time <= `until`, calling `onSlot` for each (size 0: no trade). */
  advanceTo(
    until: number,
    onSlot: (price: number, size: number, time: number, slot: number) => void,
  ): void {
    const { plan, lo, hi, lnLow, lnHigh } = this;
    const { bar, slots, start, intervalMs, minValue, maxValue } = plan;
    // Piecewise-linear, monotone stretch: [min, lo] → [low, lo], [hi, max] → [hi, high].
    const lowScale = minValue < lo ? (lo - lnLow) / (lo - minValue) : 0;
    const highScale = maxValue > hi ? (lnHigh - hi) / (maxValue - hi) : 0;
    while (this.slot < slots) {
      const i = this.slot;
      const time = start + i * intervalMs;
      if (time > until) return;
      if (i > 0) this.x += walkStep(this.walk);
      this.cumulativeWeight += sizeWeight(this.weights, i, slots);
      let price: number;
      if (i === 0) price = bar.open;
      else if (i === slots - 1) price = bar.close;
      else if (i === plan.minSlot && this.wantLow) price = bar.low;
      else if (i === plan.maxSlot && this.wantHigh) price = bar.high;
      else {
        const y = this.bridged(this.x, plan.walkEnd, i);
        const stretched =
          y < lo
            ? lowScale > 0
              ? lnLow + (y - minValue) * lowScale
              : lo
            : y > hi
              ? highScale > 0
                ? lnHigh - (maxValue - y) * highScale
                : hi
              : y;
        const ask = this.round(Math.exp(stretched));
        // Half the prints hit the bid: the largest valid price below the ask.
        const bid = roundToTick(ask * (1 - 1e-9), plan.market, plan.kind, 'down');
        const traded = this.bounce.uniform() < 0.5 ? bid : ask;
        price = Math.min(bar.high, Math.max(bar.low, traded));
      }
      // Cumulative rounding: sizes sum exactly to the planned volume.
      const target =
        i === slots - 1
          ? this.spread
          : Math.floor((this.spread * this.cumulativeWeight) / plan.weightTotal);
      const size = Math.max(0, target - this.allocated) + (this.must.has(i) ? 1 : 0);
      this.allocated = Math.max(this.allocated, target);
      this.slot = i + 1;
      onSlot(price, size, time, i);
    }
  }
}

/** Every slot of the session in order. Deterministic: the same plan always yields the same ticks. */
export function* sessionTicks(plan: SessionPlan): Generator<SessionTick, void, undefined> {
  const ticks: SessionTick[] = [];
  new SessionCursor(plan).advanceTo(Infinity, (price, size, time, slot) =>
    ticks.push({ slot, time, price, size }),
  );
  yield* ticks;
}

/** Convenience for tests and tools: every trade (size > 0) of a session. */
export function sessionTrades(spec: SessionSpec): SessionTick[] {
  const trades: SessionTick[] = [];
  for (const tick of sessionTicks(planSession(spec))) if (tick.size > 0) trades.push(tick);
  return trades;
}
