import { getServerSession, type NextAuthOptions } from 'next-auth';
import { appEnv } from '@/server/env';
import { resolveSecrets } from '@/server/config/secrets';
import { buildAuthOptions } from './options';
import type { SessionUser } from '@/server/users/service';

const globalForAuth = globalThis as unknown as { stockvisAuthOptions?: NextAuthOptions };

/** next-auth options for this process (secret from the environment or .data/secrets.json). */
export function getAuthOptions(): NextAuthOptions {
  if (globalForAuth.stockvisAuthOptions) return globalForAuth.stockvisAuthOptions;
  const env = appEnv();
  // Behind the embedded default there is no NEXTAUTH_URL: trust the Host header (local use only).
  if (!env.production && !env.auth.url) process.env.AUTH_TRUST_HOST ??= '1';
  globalForAuth.stockvisAuthOptions = buildAuthOptions({
    secret: resolveSecrets(env).authSecret,
    github: env.auth.github,
    trustedProxyHops: env.auth.trustedProxyHops,
    users: async () => (await import('@/server/services')).getServices().then((s) => s.users),
  });
  return globalForAuth.stockvisAuthOptions;
}

/** The signed-in user for this request, or null. Use in server components and route handlers. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as Partial<SessionUser> | undefined;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
}
