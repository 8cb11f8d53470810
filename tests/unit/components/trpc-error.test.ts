import { describe, expect, it } from 'vitest';
import {
  errorField,
  errorMessageKey,
  fieldIssues,
  trpcErrorCode,
} from '@/components/ui/trpc-error';

const trpcError = (code: string, zodError: unknown = null) =>
  Object.assign(new Error('boom'), { data: { code, httpStatus: 400, zodError } });

describe('trpc error helpers', () => {
  it('maps tRPC codes to message keys', () => {
    expect(errorMessageKey(trpcError('CONFLICT'))).toBe('conflict');
    expect(errorMessageKey(trpcError('TOO_MANY_REQUESTS'))).toBe('tooManyRequests');
    expect(errorMessageKey(trpcError('UNAUTHORIZED'))).toBe('unauthorized');
    expect(errorMessageKey(trpcError('INTERNAL_SERVER_ERROR'))).toBe('generic');
    expect(trpcErrorCode(trpcError('NOT_FOUND'))).toBe('NOT_FOUND');
  });

  it('treats an error without response data as a network failure when fetch failed', () => {
    expect(errorMessageKey(new TypeError('Failed to fetch'))).toBe('network');
    expect(errorMessageKey(new Error('Unexpected token'))).toBe('generic');
    expect(errorMessageKey('not an error')).toBe('generic');
    expect(trpcErrorCode(undefined)).toBeUndefined();
  });

  it('reads field issues from flattened and tree-shaped zod errors', () => {
    expect(
      fieldIssues(
        trpcError('BAD_REQUEST', { formErrors: [], fieldErrors: { email: ['INVALID_EMAIL'] } }),
      ),
    ).toEqual({ email: ['INVALID_EMAIL'] });
    expect(
      fieldIssues(
        trpcError('BAD_REQUEST', {
          errors: [],
          properties: { password: { errors: ['PASSWORD_TOO_SHORT'] }, name: { errors: [] } },
        }),
      ),
    ).toEqual({ password: ['PASSWORD_TOO_SHORT'] });
    expect(fieldIssues(trpcError('BAD_REQUEST'))).toEqual({});
  });

  it('reads the field a domain error points at', () => {
    const error = Object.assign(new Error('wrong'), {
      data: { code: 'BAD_REQUEST', field: 'currentPassword' },
    });
    expect(errorField(error)).toBe('currentPassword');
    expect(errorField(trpcError('BAD_REQUEST'))).toBeUndefined();
  });
});
