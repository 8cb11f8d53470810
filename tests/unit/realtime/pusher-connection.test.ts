import type { Options as PusherOptions } from 'pusher-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPusherConnection,
  pusherOptions,
  type PusherChannelLike,
  type PusherLike,
} from '@/components/providers/realtime/pusher-connection';
import type { RealtimeStatus } from '@/components/providers/realtime/types';

type Relay = (event: string, data: unknown) => void;

/** Records what the connection asks of pusher-js and lets the test emit events and state changes. */
class FakePusher implements PusherLike {
  readonly calls: string[] = [];
  readonly relays = new Map<string, Relay>();
  private stateListener: ((states: { current: string }) => void) | null = null;
  readonly connection = {
    state: 'connecting',
    bind: (_event: 'state_change', callback: (states: { current: string }) => void) => {
      this.stateListener = callback;
    },
  };

  constructor(
    readonly key: string,
    readonly options: PusherOptions,
  ) {}

  subscribe(name: string): PusherChannelLike {
    this.calls.push(`subscribe ${name}`);
    return {
      bind_global: (relay: Relay) => this.relays.set(name, relay),
      unbind_global: () => this.relays.delete(name),
    };
  }
  unsubscribe(name: string) {
    this.calls.push(`unsubscribe ${name}`);
  }
  disconnect() {
    this.calls.push('disconnect');
  }
  setState(current: string) {
    this.stateListener?.({ current });
  }
  emit(channel: string, event: string, data: unknown) {
    this.relays.get(channel)?.(event, data);
  }
}

const config = {
  transport: 'pusher' as const,
  key: 'public-key',
  cluster: 'ap3',
  forceTLS: true,
};

async function setup() {
  let pusher: FakePusher | undefined;
  const statuses: RealtimeStatus[] = [];
  const events: [string, string, unknown][] = [];
  const connection = createPusherConnection({
    config,
    dispatch: (channel, event, payload) => events.push([channel, event, payload]),
    onStatus: (status) => statuses.push(status),
    loadPusher: async () => (key, options) => (pusher = new FakePusher(key, options)),
  });
  return {
    connection,
    statuses,
    events,
    pusher: async () => {
      await vi.waitFor(() => expect(pusher).toBeDefined());
      return pusher!;
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pusher options', () => {
  it('uses the cluster, the auth route and no stats', () => {
    expect(pusherOptions(config)).toEqual({
      cluster: 'ap3',
      forceTLS: true,
      disableStats: true,
      authEndpoint: '/api/pusher/auth',
    });
  });

  it('targets a self-hosted server with plain WebSockets', () => {
    expect(
      pusherOptions({ ...config, wsHost: 'localhost', wsPort: 6001, forceTLS: false }),
    ).toMatchObject({
      wsHost: 'localhost',
      wsPort: 6001,
      wssPort: 6001,
      forceTLS: false,
      enabledTransports: ['ws', 'wss'],
    });
  });
});

describe('Pusher connection', () => {
  it('subscribes each wanted channel once and unsubscribes the ones no longer wanted', async () => {
    const { connection, pusher: created } = await setup();
    connection.setChannels(new Set(['system', 'private-user-ck1'])); // before pusher-js loaded
    const pusher = await created();
    expect(pusher.key).toBe('public-key');
    expect(pusher.calls).toEqual(['subscribe system', 'subscribe private-user-ck1']);

    connection.setChannels(new Set(['system', 'stock-AAPL']));
    connection.setChannels(new Set(['system', 'stock-AAPL']));
    expect(pusher.calls.slice(2)).toEqual(['unsubscribe private-user-ck1', 'subscribe stock-AAPL']);
    expect([...pusher.relays.keys()].sort()).toEqual(['stock-AAPL', 'system']);
  });

  it('dispatches app events and hides the protocol events', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { connection, events, pusher: created } = await setup();
    connection.setChannels(new Set(['system']));
    const pusher = await created();

    pusher.emit('system', 'pusher:subscription_succeeded', {});
    pusher.emit('system', 'pusher_internal:subscription_count', { subscription_count: 2 });
    pusher.emit('system', 'pusher:subscription_error', { status: 403 });
    pusher.emit('system', 'heartbeat.recorded', { at: 1 });

    expect(events).toEqual([['system', 'heartbeat.recorded', { at: 1 }]]);
    expect(console.error).toHaveBeenCalledOnce();
  });

  it('maps pusher-js connection states to the status', async () => {
    const { statuses, pusher: created } = await setup();
    const pusher = await created();
    for (const state of ['connected', 'unavailable', 'connecting', 'connected', 'disconnected']) {
      pusher.setState(state);
    }
    expect(statuses).toEqual(['connecting', 'open', 'closed', 'connecting', 'open', 'closed']);
  });

  it('disconnects on close and ignores later changes', async () => {
    const { connection, statuses, pusher: created } = await setup();
    const pusher = await created();
    connection.setChannels(new Set(['system']));
    connection.close();
    connection.setChannels(new Set(['stock-AAPL']));
    pusher.setState('connected');
    expect(pusher.calls).toEqual(['subscribe system', 'disconnect']);
    expect(statuses).toEqual(['connecting']);
  });

  it('never creates a client when closed before pusher-js has loaded', async () => {
    const factory = vi.fn();
    const connection = createPusherConnection({
      config,
      dispatch: () => {},
      onStatus: () => {},
      loadPusher: async () => factory,
    });
    connection.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(factory).not.toHaveBeenCalled();
  });
});
