import { z } from 'zod';
import { logger as defaultLogger, type Logger } from '@/server/logger';
import { canSubscribe, isValidChannel } from './channels';
import type { RealtimeTransport } from './config';
import { realtimeErrorResponse, type SessionUserLookup } from './http-errors';
import type { SseHub } from './sse-hub';
import { createSseResponse } from './sse-stream';

/** Pusher's own limit per trigger; plenty for one page. */
export const MAX_CHANNELS_PER_STREAM = 100;

const channelsQuerySchema = z
  .string({ error: 'channels is required, e.g. ?channels=system,stock-005930.KS' })
  .max(8_192)
  .transform((value) => [...new Set(value.split(',').map((channel) => channel.trim()))])
  .pipe(
    z
      .array(z.string().refine(isValidChannel, { error: 'unknown channel name' }))
      .min(1)
      .max(MAX_CHANNELS_PER_STREAM),
  );

export type RealtimeStreamDeps = {
  transport: RealtimeTransport;
  hub: SseHub;
  getSessionUser: SessionUserLookup;
  logger?: Logger;
  keepAliveMs?: number;
};

/**
 * GET /api/realtime?channels=a,b: the SSE stream (frame format in sse-stream.ts). 404 when the app
 * uses Pusher, 503 while the process shuts down, 401 signed out, 400 for a malformed channel list,
 * 403 if any channel is not the user's to read.
 */
export async function handleRealtimeStreamRequest(
  request: Request,
  deps: RealtimeStreamDeps,
): Promise<Response> {
  if (deps.transport !== 'sse') {
    return realtimeErrorResponse(
      404,
      'NOT_FOUND',
      'The SSE stream is off: this deployment uses Pusher Channels (subscribe with pusher-js, authorised by /api/pusher/auth).',
    );
  }
  if (deps.hub.isShutDown()) {
    // `Connection: close` frees the socket so the draining server can exit; the client retries
    // and reaches the next server.
    return realtimeErrorResponse(503, 'UNAVAILABLE', 'The server is shutting down.', {
      Connection: 'close',
      'Retry-After': '2',
    });
  }
  const user = await deps.getSessionUser();
  if (!user)
    return realtimeErrorResponse(401, 'UNAUTHORIZED', 'Sign in to receive realtime events.');

  const parsed = channelsQuerySchema.safeParse(
    new URL(request.url).searchParams.get('channels') ?? undefined,
  );
  if (!parsed.success) {
    return realtimeErrorResponse(
      400,
      'INVALID',
      `Invalid channels: ${z.prettifyError(parsed.error)}`,
    );
  }
  const channels = parsed.data;
  const forbidden = channels.filter((channel) => !canSubscribe(channel, user.id));
  if (forbidden.length > 0) {
    return realtimeErrorResponse(
      403,
      'FORBIDDEN',
      `Not allowed to subscribe to: ${forbidden.join(', ')}`,
    );
  }

  const log = (deps.logger ?? defaultLogger).child({ module: 'realtime.sse', userId: user.id });
  log.debug({ channels }, 'SSE stream opened');
  return createSseResponse({
    hub: deps.hub,
    channels,
    signal: request.signal,
    keepAliveMs: deps.keepAliveMs,
    onClose: (reason) => log.debug({ channels, reason }, 'SSE stream closed'),
  });
}
