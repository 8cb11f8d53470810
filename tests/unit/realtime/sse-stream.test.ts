import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSseHub } from '@/server/realtime/sse-hub';
import {
  createSseResponse,
  createSseStream,
  type SseCloseReason,
} from '@/server/realtime/sse-stream';
import { envelopeOf, sseFrameReader } from '@/tests/helpers/sse-frames';

afterEach(() => {
  vi.useRealTimers();
});

describe('SSE stream', () => {
  it('answers with unbuffered event-stream headers', () => {
    const response = createSseResponse({
      hub: createSseHub(),
      channels: ['system'],
      signal: new AbortController().signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('connection')).toBe('keep-alive');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    void response.body?.cancel();
  });

  it('opens with a retry hint, then relays its channels as JSON envelopes, in order', async () => {
    const hub = createSseHub();
    const aborter = new AbortController();
    const frames = sseFrameReader(
      createSseStream({
        hub,
        channels: ['system', 'stock-AAPL'],
        signal: aborter.signal,
        retryMs: 2500,
      }),
    );

    expect(await frames.next()).toBe('retry: 2500');
    expect(await frames.next()).toBe(': connected');

    hub.publish('stock-MSFT', 'tick', { price: 1 }); // not subscribed
    hub.publish('stock-AAPL', 'tick', { price: '189.20', note: 'line\nbreak' });
    hub.publish('system', 'heartbeat.recorded', null);

    expect(envelopeOf(await frames.next())).toEqual({
      channel: 'stock-AAPL',
      event: 'tick',
      payload: { price: '189.20', note: 'line\nbreak' },
    });
    expect(envelopeOf(await frames.next())).toEqual({
      channel: 'system',
      event: 'heartbeat.recorded',
      payload: null,
    });
    aborter.abort();
    expect(await frames.next()).toBeNull();
  });

  it('sends a keep-alive comment on the interval', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const frames = sseFrameReader(
      createSseStream({
        hub: createSseHub(),
        channels: ['system'],
        signal: new AbortController().signal,
        keepAliveMs: 15_000,
      }),
    );
    await frames.next();
    await frames.next();
    vi.advanceTimersByTime(14_999);
    vi.advanceTimersByTime(1);
    expect(await frames.next()).toBe(': keep-alive');
    vi.advanceTimersByTime(15_000);
    expect(await frames.next()).toBe(': keep-alive');
    await frames.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('unsubscribes, stops the keep-alive and ends the stream when the request is aborted', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const hub = createSseHub();
    const aborter = new AbortController();
    const reasons: SseCloseReason[] = [];
    const frames = sseFrameReader(
      createSseStream({
        hub,
        channels: ['system'],
        signal: aborter.signal,
        onClose: (r) => reasons.push(r),
      }),
    );
    await frames.next();
    expect(hub.stats()).toEqual({ connections: 1, channels: 1 });
    expect(vi.getTimerCount()).toBe(1);

    aborter.abort();

    expect(hub.stats()).toEqual({ connections: 0, channels: 0 });
    expect(vi.getTimerCount()).toBe(0);
    expect(await frames.next()).toBe(': connected');
    expect(await frames.next()).toBeNull();
    expect(hub.publish('system', 'tick', 1)).toBe(0);
    expect(reasons).toEqual(['aborted']);
  });

  it('cleans up when the consumer cancels the body (client disconnected)', async () => {
    const hub = createSseHub();
    const reasons: SseCloseReason[] = [];
    const frames = sseFrameReader(
      createSseStream({
        hub,
        channels: ['system'],
        signal: new AbortController().signal,
        onClose: (r) => reasons.push(r),
      }),
    );
    await frames.next();
    await frames.cancel();
    expect(hub.stats().connections).toBe(0);
    expect(reasons).toEqual(['cancelled']);
  });

  it('never subscribes for an already aborted request', async () => {
    const hub = createSseHub();
    const frames = sseFrameReader(
      createSseStream({ hub, channels: ['system'], signal: AbortSignal.abort() }),
    );
    expect(await frames.next()).toBeNull();
    expect(hub.stats().connections).toBe(0);
  });

  it('drops a consumer that falls too far behind, after the frames already queued', async () => {
    const hub = createSseHub();
    const reasons: SseCloseReason[] = [];
    const stream = createSseStream({
      hub,
      channels: ['system'],
      signal: new AbortController().signal,
      maxQueuedFrames: 3,
      onClose: (r) => reasons.push(r),
    });
    for (let i = 0; i < 10; i += 1) hub.publish('system', 'tick', i);

    expect(reasons).toEqual(['slow-consumer']);
    expect(hub.stats().connections).toBe(0);
    const frames = sseFrameReader(stream);
    const received: string[] = [];
    for (let frame = await frames.next(); frame !== null; frame = await frames.next()) {
      received.push(frame);
    }
    // The opening frame plus three ticks were queued; the fourth tick hit the limit.
    expect(received.filter((f) => f.startsWith('data: ')).map((f) => envelopeOf(f))).toEqual(
      [0, 1, 2].map((payload) => ({ channel: 'system', event: 'tick', payload })),
    );
  });

  it('ends the stream when the hub shuts down, so the server can exit', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const hub = createSseHub();
    const reasons: SseCloseReason[] = [];
    const frames = sseFrameReader(
      createSseStream({
        hub,
        channels: ['system'],
        signal: new AbortController().signal,
        onClose: (r) => reasons.push(r),
      }),
    );
    await frames.next();
    hub.closeAll();
    expect(reasons).toEqual(['shutdown']);
    expect(hub.stats().connections).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(await frames.next()).toBe(': connected');
    expect(await frames.next()).toBeNull();
  });
});
