import { isValidChannel } from '@/server/realtime/channels';
import type { RealtimeConnection } from './types';

export type RealtimeHandler = (payload: unknown) => void;

/**
 * The page's handlers by channel and event. Channels with at least one handler are the ones the
 * connection keeps subscribed; it is told whenever that set changes.
 */
export class RealtimeRegistry {
  private readonly handlers = new Map<string, Map<string, Set<RealtimeHandler>>>();
  private connection: Pick<RealtimeConnection, 'setChannels'> | null = null;

  /** Listen for `event` on `channel`; returns the function that stops listening (idempotent). */
  on(channel: string, event: string, handler: RealtimeHandler): () => void {
    // One bad name would make the server refuse the whole SSE stream, so drop it here, loudly.
    if (!isValidChannel(channel)) {
      console.error(`[realtime] ignoring subscription to invalid channel '${channel}'`);
      return () => {};
    }
    let events = this.handlers.get(channel);
    const newChannel = events === undefined;
    if (!events) this.handlers.set(channel, (events = new Map()));
    let set = events.get(event);
    if (!set) events.set(event, (set = new Set()));
    // Wrap so the same function registered twice is two registrations, each removable once.
    const registration: RealtimeHandler = (payload) => handler(payload);
    set.add(registration);
    if (newChannel) this.notify();

    let active = true;
    return () => {
      if (!active) return;
      active = false;
      set.delete(registration);
      if (set.size === 0) events.delete(event);
      if (events.size === 0 && this.handlers.get(channel) === events) {
        this.handlers.delete(channel);
        this.notify();
      }
    };
  }

  /** Deliver an incoming event to its handlers; one throwing handler doesn't stop the others. */
  readonly dispatch = (channel: string, event: string, payload: unknown): void => {
    const set = this.handlers.get(channel)?.get(event);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        handler(payload);
      } catch (error) {
        console.error(`[realtime] handler for '${event}' on '${channel}' failed`, error);
      }
    }
  };

  channels(): ReadonlySet<string> {
    return new Set(this.handlers.keys());
  }

  /** Connect a transport; it is given the current channels at once. Returns detach. */
  attach(connection: Pick<RealtimeConnection, 'setChannels'>): () => void {
    this.connection = connection;
    connection.setChannels(this.channels());
    return () => {
      if (this.connection === connection) this.connection = null;
    };
  }

  private notify(): void {
    this.connection?.setChannels(this.channels());
  }
}
