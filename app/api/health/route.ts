import { appEnv } from '@/server/env';
import { getServices } from '@/server/services';
import { appVersion } from '@/server/version';
import { logger, requestIdFrom, REQUEST_ID_HEADER } from '@/server/logger';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Liveness and readiness: 200 while the database answers, 503 when it does not. */
export async function GET(request: Request): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const headers = { 'Cache-Control': 'no-store', [REQUEST_ID_HEADER]: requestId };
  try {
    const services = await getServices();
    const report = await services.system.health();
    return Response.json(report, { status: report.status === 'down' ? 503 : 200, headers });
  } catch (error) {
    // The services could not even be built: the database did not open or the config is invalid.
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ err: error, requestId }, 'health check failed');
    return Response.json(
      {
        status: 'down',
        version: appVersion(),
        checkedAt: new Date(),
        // Error text can name hosts and users: only outside production mode.
        database: { ok: false, reachable: false, error: exposeErrors() ? message : 'unavailable' },
      },
      { status: 503, headers },
    );
  }
}

function exposeErrors(): boolean {
  try {
    return !appEnv().production;
  } catch {
    return false; // the configuration itself is invalid: say nothing about it here
  }
}
