import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/server/errors';
import { SIGN_IN_LIMITS } from '@/server/users/service';
import type { Services } from '@/server/services';
import { createTestDatabase } from '@/tests/helpers/test-db';
import { createTestServices } from '@/tests/helpers/test-services';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let services: Services;

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db.prisma, db.kind).services;
  await services.users.signUp(
    { email: 'carol@example.com', password: 'right password' },
    { ip: '192.0.2.1' },
  );
});

afterAll(async () => {
  await db?.dispose();
});

describe('password sign-in', () => {
  it('accepts the right password (email case-insensitive) and refuses a wrong one', async () => {
    const ok = await services.users.authenticate('Carol@Example.com', 'right password', {
      ip: '192.0.2.2',
    });
    expect(ok).toMatchObject({ email: 'carol@example.com' });
    expect(
      await services.users.authenticate('carol@example.com', 'wrong', { ip: '192.0.2.2' }),
    ).toBeNull();
    expect(
      await services.users.authenticate('nobody@example.com', 'x', { ip: '192.0.2.2' }),
    ).toBeNull();
  });

  it('stores an argon2id hash, never the password', async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'carol@example.com' } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain('right password');
  });

  it('rate limits attempts per email, even from many addresses', async () => {
    const email = 'dave@example.com';
    await services.users.signUp({ email, password: 'right password' }, { ip: '192.0.2.3' });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) {
      await services.users.authenticate(email, `guess ${i}`, { ip: `203.0.113.${i}` });
    }
    const blocked = services.users.authenticate(email, 'right password', { ip: '203.0.113.200' });
    await expect(blocked).rejects.toBeInstanceOf(DomainError);
    await expect(blocked).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('rate limits attempts per address, across emails', async () => {
    const ip = '198.51.100.99';
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) {
      await services.users.authenticate(`user${i}@example.com`, 'x', { ip });
    }
    await expect(
      services.users.authenticate('someone-else@example.com', 'x', { ip }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // Another address is unaffected.
    expect(
      await services.users.authenticate('someone-else@example.com', 'x', { ip: '198.51.100.100' }),
    ).toBeNull();
  });

  it('opens a new window once the old one has expired', async () => {
    const key = 'test:window';
    const rule = { key, limit: 1, windowMs: 1_000 };
    const t0 = new Date('2030-01-01T00:00:00Z');
    expect((await services.rateLimiter.hit([rule], t0)).allowed).toBe(true);
    expect((await services.rateLimiter.hit([rule], new Date(t0.getTime() + 500))).allowed).toBe(
      false,
    );
    const later = await services.rateLimiter.hit([rule], new Date(t0.getTime() + 1_500));
    expect(later).toMatchObject({ allowed: true, count: 1 });
  });
});

describe('GitHub sign-in', () => {
  const github = (providerAccountId: string, email: string) => ({
    provider: 'github',
    providerAccountId,
    email,
    name: 'Octo Cat',
  });

  it('creates an account for a new identity and finds it again next time', async () => {
    const first = await services.users.signInWithOAuth(github('gh-1', 'Octo@Example.com'));
    expect(first.email).toBe('octo@example.com');
    expect(await services.users.signInWithOAuth(github('gh-1', 'octo@example.com'))).toEqual(first);
    expect((await services.users.getProfile(first.id)).hasPassword).toBe(false);
  });

  it('never joins a GitHub identity to an existing account by email alone', async () => {
    // Someone registered the victim's address with their own password first.
    await services.users.signUp(
      { email: 'victim@example.com', password: 'attacker password' },
      { ip: '192.0.2.50' },
    );
    await expect(
      services.users.signInWithOAuth(github('gh-victim', 'victim@example.com')),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'OAuthAccountNotLinked' } });
    expect(await db.prisma.oAuthAccount.count({ where: { providerAccountId: 'gh-victim' } })).toBe(
      0,
    );
  });

  it('survives a double click: two concurrent first sign-ins give one account', async () => {
    const results = await Promise.all([
      services.users.signInWithOAuth(github('gh-2', 'twice@example.com')),
      services.users.signInWithOAuth(github('gh-2', 'twice@example.com')),
    ]);
    expect(results[0].id).toBe(results[1].id);
    expect(await db.prisma.user.count({ where: { email: 'twice@example.com' } })).toBe(1);
  });
});
