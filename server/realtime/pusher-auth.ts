import type Pusher from 'pusher';
import { z } from 'zod';
import { canSubscribe } from './channels';
import type { RealtimeConfig } from './config';
import { realtimeErrorResponse, type SessionUserLookup } from './http-errors';
import { createPusherServer } from './pusher-server';

/** The form pusher-js posts (application/x-www-form-urlencoded) when it subscribes to a private channel. */
const pusherAuthBodySchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, { error: 'must look like 1234.5678' }),
  channel_name: z.string().min(1).max(164),
});

export type PusherAuthDeps = {
  realtime: RealtimeConfig;
  getSessionUser: SessionUserLookup;
  /** Defaults to a client built from `realtime` (the same factory the publisher uses). */
  pusher?: Pusher;
};

/**
 * POST /api/pusher/auth: signs a subscription (`{ auth: "<key>:<hmac>" }`) only for a channel the
 * session user may read. 404 with SSE, 401 signed out, 400 malformed, 403 someone else's channel.
 */
export async function handlePusherAuthRequest(
  request: Request,
  deps: PusherAuthDeps,
): Promise<Response> {
  const { realtime } = deps;
  if (realtime.transport !== 'pusher') {
    return realtimeErrorResponse(
      404,
      'NOT_FOUND',
      'Pusher is not configured: this deployment streams events from /api/realtime (SSE).',
    );
  }
  const user = await deps.getSessionUser();
  if (!user) return realtimeErrorResponse(401, 'UNAUTHORIZED', 'Sign in to subscribe.');

  const form = new URLSearchParams(await request.text());
  const parsed = pusherAuthBodySchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return realtimeErrorResponse(
      400,
      'INVALID',
      `Invalid auth request: ${z.prettifyError(parsed.error)}`,
    );
  }
  const { socket_id: socketId, channel_name: channel } = parsed.data;
  if (!canSubscribe(channel, user.id)) {
    return realtimeErrorResponse(403, 'FORBIDDEN', `Not allowed to subscribe to ${channel}.`);
  }
  const pusher = deps.pusher ?? createPusherServer(realtime);
  return Response.json(pusher.authorizeChannel(socketId, channel), {
    headers: { 'Cache-Control': 'no-store' },
  });
}
