import { DomainError, type DomainErrorCode, isDomainError } from '@/server/errors';
import type { ProviderId } from './types';

/**
 * How a provider call failed. `transient` kinds are retried with backoff; the rest are final for
 * this call (and some, like `bad-key` or `daily-limit`, for the rest of the window).
 */
export type ProviderErrorKind =
  | 'not-found' // unknown symbol (AV `{}` / `Global Quote: {}`, invalid API call for a symbol)
  | 'bad-key' // missing or invalid API key / app secret
  | 'minute-limit' // per-second or per-minute throttle (AV "Note", KIS EGW00201)
  | 'daily-limit' // per-day cap reached (AV "Information … per day")
  | 'premium' // endpoint or parameter needs a paid plan
  | 'token-expired' // KIS EGW00123
  | 'malformed' // payload did not match the documented shape
  | 'timeout'
  | 'network' // connection refused, reset, DNS
  | 'server' // HTTP 5xx
  | 'rejected' // any other documented provider error (rt_cd != 0 …)
  | 'unsupported' // this provider does not serve the request
  | 'circuit-open'; // the breaker is open; not even attempted

const transientKinds: ReadonlySet<ProviderErrorKind> = new Set([
  'minute-limit',
  'timeout',
  'network',
  'server',
  'token-expired',
]);

const codeOf: Record<ProviderErrorKind, DomainErrorCode> = {
  'not-found': 'NOT_FOUND',
  'bad-key': 'PROVIDER_UNAVAILABLE',
  'minute-limit': 'RATE_LIMITED',
  'daily-limit': 'RATE_LIMITED',
  premium: 'PROVIDER_UNAVAILABLE',
  'token-expired': 'PROVIDER_UNAVAILABLE',
  malformed: 'PROVIDER_UNAVAILABLE',
  timeout: 'PROVIDER_UNAVAILABLE',
  network: 'PROVIDER_UNAVAILABLE',
  server: 'PROVIDER_UNAVAILABLE',
  rejected: 'PROVIDER_UNAVAILABLE',
  unsupported: 'PROVIDER_UNAVAILABLE',
  'circuit-open': 'PROVIDER_UNAVAILABLE',
};

export class ProviderError extends DomainError {
  constructor(
    readonly provider: ProviderId,
    readonly kind: ProviderErrorKind,
    message: string,
    extra: { retryAfterMs?: number; status?: number; providerCode?: string } = {},
  ) {
    super(codeOf[kind], message, { provider, kind, ...extra });
  }

  get transient(): boolean {
    return transientKinds.has(this.kind);
  }
}

/** Works across bundle copies (see server/errors.ts): reads the details, not the class. */
export function providerErrorKind(error: unknown): ProviderErrorKind | undefined {
  if (!isDomainError(error)) return undefined;
  const kind = error.details.kind;
  return typeof kind === 'string' && kind in codeOf ? (kind as ProviderErrorKind) : undefined;
}

export function isTransientProviderError(error: unknown): boolean {
  const kind = providerErrorKind(error);
  return kind !== undefined && transientKinds.has(kind);
}
