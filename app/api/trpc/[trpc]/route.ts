import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/api/root';
import { cacheControlFor } from '@/server/api/cache-control';
import { createRequestContext } from '@/server/api/context';
import { logger, requestIdFrom, REQUEST_ID_HEADER } from '@/server/logger';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handler(request: Request): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => createRequestContext(request),
    responseMeta: ({ paths, errors, type }) => {
      const cacheControl = cacheControlFor({ paths, type, ok: errors.length === 0 });
      return cacheControl ? { headers: new Headers({ 'cache-control': cacheControl }) } : {};
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: error.cause ?? error, path, requestId }, 'tRPC procedure failed');
      }
    },
  });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export { handler as GET, handler as POST };
