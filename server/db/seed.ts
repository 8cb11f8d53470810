import { hashPassword } from '@/server/auth/password';
import type { PrismaClient } from '@/server/generated/prisma/client';

/** The account the embedded default seeds and the sign-in page offers. Not for real deployments. */
export const DEMO_USER = {
  email: 'demo@stockvis.dev',
  password: 'demo1234',
  name: 'Demo Investor',
} as const;

export type SeedResult = { userId: string; created: boolean };

/**
 * Demo data for a fresh database. Idempotent: an existing demo user is left as it is (its
 * password included), so seeding on every start is safe.
 */
export async function seedDemoData(prisma: PrismaClient): Promise<SeedResult> {
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
