import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import { z } from 'zod';
import { isDomainError } from '@/server/errors';
import { logger } from '@/server/logger';
import type { SessionUser, UserService } from '@/server/users/service';

/** Error codes next-auth hands back to the sign-in form (`result.error`). */
export const SIGN_IN_ERRORS = { rateLimited: 'RATE_LIMITED' } as const;

const credentialsSchema = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export type AuthDeps = {
  secret: string;
  github?: { clientId: string; clientSecret: string };
  users: () => Promise<Pick<UserService, 'authenticate' | 'signInWithOAuth'>>;
};

/** Client address for rate limiting: the first hop a proxy recorded, else "unknown". */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers): string {
  const get = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || get('x-real-ip')?.trim() || 'unknown';
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
              ip: clientIp(req.headers ?? {}),
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
        const linked = await users.signInWithOAuth({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email,
          name: user.name ?? null,
        });
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
