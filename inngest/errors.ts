import { NonRetriableError, RetryAfterError } from 'inngest';
import { isDomainError, type DomainErrorCode } from '@/server/errors';

/** Codes that describe the request itself: retrying the same input cannot succeed. */
const permanent: ReadonlySet<DomainErrorCode> = new Set([
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'INVALID',
  'CONFLICT',
  'BROKER_REJECTED',
]);

/**
 * Map a service's DomainError to what Inngest understands: permanent codes stop retries
 * (NonRetriableError), a known wait (`details.retryAfterMs`, e.g. RATE_LIMITED) becomes a
 * RetryAfterError, anything else is rethrown unchanged and retried with backoff.
 */
export function toInngestError(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  if (permanent.has(error.code)) {
    return new NonRetriableError(`${error.code}: ${error.message}`, { cause: error });
  }
  const retryAfterMs = error.details.retryAfterMs;
  if (typeof retryAfterMs === 'number' && retryAfterMs > 0) {
    return new RetryAfterError(`${error.code}: ${error.message}`, retryAfterMs, { cause: error });
  }
  return error;
}

/** Run a service call inside a step, translating its DomainErrors (see `toInngestError`). */
export async function callService<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toInngestError(error);
  }
}
