import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import { z } from 'zod';
import { isDomainError } from '@/server/errors';
import { logger } from '@/server/logger';
import {
  OAUTH_ACCOUNT_NOT_LINKED,
  type SessionUser,
  type UserService,
} from '@/server/users/service';

/** Error codes next-auth hands back to the sign-in form (`result.error`). */
export const SIGN_IN_ERRORS = { rateLimited: 'RATE_LIMITED' } as const;

const credentialsSchema = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export type AuthDeps = {
  secret: string;
  github?: { clientId: string; clientSecret: string };
  /** Proxies in front of the app that append to X-Forwarded-For (see clientIp). */
  trustedProxyHops?: number;
  users: () => Promise<Pick<UserService, 'authenticate' | 'signInWithOAuth'>>;
};

/**
 * Client address for rate limiting. Each proxy appends the address it received the request from
 * to X-Forwarded-For, so with `trustedHops` proxies in front of the app the client is the entry
 * that many places from the right; entries further left were written by the client itself.
 */
export function clientIp(
  headers: Record<string, string | string[] | undefined> | Headers,
  trustedHops = 1,
): string {
  const get = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const hops = (get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const index = Math.max(0, hops.length - Math.max(1, trustedHops));
  return hops[index] || get('x-real-ip')?.trim() || 'unknown';
}

export function buildAuthOptions(deps: AuthDeps): NextAuthOptions {
  return {
    secret: deps.secret,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, 'next-auth error'),
      warn: (code) => logger.warn({ code }, 'next-auth warning'),
      debug: () => undefined,
    },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          try {
            const users = await deps.users();
            const user = await users.authenticate(parsed.data.email, parsed.data.password, {
              ip: clientIp(req.headers ?? {}, deps.trustedProxyHops),
            });
            return user ? { id: user.id, email: user.email, name: user.name } : null;
          } catch (error) {
            if (isDomainError(error) && error.code === 'RATE_LIMITED') {
              throw new Error(SIGN_IN_ERRORS.rateLimited);
            }
            throw error;
          }
        },
      }),
      ...(deps.github
        ? [
            GitHubProvider({
              clientId: deps.github.clientId,
              clientSecret: deps.github.clientSecret,
            }),
          ]
        : []),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (!account || account.provider === 'credentials') return true;
        if (!user.email) return false; // a GitHub account without a public or verified email
        const users = await deps.users();
        let linked: SessionUser;
        try {
          linked = await users.signInWithOAuth({
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email: user.email,
            name: user.name ?? null,
          });
        } catch (error) {
          if (isDomainError(error) && error.code === 'CONFLICT') {
            return `/sign-in?error=${OAUTH_ACCOUNT_NOT_LINKED}`;
          }
          throw error;
        }
        // Carry our id, not the provider's, into the jwt callback.
        user.id = linked.id;
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.email = user.email;
          token.name = user.name;
        }
        return token;
      },
      async session({ session, token }) {
        if (token.sub) {
          session.user = { ...session.user, id: token.sub } as typeof session.user & SessionUser;
        }
        return session;
      },
    },
  };
}
