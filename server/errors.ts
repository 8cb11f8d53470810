/**
 * Errors thrown by domain services. Transports map the code: tRPC via the error formatter in
 * server/api/trpc.ts, route handlers via `httpStatusOf`, Inngest via inngest/errors.ts.
 */
export const domainErrorCodes = [
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'INVALID',
  'CONFLICT',
  'RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'BROKER_REJECTED',
  'UNAVAILABLE',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

// A registry symbol, not `instanceof`: Next bundles instrumentation and route handlers separately,
// so an error thrown by the process-wide services may come from another copy of this class.
const DOMAIN_ERROR = Symbol.for('stockvis.DomainError');

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly [DOMAIN_ERROR] = true;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { retryAfterMs?: number; [key: string]: unknown } = {},
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { [DOMAIN_ERROR]?: unknown })[DOMAIN_ERROR] === true
  );
}

const httpStatus: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  INVALID: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PROVIDER_UNAVAILABLE: 503,
  BROKER_REJECTED: 422,
  UNAVAILABLE: 503,
};

export function httpStatusOf(code: DomainErrorCode): number {
  return httpStatus[code];
}
