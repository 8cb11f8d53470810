import { TRPCError } from '@trpc/server';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createCaller } from '@/server/api/root';
import { logger, requestIdFrom } from '@/server/logger';
import { getServices } from '@/server/services';
import { requireUser } from '../../require-user';

/**
 * stocks.get through the server-side tRPC caller (same validation and errors as the browser's
 * call) for the signed-in user, once per request: metadata and the page share it. Null when the symbol is malformed or
 * unknown, which the page turns into its not-found view.
 */
export const loadStock = cache(async (rawSymbol: string) => {
  const user = await requireUser();
  const requestId = requestIdFrom(await headers());
  const caller = createCaller({
    user,
    requestId,
    ip: 'server',
    log: logger.child({ requestId, userId: user.id }),
    services: getServices,
  });
  try {
    return await caller.stocks.get({ symbol: rawSymbol });
  } catch (error) {
    if (
      error instanceof TRPCError &&
      (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')
    ) {
      return null;
    }
    throw error;
  }
});
