import { getSessionUser } from '@/server/auth/session';
import { appEnv } from '@/server/env';
import { sseHub } from '@/server/realtime/sse-hub';
import { handleRealtimeStreamRequest } from '@/server/realtime/sse-route';

// A long-lived stream per request: never cached or prerendered, and it needs Node's process-wide hub.
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/realtime?channels=a,b — Server-Sent Events; frame format in server/realtime/sse-stream.ts. */
export function GET(request: Request): Promise<Response> {
  return handleRealtimeStreamRequest(request, {
    transport: appEnv().realtime.transport,
    hub: sseHub(),
    getSessionUser,
  });
}
