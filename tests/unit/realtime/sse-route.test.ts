import { describe, expect, it } from 'vitest';
import { stockChannel, userChannel } from '@/server/realtime/channels';
import { createRealtimePublisher } from '@/server/realtime/factory';
import { createSsePublisher } from '@/server/realtime/publisher';
import { createSseHub } from '@/server/realtime/sse-hub';
import { handleRealtimeStreamRequest, MAX_CHANNELS_PER_STREAM } from '@/server/realtime/sse-route';
import { envelopeOf, sseFrameReader } from '@/tests/helpers/sse-frames';

const alice = { id: 'ckalice01', email: 'alice@example.com', name: null };

function get(
  query: string,
  options: { user?: typeof alice | null; transport?: 'sse' | 'pusher' } = {},
) {
  const hub = createSseHub();
  const aborter = new AbortController();
  const request = new Request(`http://localhost/api/realtime${query}`, { signal: aborter.signal });
  const response = handleRealtimeStreamRequest(request, {
    transport: options.transport ?? 'sse',
    hub,
    getSessionUser: async () => (options.user === undefined ? alice : options.user),
  });
  return { hub, aborter, response };
}

async function errorOf(response: Promise<Response>) {
  const res = await response;
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}

describe('GET /api/realtime', () => {
  it("streams the user's own and public channels, end to end from the publisher", async () => {
    const channels = [userChannel(alice.id), 'system', stockChannel('005930.KS')];
    const { hub, aborter, response } = get(`?channels=${encodeURIComponent(channels.join(','))}`);
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(hub.stats()).toEqual({ connections: 1, channels: 3 });

    const frames = sseFrameReader(res.body!);
    await frames.next(); // retry
    await frames.next(); // connected
    const publisher = createSsePublisher(hub);
    await publisher.publish(userChannel(alice.id), 'watchlist.changed', { watchlistId: 'w1' });
    expect(envelopeOf(await frames.next())).toEqual({
      channel: userChannel(alice.id),
      event: 'watchlist.changed',
      payload: { watchlistId: 'w1' },
    });

    aborter.abort();
    expect(await frames.next()).toBeNull();
    expect(hub.stats()).toEqual({ connections: 0, channels: 0 });
  });

  it('ignores duplicate and blank-padded names', async () => {
    const { hub, aborter, response } = get('?channels=system,%20system%20');
    expect((await response).status).toBe(200);
    expect(hub.stats()).toEqual({ connections: 1, channels: 1 });
    aborter.abort();
  });

  it("answers 403 for another user's private channel and opens nothing", async () => {
    const { hub, response } = get(`?channels=system,${userChannel('ckbob02')}`);
    const error = await errorOf(response);
    expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(error.message).toContain('private-user-ckbob02');
    expect(error.message).not.toContain('system');
    expect(hub.stats().connections).toBe(0);
  });

  it('answers 401 when signed out', async () => {
    expect(await errorOf(get('?channels=system', { user: null }).response)).toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
    });
  });

  it('answers 400 for a missing, empty, unknown or too long channel list', async () => {
    const tooMany = Array.from({ length: MAX_CHANNELS_PER_STREAM + 1 }, (_, i) => `stock-S${i}`);
    for (const query of [
      '',
      '?channels=',
      '?channels=system,,',
      '?channels=private-admin',
      `?channels=${tooMany.join(',')}`,
    ]) {
      const { hub, response } = get(query);
      expect(await errorOf(response), query).toMatchObject({ status: 400, code: 'INVALID' });
      expect(hub.stats().connections).toBe(0);
    }
  });

  it('answers 503 with Connection: close once the server is shutting down', async () => {
    const hub = createSseHub();
    hub.closeAll();
    const response = await handleRealtimeStreamRequest(
      new Request('http://localhost/api/realtime?channels=system'),
      { transport: 'sse', hub, getSessionUser: async () => alice },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('connection')).toBe('close');
    expect(response.headers.get('retry-after')).toBe('2');
    expect(hub.stats().connections).toBe(0);
  });

  it('answers 404 with an explanation when the app uses Pusher', async () => {
    const error = await errorOf(get('?channels=system', { transport: 'pusher' }).response);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(error.message).toMatch(/Pusher/);
  });
});

describe('SSE publisher', () => {
  it('applies the same checks as the Pusher publisher', async () => {
    const hub = createSseHub();
    const publisher = createSsePublisher(hub);
    expect(publisher.transport).toBe('sse');
    await expect(publisher.publish('nope', 'tick', 1)).rejects.toMatchObject({ code: 'INVALID' });
    await expect(publisher.publish('system', 'tick', 'x'.repeat(20_000))).rejects.toMatchObject({
      code: 'INVALID',
    });
    await expect(publisher.publish('system', 'tick', 1)).resolves.toBeUndefined();
  });
});

describe('createRealtimePublisher', () => {
  it('picks the transport from the configuration', async () => {
    const hub = createSseHub();
    const received: unknown[] = [];
    hub.subscribe(['system'], (message) => received.push(message.payload));
    const sse = createRealtimePublisher({ transport: 'sse' }, { hub });
    await sse.publish('system', 'tick', { n: 1 });
    expect(sse.transport).toBe('sse');
    expect(received).toEqual([{ n: 1 }]);

    const pusher = createRealtimePublisher({
      transport: 'pusher',
      appId: '1',
      key: 'k',
      secret: 's',
      cluster: 'ap3',
      useTLS: true,
    });
    expect(pusher.transport).toBe('pusher');
  });
});
