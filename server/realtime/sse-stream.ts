import type { RealtimeMessage, SseHub } from './sse-hub';

/**
 * The built-in realtime transport's wire format (text/event-stream). The stream opens with
 *
 *   retry: 3000          reconnect hint for EventSource
 *   : connected          comment: flushes headers so the browser's `open` fires at once
 *
 * then one unnamed (`message`) event per published event, its data a JSON envelope:
 *
 *   data: {"channel":"stock-005930.KS","event":"tick","payload":{...}}
 *
 * and a `: keep-alive` comment every 15 s so proxies don't close an idle connection. One envelope
 * on the default event lets a single EventSource carry every channel the page subscribed to.
 */
export const SSE_RETRY_MS = 3_000;
export const SSE_KEEP_ALIVE_MS = 15_000;
/** Frames a client may fall behind by before we drop it; it reconnects and refetches. */
export const SSE_MAX_QUEUED_FRAMES = 512;

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // Tells nginx-style proxies not to buffer the stream.
  'X-Accel-Buffering': 'no',
};

export function encodeSseEvent(message: RealtimeMessage): string {
  // JSON.stringify never emits raw newlines, so one `data:` line is always a whole frame.
  return `data: ${JSON.stringify({ channel: message.channel, event: message.event, payload: message.payload })}\n\n`;
}

export type SseCloseReason = 'aborted' | 'cancelled' | 'slow-consumer' | 'shutdown';

export type SseResponseOptions = {
  hub: SseHub;
  channels: readonly string[];
  /** The request's signal: aborted when the client goes away. */
  signal: AbortSignal;
  keepAliveMs?: number;
  retryMs?: number;
  maxQueuedFrames?: number;
  /** Called once when the stream ends, for whatever reason (logging). */
  onClose?: (reason: SseCloseReason) => void;
};

/** A streaming Response that relays the hub's messages for these channels until the client leaves. */
export function createSseResponse(options: SseResponseOptions): Response {
  return new Response(createSseStream(options), { status: 200, headers: SSE_HEADERS });
}

export function createSseStream({
  hub,
  channels,
  signal,
  keepAliveMs = SSE_KEEP_ALIVE_MS,
  retryMs = SSE_RETRY_MS,
  maxQueuedFrames = SSE_MAX_QUEUED_FRAMES,
  onClose,
}: SseResponseOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup: ((reason: SseCloseReason) => void) | undefined;

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (signal.aborted) {
          controller.close();
          onClose?.('aborted');
          return;
        }
        let closed = false;

        const send = (text: string) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) <= -maxQueuedFrames) {
            end('slow-consumer');
            return;
          }
          controller.enqueue(encoder.encode(text));
        };

        send(`retry: ${retryMs}\n\n: connected\n\n`);
        const unsubscribe = hub.subscribe(
          channels,
          (message) => send(encodeSseEvent(message)),
          () => end('shutdown'),
        );
        const keepAlive = setInterval(() => send(': keep-alive\n\n'), keepAliveMs);
        // A long-lived stream must not keep `next start` alive on SIGTERM.
        if (typeof keepAlive === 'object') keepAlive.unref();
        const onAbort = () => end('aborted');
        signal.addEventListener('abort', onAbort);

        function end(reason: SseCloseReason) {
          if (closed) return;
          closed = true;
          unsubscribe();
          clearInterval(keepAlive);
          signal.removeEventListener('abort', onAbort);
          if (reason !== 'cancelled') {
            try {
              controller.close();
            } catch {
              // Already closed or errored by the consumer: nothing left to release.
            }
          }
          onClose?.(reason);
        }
        cleanup = end;
      },
      cancel() {
        cleanup?.('cancelled');
      },
    },
    // Count frames, not bytes: desiredSize then says how many frames are waiting.
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );
}
