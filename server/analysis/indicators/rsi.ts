import { assertPeriod, decayBars, type Kernel, StreamingIndicator } from './kernel';

export interface RsiParams {
  period: number;
}
export const rsiDefaults: RsiParams = { period: 14 };

/** Bar 0 has no change; the first RSI is at index `period` (TA-Lib's lookback). */
export const rsiWarmup = ({ period }: RsiParams): number => period;
export const rsiStableBars = ({ period }: RsiParams): number => period + 1 + decayBars(1 / period);

/**
 * Wilder's RSI. The average gain/loss is seeded with the simple average of the first `period`
 * changes, then smoothed as avg = (avg · (period − 1) + x) / period. RSI = 100 · avgGain /
 * (avgGain + avgLoss), so it is 100 when there were only gains and 0 with only losses.
 * Convention: a flat series (no gains and no losses) gives 50, the neutral value, not 0.
 */
export class RsiKernel implements Kernel {
  value = NaN;
  private previous = NaN;
  private changes = -1;
  private avgGain = 0;
  private avgLoss = 0;
  private saved = { value: NaN, previous: NaN, changes: -1, avgGain: 0, avgLoss: 0 };

  constructor(readonly period: number) {
    assertPeriod('period', period);
  }

  step(x: number): number {
    const change = x - this.previous;
    this.previous = x;
    const changes = ++this.changes;
    if (changes === 0) return (this.value = NaN);
    const gain = change > 0 ? change : 0;
    const loss = change < 0 ? -change : 0;
    const period = this.period;
    if (changes > period) {
      this.avgGain = (this.avgGain * (period - 1) + gain) / period;
      this.avgLoss = (this.avgLoss * (period - 1) + loss) / period;
    } else {
      // Accumulate sums, then turn them into the seed averages on the period-th change.
      this.avgGain += gain;
      this.avgLoss += loss;
      if (changes < period) return (this.value = NaN);
      this.avgGain /= period;
      this.avgLoss /= period;
    }
    const total = this.avgGain + this.avgLoss;
    this.value = total === 0 ? 50 : (100 * this.avgGain) / total;
    return this.value;
  }

  save(): void {
    const s = this.saved;
    s.value = this.value;
    s.previous = this.previous;
    s.changes = this.changes;
    s.avgGain = this.avgGain;
    s.avgLoss = this.avgLoss;
  }

  restore(): void {
    const s = this.saved;
    this.value = s.value;
    this.previous = s.previous;
    this.changes = s.changes;
    this.avgGain = s.avgGain;
    this.avgLoss = s.avgLoss;
  }
}

export function rsi(values: ArrayLike<number>, params: RsiParams = rsiDefaults): Float64Array {
  const kernel = new RsiKernel(params.period);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = kernel.step(values[i]!);
  return out;
}

export class RsiStream extends StreamingIndicator<number, number> {
  protected readonly kernel: RsiKernel;
  constructor(params: RsiParams = rsiDefaults) {
    super();
    this.kernel = new RsiKernel(params.period);
  }
  protected next(x: number): number {
    return this.kernel.step(x);
  }
}
