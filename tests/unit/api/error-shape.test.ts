import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appRouter } from '@/server/api/root';
import type { TRPCContext } from '@/server/api/trpc';
import { DomainError } from '@/server/errors';
import { logger } from '@/server/logger';
import type { Services } from '@/server/services';

function callMe(services: () => Promise<Services>) {
  const context: TRPCContext = {
    user: { id: 'u1', email: 'a@example.com', name: null },
    requestId: 'req-1',
    ip: '192.0.2.1',
    log: logger,
    services,
  };
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request('http://localhost/api/trpc/users.me'),
    router: appRouter,
    createContext: () => context,
  });
}

const failingWith = (error: Error) => async () =>
  ({ users: { getProfile: async () => Promise.reject(error) } }) as unknown as Services;

afterEach(() => vi.unstubAllEnvs());

describe('tRPC error responses', () => {
  it('hide an unexpected failure’s message in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const response = await callMe(failingWith(new Error('relation "User" on db.internal:5432')));
    expect(response.status).toBe(500);
    const body = JSON.stringify(await response.json());
    expect(body).toContain('Internal server error');
    expect(body).not.toContain('db.internal');
  });

  it('keep a domain error’s code, message and HTTP status', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const response = await callMe(failingWith(new DomainError('NOT_FOUND', 'User not found.')));
    expect(response.status).toBe(404);
    const [error] = [
      (await response.json()) as {
        error: { json: { message: string; data: { domainCode: string } } };
      },
    ];
    expect(error.error.json).toMatchObject({
      message: 'User not found.',
      data: { domainCode: 'NOT_FOUND' },
    });
  });
});
