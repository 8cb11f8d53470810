import type { Options as PusherOptions } from 'pusher-js';
import type { RealtimeClientConfig } from '@/server/realtime/client-config';
import type { ConnectionCallbacks, RealtimeConnection, RealtimeStatus } from './types';

export type PusherClientConfig = Extract<RealtimeClientConfig, { transport: 'pusher' }>;

/** The slice of pusher-js this client uses (a fake in unit tests). */
export interface PusherChannelLike {
  bind_global(callback: (event: string, data: unknown) => void): unknown;
  unbind_global(callback?: (event: string, data: unknown) => void): unknown;
}
export interface PusherLike {
  subscribe(channel: string): PusherChannelLike;
  unsubscribe(channel: string): void;
  disconnect(): void;
  connection: {
    state: string;
    bind(event: 'state_change', callback: (states: { current: string }) => void): unknown;
  };
}
export type PusherFactory = (key: string, options: PusherOptions) => PusherLike;

export const PUSHER_AUTH_ENDPOINT = '/api/pusher/auth';

/** pusher-js is loaded only when the app runs on Pusher, keeping it out of the SSE pages' bundle. */
const loadPusherJs = async (): Promise<PusherFactory> => {
  const { default: Pusher } = await import('pusher-js');
  return (key, options) => new Pusher(key, options);
};

export function pusherOptions(
  config: PusherClientConfig,
  authEndpoint: string = PUSHER_AUTH_ENDPOINT,
): PusherOptions {
  return {
    cluster: config.cluster,
    forceTLS: config.forceTLS,
    // A self-hosted Pusher-protocol server speaks plain WebSockets only (no SockJS fallback).
    ...(config.wsHost
      ? {
          wsHost: config.wsHost,
          ...(config.wsPort === undefined ? {} : { wsPort: config.wsPort, wssPort: config.wsPort }),
          enabledTransports: ['ws', 'wss'],
        }
      : {}),
    disableStats: true,
    authEndpoint,
  };
}

function statusOf(state: string): RealtimeStatus {
  if (state === 'connected') return 'open';
  if (state === 'initialized' || state === 'connecting') return 'connecting';
  return 'closed'; // unavailable, failed, disconnected
}

/**
 * Pusher Channels in the browser: each wanted channel subscribed once and unsubscribed when the
 * page no longer needs it; pusher-js reconnects and resubscribes by itself. Private channels are
 * authorised by /api/pusher/auth.
 */
export function createPusherConnection({
  config,
  dispatch,
  onStatus,
  loadPusher = loadPusherJs,
  authEndpoint = PUSHER_AUTH_ENDPOINT,
}: ConnectionCallbacks & {
  config: PusherClientConfig;
  loadPusher?: () => Promise<PusherFactory>;
  /** Absolute only where there is no page origin (tests under Node). */
  authEndpoint?: string;
}): RealtimeConnection {
  let wanted: ReadonlySet<string> = new Set();
  let pusher: PusherLike | null = null;
  let closed = false;
  const subscribed = new Map<
    string,
    { channel: PusherChannelLike; relay: (e: string, d: unknown) => void }
  >();

  const reconcile = () => {
    if (!pusher || closed) return;
    for (const [name, { channel, relay }] of subscribed) {
      if (wanted.has(name)) continue;
      channel.unbind_global(relay);
      pusher.unsubscribe(name);
      subscribed.delete(name);
    }
    for (const name of wanted) {
      if (subscribed.has(name)) continue;
      const channel = pusher.subscribe(name);
      const relay = (event: string, data: unknown) => {
        if (event === 'pusher:subscription_error') {
          console.error(`[realtime] subscription to '${name}' refused`, data);
          return;
        }
        // pusher:* and pusher_internal:* are the protocol's own events, not ours.
        if (event.startsWith('pusher:') || event.startsWith('pusher_internal:')) return;
        dispatch(name, event, data);
      };
      channel.bind_global(relay);
      subscribed.set(name, { channel, relay });
    }
  };

  loadPusher().then(
    (createPusher) => {
      if (closed) return;
      const client = createPusher(config.key, pusherOptions(config, authEndpoint));
      pusher = client;
      client.connection.bind('state_change', ({ current }) => {
        if (!closed) onStatus(statusOf(current));
      });
      onStatus(statusOf(client.connection.state));
      reconcile();
    },
    (error: unknown) => {
      console.error('[realtime] could not load pusher-js', error);
      if (!closed) onStatus('closed');
    },
  );

  return {
    setChannels(channels) {
      wanted = new Set(channels);
      reconcile();
    },
    close() {
      closed = true;
      subscribed.clear();
      pusher?.disconnect();
      pusher = null;
    },
  };
}
