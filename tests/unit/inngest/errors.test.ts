import { NonRetriableError, RetryAfterError } from 'inngest';
import { describe, expect, it } from 'vitest';
import { callService, toInngestError } from '@/inngest/errors';
import { DomainError } from '@/server/errors';

describe('toInngestError', () => {
  it.each([
    'NOT_FOUND',
    'FORBIDDEN',
    'UNAUTHORIZED',
    'INVALID',
    'CONFLICT',
    'BROKER_REJECTED',
  ] as const)('makes %s non-retriable', (code) => {
    const original = new DomainError(code, 'nope');
    const mapped = toInngestError(original);
    expect(mapped).toBeInstanceOf(NonRetriableError);
    expect(mapped).toMatchObject({ message: `${code}: nope`, cause: original });
  });

  it('turns a known wait into a RetryAfterError', () => {
    const mapped = toInngestError(
      new DomainError('RATE_LIMITED', 'busy', { retryAfterMs: 30_000 }),
    );
    expect(mapped).toBeInstanceOf(RetryAfterError);
    expect(mapped).toMatchObject({ retryAfter: '30' });
  });

  it('leaves transient and foreign errors to ordinary retries', () => {
    const transient = new DomainError('PROVIDER_UNAVAILABLE', 'down');
    const foreign = new TypeError('boom');
    expect(toInngestError(transient)).toBe(transient);
    expect(toInngestError(foreign)).toBe(foreign);
  });
});

describe('callService', () => {
  it('returns the result or throws the mapped error', async () => {
    await expect(callService(async () => 42)).resolves.toBe(42);
    await expect(
      callService(async () => {
        throw new DomainError('INVALID', 'bad');
      }),
    ).rejects.toBeInstanceOf(NonRetriableError);
  });
});
