import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/server/auth/password';
import { DEMO_USER, seedDemoData } from '@/server/db/seed';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';

describe(`seedDemoData (${process.env.TEST_DB ?? 'pglite'})`, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('creates the demo user with a verifiable password', async () => {
    const result = await seedDemoData(db.prisma);
    expect(result.created).toBe(true);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    expect(user).toMatchObject({ id: result.userId, name: 'Demo Investor' });
    expect(user.passwordHash).not.toContain(DEMO_USER.password);
    expect(await verifyPassword(user.passwordHash!, 'demo1234')).toBe(true);
    expect(await verifyPassword(user.passwordHash!, 'demo12345')).toBe(false);
    // A KRW and a USD account with a ledger, reported so their snapshots can be backfilled.
    expect(result.accounts).toHaveLength(2);
    const accounts = await db.prisma.account.findMany({ where: { userId: result.userId } });
    expect(accounts.map((a) => a.baseCurrency).sort()).toEqual(['KRW', 'USD']);
    expect(await db.prisma.transaction.count()).toBeGreaterThan(20);
  }, 60_000);

  it('is idempotent: a second run changes nothing', async () => {
    const before = await db.prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    const transactions = await db.prisma.transaction.count();
    const again = await seedDemoData(db.prisma);
    expect(again).toEqual({ userId: before.id, created: false, accounts: [] });
    expect(await db.prisma.user.count()).toBe(1);
    expect(await db.prisma.transaction.count()).toBe(transactions);
    const after = await db.prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER.email } });
    expect(after).toEqual(before);
  });

  it('survives two concurrent runs on a fresh database', async () => {
    await db.prisma.user.deleteMany();
    const results = await Promise.all([seedDemoData(db.prisma), seedDemoData(db.prisma)]);
    expect(new Set(results.map((result) => result.userId)).size).toBe(1);
    expect(await db.prisma.user.count()).toBe(1);
    expect(await db.prisma.account.count()).toBe(2);
  }, 60_000);
});
