/** What the page is told about the realtime connection. */
export type RealtimeStatus = 'connecting' | 'open' | 'closed';

export type RealtimeDispatch = (channel: string, event: string, payload: unknown) => void;

/** A transport in the browser: told which channels the page needs, it keeps them subscribed. */
export interface RealtimeConnection {
  /** The full set of channels wanted now; the connection reconciles (idempotent). */
  setChannels(channels: ReadonlySet<string>): void;
  /** Stop for good: no more dispatches or status reports. */
  close(): void;
}

export type ConnectionCallbacks = {
  dispatch: RealtimeDispatch;
  onStatus: (status: RealtimeStatus) => void;
};
