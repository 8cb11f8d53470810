import { afterEach, describe, expect, it, vi } from 'vitest';
import { inngest } from '@/inngest/client';
import { heartbeatRequested } from '@/inngest/events';
import {
  LOCAL_EVENT_KEY,
  localAwareFetch,
  localEventKey,
  registerLocalDispatcher,
  unregisterLocalDispatcher,
  type SentEvent,
} from '@/inngest/local-dispatch';

afterEach(() => {
  unregisterLocalDispatcher();
  vi.unstubAllGlobals();
});

function recordingDispatcher() {
  const received: SentEvent[][] = [];
  const dispatcher = async (events: SentEvent[]) => {
    received.push(events);
    return events.map((_, index) => `evt-${index}`);
  };
  return { received, dispatcher };
}

describe('local event dispatch', () => {
  it('answers event API posts in-process with the body the SDK expects', async () => {
    const { received, dispatcher } = recordingDispatcher();
    registerLocalDispatcher(dispatcher);
    const network = vi.fn();
    vi.stubGlobal('fetch', network);

    const response = await localAwareFetch('https://inn.gs/e/some-key', {
      method: 'POST',
      body: JSON.stringify([
        { name: 'test/a.happened', data: { x: 1 }, ts: 5 },
        { name: 'test/b' },
      ]),
    });

    expect(network).not.toHaveBeenCalled();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ids: ['evt-0', 'evt-1'], status: 200 });
    expect(received).toEqual([
      [
        { name: 'test/a.happened', data: { x: 1 }, ts: 5 },
        { name: 'test/b', data: {} },
      ],
    ]);
  });

  it('answers a malformed payload with an error the SDK reports', async () => {
    registerLocalDispatcher(recordingDispatcher().dispatcher);

    const response = await localAwareFetch('http://localhost:8288/e/key', {
      method: 'POST',
      body: JSON.stringify([{ data: {} }]),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      status: 400,
      error: expect.stringContaining('name'),
    });
  });

  it('passes every other request, and everything when no runner is registered, to fetch', async () => {
    const network = vi.fn(async () => new Response('network'));
    vi.stubGlobal('fetch', network);

    await localAwareFetch('https://inn.gs/e/key', { method: 'POST', body: '[]' });
    registerLocalDispatcher(recordingDispatcher().dispatcher);
    await localAwareFetch('https://api.inngest.com/v0/runs/1');
    await localAwareFetch('https://api.inngest.com/e/key/other', { method: 'POST', body: '{}' });

    expect(network).toHaveBeenCalledTimes(3);
  });

  it('supplies an event key only while a dispatcher is registered', () => {
    expect(localEventKey()).toBeUndefined();
    const unregister = registerLocalDispatcher(recordingDispatcher().dispatcher);
    expect(localEventKey()).toBe(LOCAL_EVENT_KEY);
    unregister();
    expect(localEventKey()).toBeUndefined();
  });

  it('only unregisters the dispatcher it was given', () => {
    const first = recordingDispatcher().dispatcher;
    const second = recordingDispatcher().dispatcher;
    const unregisterFirst = registerLocalDispatcher(first);
    registerLocalDispatcher(second);
    unregisterFirst();
    expect(localEventKey()).toBe(LOCAL_EVENT_KEY);
  });

  it('lets inngest.send reach the registered dispatcher without INNGEST_EVENT_KEY', async () => {
    const { received, dispatcher } = recordingDispatcher();
    registerLocalDispatcher(dispatcher);

    const result = await inngest.send(
      heartbeatRequested.create({ reason: 'manual', requestedBy: 'u1' }),
    );

    expect(result).toEqual({ ids: ['evt-0'] });
    expect(received[0]).toEqual([
      expect.objectContaining({
        name: 'system/heartbeat.requested',
        data: { reason: 'manual', requestedBy: 'u1' },
        ts: expect.any(Number),
      }),
    ]);
  });

  it.skipIf(process.env.INNGEST_EVENT_KEY || process.env.INNGEST_DEV)(
    'refuses to send without a runner or an event key, as the SDK does in cloud mode',
    async () => {
      const network = vi.fn(async () => Response.error());
      vi.stubGlobal('fetch', network);
      await expect(inngest.send({ name: 'test/nowhere.sent' })).rejects.toThrow(/event key/);
      expect(network).not.toHaveBeenCalled();
    },
  );

  it('validates typed events before they are sent', async () => {
    const { received, dispatcher } = recordingDispatcher();
    registerLocalDispatcher(dispatcher);

    await expect(
      inngest.send(heartbeatRequested.create({ reason: 'bogus' as 'manual' })),
    ).rejects.toThrow();
    expect(received).toEqual([]);
  });
});
