import { getSessionUser } from '@/server/auth/session';
import { appEnv } from '@/server/env';
import { handlePusherAuthRequest } from '@/server/realtime/pusher-auth';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** POST /api/pusher/auth — pusher-js asks here before subscribing to a private channel. */
export function POST(request: Request): Promise<Response> {
  return handlePusherAuthRequest(request, { realtime: appEnv().realtime, getSessionUser });
}
