import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  closeOnShutdown,
  createSseHub,
  sseHub,
  type RealtimeMessage,
} from '@/server/realtime/sse-hub';

describe('SSE hub', () => {
  it('delivers a message to the listeners of its channel only', () => {
    const hub = createSseHub();
    const a: RealtimeMessage[] = [];
    const b: RealtimeMessage[] = [];
    hub.subscribe(['system', 'stock-AAPL'], (message) => a.push(message));
    hub.subscribe(['stock-005930.KS'], (message) => b.push(message));

    expect(hub.publish('stock-AAPL', 'tick', { price: 1 })).toBe(1);
    expect(hub.publish('stock-005930.KS', 'tick', { price: 2 })).toBe(1);
    expect(hub.publish('stock-MSFT', 'tick', { price: 3 })).toBe(0);

    expect(a).toEqual([{ channel: 'stock-AAPL', event: 'tick', payload: { price: 1 } }]);
    expect(b).toEqual([{ channel: 'stock-005930.KS', event: 'tick', payload: { price: 2 } }]);
  });

  it('delivers once per subscription even when a channel is listed twice', () => {
    const hub = createSseHub();
    const listener = vi.fn();
    hub.subscribe(['system', 'system'], listener);
    hub.subscribe(['system'], listener);
    hub.publish('system', 'heartbeat.recorded', null);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('stops delivering after unsubscribe and counts connections and channels', () => {
    const hub = createSseHub();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = hub.subscribe(['system', 'stock-AAPL'], first);
    const stopSecond = hub.subscribe(['system'], second);
    expect(hub.stats()).toEqual({ connections: 2, channels: 2 });
    expect(hub.listenerCount('system')).toBe(2);

    stopFirst();
    stopFirst(); // idempotent: must not drop someone else's count
    expect(hub.stats()).toEqual({ connections: 1, channels: 1 });
    hub.publish('system', 'tick', 1);
    hub.publish('stock-AAPL', 'tick', 1);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);

    stopSecond();
    expect(hub.stats()).toEqual({ connections: 0, channels: 0 });
    expect(hub.listenerCount('system')).toBe(0);
  });

  it('keeps delivering to others when one listener throws or unsubscribes mid-publish', () => {
    const errors: unknown[] = [];
    const hub = createSseHub({ onListenerError: (error) => errors.push(error) });
    const received: string[] = [];
    const stop = hub.subscribe(['system'], () => {
      stop();
      throw new Error('broken stream');
    });
    hub.subscribe(['system'], () => received.push('second'));

    expect(hub.publish('system', 'tick', null)).toBe(1);
    expect(received).toEqual(['second']);
    expect(errors).toHaveLength(1);
    expect(hub.stats().connections).toBe(1);
  });

  it('ends every subscription on closeAll, and ends later ones at once', async () => {
    const hub = createSseHub();
    const ended: string[] = [];
    hub.subscribe(
      ['system'],
      () => {},
      () => ended.push('a'),
    );
    const stopB = hub.subscribe(
      ['system'],
      () => {},
      () => ended.push('b'),
    );
    hub.subscribe(
      ['system'],
      () => {},
      () => ended.push('c'),
    );
    stopB(); // already gone: not told again

    hub.closeAll();
    expect(ended).toEqual(['a', 'c']);

    hub.subscribe(
      ['system'],
      () => {},
      () => ended.push('late'),
    );
    expect(ended).toEqual(['a', 'c']); // asynchronously, so the subscriber can finish setting up
    await Promise.resolve();
    expect(ended).toEqual(['a', 'c', 'late']);
  });

  it("closes on SIGTERM/SIGINT only beside a handler that owns the signal (Next's)", () => {
    const withNext = new EventEmitter();
    withNext.on('SIGTERM', () => {});
    const hub = createSseHub();
    const ended = vi.fn();
    hub.subscribe(['system'], () => {}, ended);
    closeOnShutdown(hub, withNext);
    expect(withNext.listenerCount('SIGINT')).toBe(0); // nobody owned SIGINT: left alone
    withNext.emit('SIGTERM');
    expect(ended).toHaveBeenCalledOnce();

    const bare = new EventEmitter();
    closeOnShutdown(createSseHub(), bare);
    expect(bare.listenerCount('SIGTERM') + bare.listenerCount('SIGINT')).toBe(0);
  });

  it('is one hub per process', () => {
    expect(sseHub()).toBe(sseHub());
  });
});
