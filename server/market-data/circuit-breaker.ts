import { isDomainError } from '@/server/errors';
import { ProviderError, providerErrorKind } from './errors';
import type { ProviderId } from './types';

/**
 * Stops calling a provider that keeps failing, so a dead upstream costs one fast rejection instead
 * of a timeout per request, and the router can fall back. Closed → open after `failureThreshold`
 * consecutive failures; after `cooldownMs` one trial call is let through (half-open): success
 * closes the breaker, failure opens it for another cooldown. An unknown symbol is a correct answer,
 * not a failure, and a caller's own abort says nothing about the provider.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitSnapshot {
  provider: ProviderId;
  state: CircuitState;
  /** Consecutive failures counted so far. */
  failures: number;
  /** Epoch ms the breaker last opened; null while it has not. */
  openedAt: number | null;
  /** Epoch ms the next trial call is allowed; null unless open. */
  nextAttemptAt: number | null;
}

export interface CircuitBreaker {
  run<T>(call: () => Promise<T>): Promise<T>;
  snapshot(): CircuitSnapshot;
}

export interface CircuitBreakerOptions {
  provider: ProviderId;
  failureThreshold?: number;
  cooldownMs?: number;
  now?: () => number;
}

const notFailures = new Set(['not-found', 'unsupported', 'circuit-open']);

function countsAsFailure(error: unknown): boolean {
  const kind = providerErrorKind(error);
  if (kind !== undefined) return !notFailures.has(kind);
  // Aborts come back as the caller's reason (AbortError / TimeoutError DOMExceptions).
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return false;
  }
  // Other domain errors (validation of our own input) are not the provider's fault either.
  return !isDomainError(error);
}

export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const now = options.now ?? Date.now;
  let state: CircuitState = 'closed';
  let failures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;

  const nextAttemptAt = () => (openedAt === null ? null : openedAt + cooldownMs);

  const open = () => {
    state = 'open';
    openedAt = now();
  };

  return {
    async run(call) {
      if (state === 'open') {
        const at = nextAttemptAt()!;
        if (now() < at) throw rejection(options.provider, at - now());
        state = 'half-open';
      }
      if (state === 'half-open') {
        if (trialInFlight) throw rejection(options.provider, cooldownMs);
        trialInFlight = true;
      }
      const isTrial = state === 'half-open';
      try {
        const result = await call();
        state = 'closed';
        failures = 0;
        return result;
      } catch (error) {
        if (countsAsFailure(error)) {
          failures += 1;
          if (isTrial || failures >= threshold) open();
        } else if (isTrial && providerErrorKind(error) === 'not-found') {
          // The trial reached the provider and got a real answer: it is healthy again.
          state = 'closed';
          failures = 0;
        } else if (isTrial) {
          // Aborted before we learnt anything: the next call may try again.
          state = 'open';
        }
        throw error;
      } finally {
        if (isTrial) trialInFlight = false;
      }
    },
    snapshot() {
      return {
        provider: options.provider,
        state,
        failures,
        openedAt,
        nextAttemptAt: state === 'closed' ? null : nextAttemptAt(),
      };
    },
  };
}

function rejection(provider: ProviderId, retryAfterMs: number): ProviderError {
  return new ProviderError(provider, 'circuit-open', `${provider} is failing; not calling it`, {
    retryAfterMs: Math.max(0, retryAfterMs),
  });
}
