import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSseConnection } from '@/components/providers/realtime/sse-connection';
import type { RealtimeStatus } from '@/components/providers/realtime/types';
import { FakeEventSource } from '@/tests/helpers/fake-event-source';

function setup(overrides: { random?: () => number } = {}) {
  const statuses: RealtimeStatus[] = [];
  const events: [string, string, unknown][] = [];
  const connection = createSseConnection({
    dispatch: (channel, event, payload) => events.push([channel, event, payload]),
    onStatus: (status) => statuses.push(status),
    createEventSource: (url) => new FakeEventSource(url),
    debounceMs: 50,
    minBackoffMs: 1_000,
    maxBackoffMs: 8_000,
    random: overrides.random ?? (() => 1),
  });
  return { connection, statuses, events };
}

const envelope = (channel: string, event: string, payload: unknown) => ({
  channel,
  event,
  payload,
});

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.reset();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('SSE connection', () => {
  it('opens one stream for the union of channels after the debounce', () => {
    const { connection, statuses } = setup();
    connection.setChannels(new Set(['system']));
    connection.setChannels(new Set(['system', 'stock-005930.KS']));
    expect(FakeEventSource.instances).toHaveLength(0);

    vi.advanceTimersByTime(50);
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.latest();
    expect(source.url).toBe('/api/realtime?channels=stock-005930.KS%2Csystem');
    expect(source.channels).toEqual(['stock-005930.KS', 'system']);
    expect(statuses).toEqual(['connecting']);

    source.open();
    expect(statuses).toEqual(['connecting', 'open']);
  });

  it('reports closed, and opens nothing, for an empty channel set', () => {
    const { connection, statuses } = setup();
    connection.setChannels(new Set());
    vi.advanceTimersByTime(50);
    expect(FakeEventSource.instances).toHaveLength(0);
    expect(statuses).toEqual(['closed']);
  });

  it('dispatches envelopes and skips frames it cannot read', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { connection, events } = setup();
    connection.setChannels(new Set(['system']));
    vi.advanceTimersByTime(50);
    const source = FakeEventSource.latest();
    source.open();

    source.deliver(envelope('system', 'heartbeat.recorded', { at: 1 }));
    source.deliver('not json');
    source.deliver({ channel: 'system' });
    source.deliver(envelope('system', 'tick', null));

    expect(events).toEqual([
      ['system', 'heartbeat.recorded', { at: 1 }],
      ['system', 'tick', null],
    ]);
    expect(console.error).toHaveBeenCalledTimes(2);
  });

  it('resubscribes without a gap: the old stream serves until the new one is open', () => {
    const { connection, events, statuses } = setup();
    connection.setChannels(new Set(['system']));
    vi.advanceTimersByTime(50);
    const first = FakeEventSource.latest();
    first.open();

    connection.setChannels(new Set(['system', 'stock-AAPL']));
    vi.advanceTimersByTime(50);
    const second = FakeEventSource.latest();
    expect(second).not.toBe(first);
    expect(second.channels).toEqual(['stock-AAPL', 'system']);
    expect(first.closed).toBe(false);

    first.deliver(envelope('system', 'tick', 'from first'));
    second.open();
    expect(first.closed).toBe(true);
    first.deliver(envelope('system', 'tick', 'late from first'));
    second.deliver(envelope('stock-AAPL', 'tick', 'from second'));

    expect(events.map(([, , payload]) => payload)).toEqual(['from first', 'from second']);
    expect(statuses).toEqual(['connecting', 'open', 'open']);
  });

  it('does nothing when the set is unchanged', () => {
    const { connection } = setup();
    connection.setChannels(new Set(['system', 'stock-AAPL']));
    vi.advanceTimersByTime(50);
    connection.setChannels(new Set(['stock-AAPL', 'system']));
    vi.advanceTimersByTime(50);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it('retries with exponential backoff after errors, and resets after a success', () => {
    const { connection, statuses } = setup();
    connection.setChannels(new Set(['system']));
    vi.advanceTimersByTime(50);
    FakeEventSource.latest().fail();
    expect(FakeEventSource.latest().closed).toBe(true);
    expect(statuses).toEqual(['connecting', 'closed']);

    const retryDelays: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const count = FakeEventSource.instances.length;
      let waited = 0;
      while (FakeEventSource.instances.length === count) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      retryDelays.push(waited);
      FakeEventSource.latest().fail();
    }
    expect(retryDelays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);

    vi.advanceTimersByTime(8_000);
    FakeEventSource.latest().open();
    expect(statuses.at(-1)).toBe('open');
    vi.advanceTimersByTime(10_000); // stayed open long enough to count as a success
    FakeEventSource.latest().fail();
    const count = FakeEventSource.instances.length;
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.instances).toHaveLength(count);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(count + 1);
  });

  it('keeps backing off when streams open and end at once (a server shutting down)', () => {
    const { connection } = setup();
    connection.setChannels(new Set(['system']));
    vi.advanceTimersByTime(50);
    const delays: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      FakeEventSource.latest().open();
      vi.advanceTimersByTime(100);
      FakeEventSource.latest().fail();
      const count = FakeEventSource.instances.length;
      let waited = 0;
      while (FakeEventSource.instances.length === count) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('adds jitter between half and all of the backoff', () => {
    const { connection } = setup({ random: () => 0 });
    connection.setChannels(new Set(['system']));
    vi.advanceTimersByTime(50);
    FakeEventSource.latest().fail();
    vi.advanceTimersByTime(499);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(2);
  });

  it('does not retry sooner because channels changed while backing off, and uses the new set', () => {
    const { connection } = setup();
    connection.setChannels(new Set(['system']));
    vi.advanceTimersByTime(50);
    FakeEventSource.latest().fail();

    connection.setChannels(new Set(['system', 'stock-AAPL']));
    vi.advanceTimersByTime(500);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(FakeEventSource.latest().channels).toEqual(['stock-AAPL', 'system']);
  });

  it('keeps the working stream when a resubscribe is refused, and retries it later', () => {
    const { connection, events, statuses } = setup();
    connection.setChannels(new Set(['system']));
    vi.advanceTimersByTime(50);
    const working = FakeEventSource.latest();
    working.open();

    connection.setChannels(new Set(['system', 'private-user-someoneelse']));
    vi.advanceTimersByTime(50);
    FakeEventSource.latest().fail(); // e.g. 403
    working.deliver(envelope('system', 'tick', 1));
    expect(events).toHaveLength(1);
    expect(working.closed).toBe(false);
    expect(statuses.at(-1)).toBe('open');

    vi.advanceTimersByTime(1_000);
    expect(FakeEventSource.instances).toHaveLength(3);
    expect(FakeEventSource.latest().channels).toEqual(['private-user-someoneelse', 'system']);
  });

  it('closes everything and stays quiet after close()', () => {
    const { connection, statuses } = setup();
    connection.setChannels(new Set(['system']));
    vi.advanceTimersByTime(50);
    const source = FakeEventSource.latest();
    source.open();
    connection.close();
    expect(source.closed).toBe(true);
    connection.setChannels(new Set(['stock-AAPL']));
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(statuses).toEqual(['connecting', 'open']);
  });
});
