import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger };

const globalForLogger = globalThis as unknown as { stockvisLogger?: Logger };

/**
 * One structured logger per process. Secrets are redacted by path so a careless
 * `log.info({ config })` cannot leak them.
 */
export const logger: Logger = (globalForLogger.stockvisLogger ??= pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { app: 'stockvis' },
  redact: {
    paths: [
      '*.password',
      '*.passwordHash',
      '*.secret',
      '*.token',
      '*.authorization',
      '*.cookie',
      'headers.authorization',
      'headers.cookie',
    ],
    censor: '[redacted]',
  },
}));

export const REQUEST_ID_HEADER = 'x-request-id';

/** Reuse an incoming request id (set by proxy.ts or an upstream proxy) or make a new one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && /^[\w.-]{8,128}$/.test(incoming) ? incoming : randomUUID();
}
