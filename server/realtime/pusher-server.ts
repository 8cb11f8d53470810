import Pusher from 'pusher';
import type { PusherConfig } from './config';

/** Server-side HTTP calls to Pusher give up after this long, so a publish never hangs a job. */
const PUSHER_TIMEOUT_MS = 5_000;

/**
 * The Pusher REST client, built from config in one place so the publisher and /api/pusher/auth
 * sign with the same app credentials. `host`/`port` point it at a self-hosted Pusher-protocol
 * server; otherwise the cluster's API host is used.
 */
export function createPusherServer(config: PusherConfig): Pusher {
  const base = {
    appId: config.appId,
    key: config.key,
    secret: config.secret,
    useTLS: config.useTLS,
    timeout: PUSHER_TIMEOUT_MS,
  };
  if (config.host) {
    return new Pusher({
      ...base,
      host: config.host,
      // The SDK's typings want a string; it only ever concatenates it into the base URL.
      port: config.port === undefined ? undefined : String(config.port),
    });
  }
  return new Pusher({ ...base, cluster: config.cluster });
}
