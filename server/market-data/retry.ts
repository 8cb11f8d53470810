import { isDomainError } from '@/server/errors';
import { isTransientProviderError } from './errors';

/**
 * Retries for transient provider failures only (throttles, timeouts, network, 5xx, expired
 * tokens): a final answer such as not-found or a spent daily budget is returned at once. Delays
 * grow exponentially with jitter so processes that failed together do not retry together; a
 * provider's own `retryAfterMs` wins when it asks for longer.
 */
export interface RetryPolicy {
  /** Attempts in total, including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Share of each delay that is randomised, 0..1 (0.5: between 50% and 100% of the delay). */
  jitter: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  jitter: 0.5,
};

export interface RetryOptions {
  signal?: AbortSignal;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
  /** Injected for tests; defaults to an abortable timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

/** The delay before retry number `attempt` (1 = the first retry). */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'jitter'>,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(exponential * (1 - jitter * random()));
}

export async function withRetry<T>(
  run: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  options: RetryOptions = {},
): Promise<T> {
  const sleep = options.sleep ?? abortableSleep;
  for (let attempt = 1; ; attempt += 1) {
    options.signal?.throwIfAborted();
    try {
      return await run(attempt);
    } catch (error) {
      if (attempt >= policy.maxAttempts || !isTransientProviderError(error)) throw error;
      const asked = isDomainError(error) ? error.details.retryAfterMs : undefined;
      const delayMs = Math.max(backoffDelay(attempt, policy, options.random), asked ?? 0);
      // A provider asking us to wait longer than we ever would: give its answer to the caller.
      if (delayMs > policy.maxDelayMs) throw error;
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
