import type { PrismaClient, User } from '@/server/generated/prisma/client';
import { DomainError } from '@/server/errors';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import type { RateLimiter } from '@/server/rate-limit/rate-limiter';
import {
  DISPLAY_CURRENCIES,
  LOCALES,
  type ChangePasswordInput,
  type SignUpInput,
  type UpdatePreferencesInput,
  type UserProfile,
} from './schemas';

export type SessionUser = { id: string; email: string; name: string | null };

/** next-auth's own error code for "this email belongs to an account signed in another way". */
export const OAUTH_ACCOUNT_NOT_LINKED = 'OAuthAccountNotLinked';

/** Sign-in limits: generous per IP (shared NATs), tighter per account (guessing one password). */
export const SIGN_IN_LIMITS = {
  perIp: { limit: 30, windowMs: 15 * 60_000 },
  perEmail: { limit: 10, windowMs: 15 * 60_000 },
} as const;
export const SIGN_UP_LIMIT_PER_IP = { limit: 10, windowMs: 60 * 60_000 } as const;

export type UserService = ReturnType<typeof createUserService>;

export function createUserService({
  db,
  rateLimiter,
}: {
  db: PrismaClient;
  rateLimiter: RateLimiter;
}) {
  async function requireUser(userId: string): Promise<User> {
    const user = await db.user.findUnique({ where: { id: userId } });
    if (!user) throw new DomainError('NOT_FOUND', 'User not found.');
    return user;
  }

  return {
    async signUp(input: SignUpInput, context: { ip: string }): Promise<SessionUser> {
      const limit = await rateLimiter.hit([
        { key: `sign-up:ip:${context.ip}`, ...SIGN_UP_LIMIT_PER_IP },
      ]);
      if (!limit.allowed) {
        throw new DomainError('RATE_LIMITED', 'Too many sign-ups from this address.', {
          retryAfterMs: limit.resetAt.getTime() - Date.now(),
        });
      }
      const existing = await db.user.findUnique({ where: { email: input.email } });
      if (existing) throw new DomainError('CONFLICT', 'An account with this email already exists.');
      const passwordHash = await hashPassword(input.password);
      try {
        const user = await db.user.create({
          data: { email: input.email, name: input.name ?? null, passwordHash },
        });
        return { id: user.id, email: user.email, name: user.name };
      } catch (error) {
        // Two concurrent sign-ups with one email: the unique index decides.
        if ((error as { code?: string }).code === 'P2002') {
          throw new DomainError('CONFLICT', 'An account with this email already exists.');
        }
        throw error;
      }
    },

    /**
     * Check an email and password, counting the attempt against the per-IP and per-email limits
     * before the (deliberately slow) hash comparison. Returns null for wrong credentials.
     */
    async authenticate(
      email: string,
      password: string,
      context: { ip: string },
    ): Promise<SessionUser | null> {
      const normalized = email.trim().toLowerCase();
      const emailKey = `sign-in:email:${normalized}`;
      const limit = await rateLimiter.hit([
        { key: `sign-in:ip:${context.ip}`, ...SIGN_IN_LIMITS.perIp },
        { key: emailKey, ...SIGN_IN_LIMITS.perEmail },
      ]);
      if (!limit.allowed) {
        throw new DomainError('RATE_LIMITED', 'Too many sign-in attempts.', {
          retryAfterMs: limit.resetAt.getTime() - Date.now(),
        });
      }
      const user = await db.user.findUnique({ where: { email: normalized } });
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) return null;
      await rateLimiter.reset(emailKey);
      return { id: user.id, email: user.email, name: user.name };
    },

    /**
     * Sign-in through an OAuth provider. A new identity creates a new account; it is never joined
     * to an existing account by email, because nobody proved that email belongs to either side
     * (someone could sign up with a victim's address and wait for the victim's GitHub sign-in).
     */
    async signInWithOAuth(input: {
      provider: string;
      providerAccountId: string;
      email: string;
      name: string | null;
    }): Promise<SessionUser> {
      const key = { provider: input.provider, providerAccountId: input.providerAccountId };
      const findLinked = () =>
        db.oAuthAccount.findUnique({
          where: { provider_providerAccountId: key },
          include: { user: true },
        });
      const linked = await findLinked();
      if (linked) return { id: linked.user.id, email: linked.user.email, name: linked.user.name };
      const email = input.email.trim().toLowerCase();
      // The account may exist because a concurrent sign-in (double click) just created it.
      const linkedOrRefuse = async (): Promise<SessionUser> => {
        const winner = await findLinked();
        if (winner) return { id: winner.user.id, email: winner.user.email, name: winner.user.name };
        throw new DomainError('CONFLICT', 'An account with this email already exists.', {
          reason: OAUTH_ACCOUNT_NOT_LINKED,
        });
      };
      if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
        return linkedOrRefuse();
      }
      try {
        // User and identity in one statement, so the identity is visible as soon as the user is.
        const user = await db.user.create({
          data: { email, name: input.name, oauthAccounts: { create: key } },
        });
        return { id: user.id, email: user.email, name: user.name };
      } catch (error) {
        if ((error as { code?: string }).code !== 'P2002') throw error;
        return linkedOrRefuse();
      }
    },

    async getProfile(userId: string): Promise<UserProfile> {
      return toProfile(await requireUser(userId));
    },

    async updatePreferences(userId: string, input: UpdatePreferencesInput): Promise<UserProfile> {
      await requireUser(userId);
      const user = await db.user.update({ where: { id: userId }, data: input });
      return toProfile(user);
    },

    async changePassword(userId: string, input: ChangePasswordInput): Promise<void> {
      const user = await requireUser(userId);
      if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new DomainError('INVALID', 'The current password is wrong.', {
          field: 'currentPassword',
        });
      }
      await db.user.update({
        where: { id: userId },
        data: { passwordHash: await hashPassword(input.newPassword) },
      });
    },
  };
}

function toProfile(user: User): UserProfile {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: (LOCALES as readonly string[]).includes(user.locale)
      ? (user.locale as UserProfile['locale'])
      : 'ko',
    displayCurrency: (DISPLAY_CURRENCIES as readonly string[]).includes(user.displayCurrency)
      ? (user.displayCurrency as UserProfile['displayCurrency'])
      : 'KRW',
    timezone: user.timezone,
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt,
  };
}
