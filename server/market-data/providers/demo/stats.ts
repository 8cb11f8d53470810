import type { Bar } from '@/server/market-data/types';

/**
 * What the simulation needs to look like the instrument itself: daily volatility split into the
 * overnight gap and the open-to-close move, typical wick lengths and the volume level, all measured
 * on the last year of real bars. Zero-volume rows (halts, placeholders) are skipped.
 */
export interface InstrumentStats {
  /** Std of daily log close-to-close returns. */
  closeSigma: number;
  /** Std of log(open / previous close), scaled so gap² + oc² = close². */
  gapSigma: number;
  /** Std of log(close / open). */
  ocSigma: number;
  /** Mean of log(high / max(open, close)). */
  upperWick: number;
  /** Mean of log(min(open, close) / low). */
  lowerWick: number;
  /** Median volume of the last 60 trading days. */
  volumeMedian: number;
  /** Std of log(volume / median). */
  volumeSigma: number;
}

const std = (values: number[]): number => {
  if (values.length < 2) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
};

const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export function instrumentStats(bars: readonly Bar[], window = 250): InstrumentStats {
  const traded = bars.filter((b) => b.volume > 0 && b.low > 0);
  const recent = traded.slice(-(window + 1));
  if (recent.length < 30) throw new Error(`need at least 30 traded bars, got ${recent.length}`);
  const closeReturns: number[] = [];
  const gaps: number[] = [];
  for (let i = 1; i < recent.length; i++) {
    const prev = recent[i - 1] as Bar;
    const bar = recent[i] as Bar;
    closeReturns.push(Math.log(bar.close / prev.close));
    gaps.push(Math.log(bar.open / prev.close));
  }
  const closeSigma = std(closeReturns);
  const ocSigma = Math.min(std(recent.map((b) => Math.log(b.close / b.open))), closeSigma);
  // Keep the total daily variance equal to the measured close-to-close one.
  const gapSigma = Math.min(std(gaps), Math.sqrt(Math.max(0, closeSigma ** 2 - ocSigma ** 2)));
  const volumes = recent.map((b) => b.volume);
  const volumeMedian = median(volumes.slice(-60));
  return {
    closeSigma,
    gapSigma,
    ocSigma: Math.sqrt(Math.max(0, closeSigma ** 2 - gapSigma ** 2)),
    upperWick: mean(recent.map((b) => Math.log(b.high / Math.max(b.open, b.close)))),
    lowerWick: mean(recent.map((b) => Math.log(Math.min(b.open, b.close) / b.low))),
    volumeMedian,
    volumeSigma: Math.min(1.5, std(volumes.map((v) => Math.log(v / volumeMedian)))),
  };
}
