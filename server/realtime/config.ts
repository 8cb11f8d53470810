/**
 * Realtime configuration as the modules here take it (structurally the same as
 * `AppEnv['realtime']` from server/env.ts, so services.ts passes that straight through).
 */
export type PusherConfig = {
  appId: string;
  key: string;
  secret: string;
  cluster: string;
  /** A self-hosted Pusher-protocol server (e.g. soketi) instead of Pusher's cluster host. */
  host?: string;
  port?: number;
  useTLS: boolean;
};

export type RealtimeConfig = { transport: 'sse' } | ({ transport: 'pusher' } & PusherConfig);

export type RealtimeTransport = RealtimeConfig['transport'];
