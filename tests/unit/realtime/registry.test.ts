import { afterEach, describe, expect, it, vi } from 'vitest';
import { RealtimeRegistry } from '@/components/providers/realtime/registry';

function recordingConnection() {
  const sets: string[][] = [];
  return { sets, setChannels: (channels: ReadonlySet<string>) => sets.push([...channels].sort()) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('RealtimeRegistry', () => {
  it('routes events to the handlers of that channel and event only', () => {
    const registry = new RealtimeRegistry();
    const tick = vi.fn();
    const other = vi.fn();
    registry.on('stock-AAPL', 'tick', tick);
    registry.on('stock-AAPL', 'quote.updated', other);
    registry.on('stock-MSFT', 'tick', other);

    registry.dispatch('stock-AAPL', 'tick', { price: 1 });
    registry.dispatch('system', 'tick', { price: 2 });

    expect(tick).toHaveBeenCalledExactlyOnceWith({ price: 1 });
    expect(other).not.toHaveBeenCalled();
  });

  it('tells the connection about channel changes by reference count', () => {
    const registry = new RealtimeRegistry();
    const offEarly = registry.on('system', 'heartbeat.recorded', () => {});
    const connection = recordingConnection();
    registry.attach(connection);
    expect(connection.sets).toEqual([['system']]);

    const offA = registry.on('stock-AAPL', 'tick', () => {});
    const offB = registry.on('stock-AAPL', 'tick', () => {}); // same channel: no change
    expect(connection.sets).toEqual([['system'], ['stock-AAPL', 'system']]);

    offA();
    offA(); // idempotent
    expect(connection.sets).toHaveLength(2);
    offB();
    offEarly();
    expect(connection.sets).toEqual([['system'], ['stock-AAPL', 'system'], ['system'], []]);
  });

  it('keeps two registrations of one function independent', () => {
    const registry = new RealtimeRegistry();
    const handler = vi.fn();
    const off = registry.on('system', 'tick', handler);
    registry.on('system', 'tick', handler);
    registry.dispatch('system', 'tick', 1);
    off();
    registry.dispatch('system', 'tick', 2);
    expect(handler.mock.calls).toEqual([[1], [1], [2]]);
  });

  it('isolates a throwing handler and ignores invalid channel names', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const registry = new RealtimeRegistry();
    const connection = recordingConnection();
    registry.attach(connection);
    registry.on('system', 'tick', () => {
      throw new Error('boom');
    });
    const after = vi.fn();
    registry.on('system', 'tick', after);
    registry.dispatch('system', 'tick', null);
    expect(after).toHaveBeenCalledOnce();

    const off = registry.on('bad channel', 'tick', vi.fn());
    off();
    expect([...registry.channels()]).toEqual(['system']);
    expect(connection.sets.at(-1)).toEqual(['system']);
    expect(error).toHaveBeenCalledTimes(2);
  });

  it('stops notifying a detached connection', () => {
    const registry = new RealtimeRegistry();
    const connection = recordingConnection();
    const detach = registry.attach(connection);
    detach();
    registry.on('system', 'tick', () => {});
    expect(connection.sets).toEqual([[]]);
  });
});
