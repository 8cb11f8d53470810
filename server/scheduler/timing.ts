/** Retry backoff, sleep durations and cancellable waits for the local runner. */

export type BackoffOptions = { baseMs: number; maxMs: number };

/** First retry after 5–10 s, doubling up to 5 min; a development stand-in for Inngest's schedule. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 10_000, maxMs: 300_000 };

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of
 * runs that failed together spread out but never come back immediately.
 */
export function retryDelayMs(
  attempt: number,
  backoff: BackoffOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The SDK reports a RetryAfterError's wait as whole seconds ("30") or an ISO date; undefined if
 * the value is neither.
 */
export function retryAfterMs(retryAfter: string, now: Date): number | undefined {
  if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const at = Date.parse(retryAfter);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

const SLEEP_UNITS: Record<string, number> = {
  w: 604_800_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
};

/**
 * How long a `step.sleep`/`step.sleepUntil` op waits. The SDK encodes it in the op's name: a
 * duration such as "1h30m5s" (sleep) or an ISO timestamp (sleepUntil).
 */
export function sleepDurationMs(encoded: string, now: Date): number {
  if (/^(\d+[wdhms])+$/.test(encoded)) {
    let total = 0;
    for (const [, amount, unit] of encoded.matchAll(/(\d+)([wdhms])/g)) {
      total += Number(amount) * (SLEEP_UNITS[unit ?? ''] ?? 0);
    }
    return total;
  }
  const until = Date.parse(encoded);
  if (Number.isNaN(until)) throw new Error(`Unrecognised sleep duration '${encoded}'`);
  return Math.max(0, until - now.getTime());
}

export class RunnerStoppedError extends Error {
  override readonly name = 'RunnerStoppedError';
  constructor() {
    super('The local job runner stopped');
  }
}

// setTimeout takes at most a 32-bit millisecond delay; longer sleeps wait in hops.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Resolve after `ms`, or reject with RunnerStoppedError once `signal` aborts. The timer is
 * unref'd: a sleeping run must not keep `next start` alive after SIGTERM.
 */
export function cancellableWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new RunnerStoppedError());
    let remaining = Math.max(0, ms);
    let timer: NodeJS.Timeout;
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RunnerStoppedError());
    };
    const hop = () => {
      const delay = Math.min(remaining, MAX_TIMER_MS);
      remaining -= delay;
      timer = setTimeout(() => {
        if (remaining > 0) return hop();
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, delay);
      timer.unref();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    hop();
  });
}
