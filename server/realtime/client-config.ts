import type { RealtimeConfig } from './config';

/**
 * What the browser needs to connect: the transport and, for Pusher, only public values (the app
 * key is public by design; the secret and app id stay on the server).
 */
export type RealtimeClientConfig =
  | { transport: 'sse' }
  | {
      transport: 'pusher';
      key: string;
      cluster: string;
      wsHost?: string;
      wsPort?: number;
      forceTLS: boolean;
    };

/**
 * Built field by field (never by spreading the server config) so a new secret field can't leak.
 * A self-hosted Pusher-protocol server serves its HTTP API and WebSockets on the same host and
 * port, so `host`/`port` double as the socket address.
 */
export function realtimeClientConfig(config: RealtimeConfig): RealtimeClientConfig {
  if (config.transport === 'sse') return { transport: 'sse' };
  return {
    transport: 'pusher',
    key: config.key,
    cluster: config.cluster,
    ...(config.host ? { wsHost: config.host } : {}),
    ...(config.host && config.port !== undefined ? { wsPort: config.port } : {}),
    forceTLS: config.useTLS,
  };
}
