import { hashPassword } from '@/server/auth/password';
import type { PrismaClient } from '@/server/generated/prisma/client';
import { seedDemoPortfolio } from '@/server/portfolio/demo-portfolio';

/** The account the embedded default seeds and the sign-in page offers. Not for real deployments. */
export const DEMO_USER = {
  email: 'demo@stockvis.dev',
  password: 'demo1234',
  name: 'Demo Investor',
} as const;

export type SeedResult = {
  userId: string;
  created: boolean;
  /** Demo accounts created now (with the first trade date), so snapshots can be backfilled. */
  accounts: { accountId: string; fromDate: string }[];
};

/**
 * Demo data for a fresh database: the demo user and a multi-currency portfolio with a few years
 * of real-priced transactions. Idempotent: an existing demo user is left as it is (its password
 * included) and existing demo accounts are skipped, so seeding on every start is safe.
 */
export async function seedDemoData(prisma: PrismaClient): Promise<SeedResult> {
  const user = await seedDemoUser(prisma);
  const portfolio = await seedDemoPortfolio(prisma, user.userId);
  return {
    ...user,
    accounts: portfolio.created.map(({ accountId, fromDate }) => ({ accountId, fromDate })),
  };
}

async function seedDemoUser(prisma: PrismaClient): Promise<{ userId: string; created: boolean }> {
  const existing = await prisma.user.findUnique({
    where: { email: DEMO_USER.email },
    select: { id: true },
  });
  if (existing) return { userId: existing.id, created: false };

  const passwordHash = await hashPassword(DEMO_USER.password);
  try {
    const user = await prisma.user.create({
      data: { email: DEMO_USER.email, name: DEMO_USER.name, passwordHash },
      select: { id: true },
    });
    return { userId: user.id, created: true };
  } catch (error) {
    // Another process seeded between the lookup and here: the unique email decides, theirs wins.
    if ((error as { code?: string }).code !== 'P2002') throw error;
    const winner = await prisma.user.findUniqueOrThrow({
      where: { email: DEMO_USER.email },
      select: { id: true },
    });
    return { userId: winner.id, created: false };
  }
}
