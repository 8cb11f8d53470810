import { describe, expect, it } from 'vitest';
import { buildAuthOptions, clientIp, SIGN_IN_ERRORS } from '@/server/auth/options';
import { DomainError } from '@/server/errors';
import type { SessionUser } from '@/server/users/service';

const secret = 's'.repeat(32);

function optionsWith(
  authenticate: (
    email: string,
    password: string,
    ctx: { ip: string },
  ) => Promise<SessionUser | null>,
  github?: { clientId: string; clientSecret: string },
) {
  return buildAuthOptions({
    secret,
    github,
    users: async () => ({
      authenticate,
      signInWithOAuth: async () => ({ id: 'u1', email: 'x@example.com', name: null }),
    }),
  });
}

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<unknown>;

function authorizeOf(options: ReturnType<typeof buildAuthOptions>): Authorize {
  const credentials = options.providers.find((provider) => provider.id === 'credentials');
  return (credentials as unknown as { options: { authorize: Authorize } }).options.authorize;
}

describe('next-auth options', () => {
  it('offers GitHub only when its keys are configured', () => {
    const ids = (github?: { clientId: string; clientSecret: string }) =>
      optionsWith(async () => null, github).providers.map((provider) => provider.id);
    expect(ids()).toEqual(['credentials']);
    expect(ids({ clientId: 'id', clientSecret: 'secret' })).toEqual(['credentials', 'github']);
  });

  it('uses JWT sessions signed with the configured secret', () => {
    const options = optionsWith(async () => null);
    expect(options.session?.strategy).toBe('jwt');
    expect(options.secret).toBe(secret);
  });

  it('checks credentials with the client address that a proxy recorded', async () => {
    const seen: Array<{ email: string; ip: string }> = [];
    const authorize = authorizeOf(
      optionsWith(async (email, _password, { ip }) => {
        seen.push({ email, ip });
        return { id: 'u1', email, name: null };
      }),
    );
    const user = await authorize(
      { email: 'a@example.com', password: 'pw' },
      { headers: { 'x-forwarded-for': '203.0.113.5' } },
    );
    expect(user).toEqual({ id: 'u1', email: 'a@example.com', name: null });
    expect(seen).toEqual([{ email: 'a@example.com', ip: '203.0.113.5' }]);
  });

  it('answers a rate-limited attempt with the RATE_LIMITED code the sign-in form shows', async () => {
    const authorize = authorizeOf(
      optionsWith(async () => {
        throw new DomainError('RATE_LIMITED', 'Too many sign-in attempts.');
      }),
    );
    await expect(
      authorize({ email: 'a@example.com', password: 'pw' }, { headers: {} }),
    ).rejects.toThrow(SIGN_IN_ERRORS.rateLimited);
  });

  it('refuses malformed credentials without asking the user service', async () => {
    let called = false;
    const authorize = authorizeOf(
      optionsWith(async () => {
        called = true;
        return null;
      }),
    );
    expect(await authorize({ email: '', password: '' }, { headers: {} })).toBeNull();
    expect(called).toBe(false);
  });

  it('takes the address the nearest trusted proxy recorded, not one the client wrote', () => {
    // The client sent "1.2.3.4"; nginx appended the address it saw.
    const forwarded = new Headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9' });
    expect(clientIp(forwarded)).toBe('203.0.113.9');
    // Behind a CDN and nginx: the client is two places from the right.
    const twoHops = new Headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9, 10.0.0.2' });
    expect(clientIp(twoHops, 2)).toBe('203.0.113.9');
    expect(clientIp(new Headers({ 'x-forwarded-for': '203.0.113.9' }), 3)).toBe('203.0.113.9');
  });

  it('reads the client address from standard headers', () => {
    expect(clientIp(new Headers({ 'x-real-ip': '198.51.100.1' }))).toBe('198.51.100.1');
    expect(clientIp({})).toBe('unknown');
  });
});
