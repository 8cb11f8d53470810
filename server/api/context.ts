import { getSessionUser } from '@/server/auth/session';
import { clientIp } from '@/server/auth/options';
import { appEnv } from '@/server/env';
import { logger, requestIdFrom } from '@/server/logger';
import { getServices } from '@/server/services';
import type { TRPCContext } from './trpc';

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
  };
}
