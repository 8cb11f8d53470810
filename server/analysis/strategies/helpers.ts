import { BUY, SELL, type Explanation, type StrategySignals } from './types';

/** What a strategy's `explain` returns before the registry prefixes the key with its id. */
export type Reason = Omit<Explanation, 'reasonKey'> & { key: string };

export function clamp01(x: number): number {
  return x > 1 ? 1 : x > 0 ? x : 0;
}

/** Confidence 0.5 for a bare signal, rising linearly to 1 as `strength` reaches `full`. */
export function graded(strength: number, full: number): number {
  const value = 0.5 + (0.5 * strength) / full;
  return value === value ? clamp01(value) : 0.5;
}

/** a crosses above b at bar i (NaN on either bar means no cross: warm-up never signals). */
export function crossesAbove(a: ArrayLike<number>, b: ArrayLike<number>, i: number): boolean {
  return a[i]! > b[i]! && a[i - 1]! <= b[i - 1]!;
}

export function crossesBelow(a: ArrayLike<number>, b: ArrayLike<number>, i: number): boolean {
  return a[i]! < b[i]! && a[i - 1]! >= b[i - 1]!;
}

export function risesThrough(a: ArrayLike<number>, level: number, i: number): boolean {
  return a[i]! > level && a[i - 1]! <= level;
}

export function fallsThrough(a: ArrayLike<number>, level: number, i: number): boolean {
  return a[i]! < level && a[i - 1]! >= level;
}

export function signal(out: StrategySignals, i: number, action: number, confidence: number): void {
  out.action[i] = action;
  out.confidence[i] = action === 0 ? 0 : confidence;
}

/**
 * The common two-line crossover: BUY when `fast` crosses above `slow`, SELL when below, with
 * confidence graded by the gap between the lines relative to `scale[i]` (full at `fullGap`).
 */
export function fillCrossSignals(
  fast: ArrayLike<number>,
  slow: ArrayLike<number>,
  scale: ArrayLike<number>,
  fullGap: number,
  out: StrategySignals,
): void {
  const n = out.action.length;
  for (let i = 1; i < n; i++) {
    const f = fast[i]!;
    const s = slow[i]!;
    const pf = fast[i - 1]!;
    const ps = slow[i - 1]!;
    if (f > s && pf <= ps) signal(out, i, BUY, graded((f - s) / Math.abs(scale[i]!), fullGap));
    else if (f < s && pf >= ps)
      signal(out, i, SELL, graded((s - f) / Math.abs(scale[i]!), fullGap));
  }
}

/** Rounds for reason texts and reasonParams (the arrays themselves are never rounded). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function fmt(value: number, digits = 2): string {
  return round(value, digits).toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function sign(x: number): -1 | 0 | 1 {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** Any of the values is NaN: the indicators are still warming up at this bar. */
export function warmingUp(...values: number[]): boolean {
  for (const value of values) if (value !== value) return true;
  return false;
}

export function notEnoughData(index: number): Reason {
  return {
    key: 'insufficient-data',
    reasonParams: { bars: index + 1 },
    reason: `Not enough history yet (${index + 1} bars) for this strategy's indicators.`,
    bias: 0,
  };
}

/** Bars since the last non-HOLD action at or before `index` (−1 when none). */
export function barsSinceSignal(
  signals: StrategySignals,
  index: number,
): { bars: number; action: number } {
  for (let i = index; i >= 0; i--) {
    const action = signals.action[i]!;
    if (action !== 0) return { bars: index - i, action };
  }
  return { bars: -1, action: 0 };
}
