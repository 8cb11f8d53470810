import { LOCALE_COOKIE, resolveLocale } from '@/i18n/locale';
import { getSessionUser } from '@/server/auth/session';
import { clientIp } from '@/server/auth/options';
import { appEnv } from '@/server/env';
import { logger, requestIdFrom } from '@/server/logger';
import { getServices } from '@/server/services';
import type { TRPCContext } from './trpc';

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Context for a tRPC HTTP request: session user, request id and a request-scoped logger. */
export async function createRequestContext(request: Request): Promise<TRPCContext> {
  const requestId = requestIdFrom(request.headers);
  const user = await getSessionUser();
  return {
    user,
    requestId,
    ip: clientIp(request.headers, appEnv().auth.trustedProxyHops),
    log: logger.child({ requestId, ...(user ? { userId: user.id } : {}) }),
    services: getServices,
    locale: resolveLocale({
      cookie: cookieValue(request.headers.get('cookie'), LOCALE_COOKIE),
      acceptLanguage: request.headers.get('accept-language'),
    }),
  };
}
