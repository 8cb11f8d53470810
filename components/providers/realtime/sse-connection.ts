import { z } from 'zod';
import type { ConnectionCallbacks, RealtimeConnection } from './types';

/** The envelope /api/realtime sends as each event's data (see server/realtime/sse-stream.ts). */
const envelopeSchema = z.object({
  channel: z.string(),
  event: z.string(),
  payload: z.unknown(),
});

/** The slice of the browser's EventSource this client uses (a fake in unit tests). */
export interface EventSourceLike {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

export type SseConnectionOptions = ConnectionCallbacks & {
  url?: string;
  createEventSource?: EventSourceFactory;
  /** Channel changes within this window become one reconnect (a page mounting many hooks). */
  debounceMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A stream that stayed open this long counts as a success and resets the backoff. */
  stableAfterMs?: number;
  random?: () => number;
  now?: () => number;
};

/**
 * One EventSource for the union of the page's channels. A new channel set opens a new stream and
 * closes the old one only once the new one is open, so a resubscribe never leaves a gap (an event
 * may at worst arrive twice, which invalidations tolerate). Errors close the stream and retry with
 * jittered exponential backoff (EventSource's own retry would stop for good on a 401/403/503), reset
 * once a stream has stayed open for a while.
 */
export function createSseConnection({
  dispatch,
  onStatus,
  url = '/api/realtime',
  createEventSource = (streamUrl) => new EventSource(streamUrl),
  debounceMs = 50,
  minBackoffMs = 1_000,
  maxBackoffMs = 30_000,
  stableAfterMs = 10_000,
  random = Math.random,
  now = Date.now,
}: SseConnectionOptions): RealtimeConnection {
  // null until the first setChannels, so an empty first set still reports 'closed'.
  let wantedKey: string | null = null;
  type Stream = { source: EventSourceLike; key: string; openedAt?: number };
  let active: Stream | null = null;
  let pending: Stream | null = null;
  let timer: { handle: ReturnType<typeof setTimeout>; kind: 'debounce' | 'backoff' } | null = null;
  let attempt = 0;
  let closed = false;

  const schedule = (kind: 'debounce' | 'backoff', delayMs: number) => {
    if (timer) clearTimeout(timer.handle);
    timer = { kind, handle: setTimeout(reconcile, delayMs) };
  };

  const backoffDelay = () => {
    const base = Math.min(maxBackoffMs, minBackoffMs * 2 ** attempt);
    attempt += 1;
    return Math.round(base * (0.5 + random() / 2));
  };

  function reconcile() {
    timer = null;
    if (closed || wantedKey === null) return;
    if (wantedKey === '') {
      pending?.source.close();
      active?.source.close();
      pending = active = null;
      onStatus('closed');
      return;
    }
    if (pending?.key === wantedKey) return;
    pending?.source.close();
    pending = null;
    if (active?.key === wantedKey) return;
    open(wantedKey);
  }

  function open(key: string) {
    const source = createEventSource(`${url}?channels=${encodeURIComponent(key)}`);
    const entry: Stream = { source, key };
    pending = entry;
    if (!active) onStatus('connecting');

    source.onopen = () => {
      if (pending !== entry) return;
      active?.source.close();
      active = entry;
      pending = null;
      entry.openedAt = now();
      onStatus('open');
    };
    source.onmessage = (message) => {
      if (active !== entry) return;
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        console.error('[realtime] unreadable SSE frame', message.data);
        return;
      }
      const envelope = envelopeSchema.safeParse(data);
      if (!envelope.success) {
        console.error('[realtime] unexpected SSE envelope', data);
        return;
      }
      dispatch(envelope.data.channel, envelope.data.event, envelope.data.payload);
    };
    source.onerror = () => {
      source.close();
      // Reset only after a stream that lasted: a server that accepts and at once ends the stream
      // (e.g. while shutting down) must not be retried in a tight loop.
      if (entry.openedAt !== undefined && now() - entry.openedAt >= stableAfterMs) attempt = 0;
      if (pending === entry) pending = null;
      else if (active === entry) active = null;
      else return;
      if (!active) onStatus('closed');
      if (!pending && !closed) schedule('backoff', backoffDelay());
    };
  }

  return {
    setChannels(channels) {
      if (closed) return;
      const key = [...channels].sort().join(',');
      if (key === wantedKey) return;
      wantedKey = key;
      // While backing off after an error, the retry picks up the new set; don't retry sooner.
      if (timer?.kind === 'backoff') return;
      schedule('debounce', debounceMs);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer.handle);
      timer = null;
      pending?.source.close();
      active?.source.close();
      pending = active = null;
    },
  };
}
