/**
 * In-memory fan-out for the built-in SSE transport. It lives in one server process: every open
 * `/api/realtime` stream of that process is a subscriber, and publishers in the same process reach
 * them. Serverless hosts run many short-lived processes, so they need Pusher instead.
 */

export type RealtimeMessage = {
  channel: string;
  event: string;
  /** JSON-serialisable (the publisher has checked it and its size). */
  payload: unknown;
};

export type SseListener = (message: RealtimeMessage) => void;

export type SseHubStats = {
  /** Open subscriptions (one per SSE stream). */
  connections: number;
  /** Channels with at least one subscriber. */
  channels: number;
};

export interface SseHub {
  /**
   * Listen to these channels; returns the unsubscribe function (safe to call twice). `onShutdown`
   * is called when the hub closes, so the stream can end (called asynchronously if it already has).
   */
  subscribe(
    channels: readonly string[],
    listener: SseListener,
    onShutdown?: () => void,
  ): () => void;
  /** Deliver to this channel's listeners; returns how many received it. */
  publish(channel: string, event: string, payload: unknown): number;
  stats(): SseHubStats;
  listenerCount(channel: string): number;
  /** End every subscription (server shutdown). Later subscriptions are ended at once. */
  closeAll(): void;
  /** True once closeAll has run: the process is shutting down. */
  isShutDown(): boolean;
}

export function createSseHub(
  options: { onListenerError?: (error: unknown, message: RealtimeMessage) => void } = {},
): SseHub {
  const byChannel = new Map<string, Set<SseListener>>();
  const shutdownCallbacks = new Set<() => void>();
  let connections = 0;
  let shutDown = false;

  return {
    subscribe(channels, listener, onShutdown) {
      const unique = [...new Set(channels)];
      // Wrap so the same function subscribed twice stays two independent subscriptions.
      const subscription: SseListener = (message) => listener(message);
      // A fresh wrapper per subscription, so two subscriptions never share one set entry.
      const shutdown = onShutdown ? () => onShutdown() : undefined;
      for (const channel of unique) {
        let listeners = byChannel.get(channel);
        if (!listeners) byChannel.set(channel, (listeners = new Set()));
        listeners.add(subscription);
      }
      connections += 1;
      if (shutdown) {
        if (shutDown) queueMicrotask(shutdown);
        else shutdownCallbacks.add(shutdown);
      }

      let active = true;
      return () => {
        if (!active) return;
        active = false;
        connections -= 1;
        if (shutdown) shutdownCallbacks.delete(shutdown);
        for (const channel of unique) {
          const listeners = byChannel.get(channel);
          listeners?.delete(subscription);
          if (listeners?.size === 0) byChannel.delete(channel);
        }
      };
    },

    publish(channel, event, payload) {
      const listeners = byChannel.get(channel);
      if (!listeners) return 0;
      const message: RealtimeMessage = { channel, event, payload };
      let delivered = 0;
      // Copy: a listener may unsubscribe (close its stream) while we iterate.
      for (const listener of [...listeners]) {
        try {
          listener(message);
          delivered += 1;
        } catch (error) {
          // One broken stream must not starve the others.
          options.onListenerError?.(error, message);
        }
      }
      return delivered;
    },

    stats() {
      return { connections, channels: byChannel.size };
    },

    listenerCount(channel) {
      return byChannel.get(channel)?.size ?? 0;
    },

    closeAll() {
      shutDown = true;
      for (const callback of [...shutdownCallbacks]) callback();
      shutdownCallbacks.clear();
    },

    isShutDown() {
      return shutDown;
    },
  };
}

/**
 * `next start` answers SIGTERM/SIGINT by closing its HTTP server and waiting for open requests,
 * which an SSE stream never finishes: without this the process would hang until killed. Ending the
 * streams lets it exit, and browsers reconnect to the next server. The hook is added only beside
 * a handler that already owns the signal (Next's), so it never keeps a process alive that the
 * signal would otherwise have ended.
 */
type SignalSource = {
  listenerCount(signal: NodeJS.Signals): number;
  once(signal: NodeJS.Signals, listener: () => void): unknown;
};

export function closeOnShutdown(hub: SseHub, signals: SignalSource = process): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    if (signals.listenerCount(signal) > 0) signals.once(signal, () => hub.closeAll());
  }
}

const globalForHub = globalThis as unknown as { stockvisSseHub?: SseHub };

/**
 * The process-wide hub. Kept on globalThis so Next's dev hot reloads (which re-evaluate modules)
 * don't split publishers and open streams across two hubs.
 */
export function sseHub(): SseHub {
  if (!globalForHub.stockvisSseHub) {
    globalForHub.stockvisSseHub = createSseHub();
    closeOnShutdown(globalForHub.stockvisSseHub);
  }
  return globalForHub.stockvisSseHub;
}
