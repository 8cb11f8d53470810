import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPusherConnection } from '@/components/providers/realtime/pusher-connection';
import type { RealtimeStatus } from '@/components/providers/realtime/types';
import { SYSTEM_CHANNEL, userChannel } from '@/server/realtime/channels';
import { realtimeClientConfig } from '@/server/realtime/client-config';
import type { RealtimeConfig } from '@/server/realtime/config';
import { createPusherPublisher } from '@/server/realtime/publisher';
import { handlePusherAuthRequest } from '@/server/realtime/pusher-auth';
import { startFakePusherServer, type FakePusherServer } from '@/tests/helpers/fake-pusher-server';

/**
 * The whole Pusher path with the real libraries: publisher (pusher SDK) → Pusher-protocol server →
 * pusher-js (its Node build) driven by the browser connection code, private channels authorised by
 * the /api/pusher/auth handler over HTTP.
 */
const app = { appId: '777', key: 'roundtrip-key', secret: 'roundtrip-secret-0123456789' };
const alice = { id: 'ckalice01', email: 'alice@example.com', name: 'Alice' };
let pusherServer: FakePusherServer;
let authServer: Server;
let authUrl: string;
const authAnswers: string[] = [];
/** The secret the auth route signs with; a test swaps it to prove the server checks signatures. */
let authSecret = app.secret;
let config: Extract<RealtimeConfig, { transport: 'pusher' }>;

/** What the page would receive from the server (secret stripped), narrowed to Pusher. */
function browserConfig() {
  const client = realtimeClientConfig(config);
  if (client.transport !== 'pusher') throw new Error('expected the Pusher client config');
  return client;
}

beforeAll(async () => {
  pusherServer = await startFakePusherServer(app);
  config = {
    transport: 'pusher',
    ...app,
    cluster: 'mt1',
    host: pusherServer.host,
    port: pusherServer.port,
    useTLS: false,
  };
  // The route handler behind a plain Node server, as Next would call it.
  authServer = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: Buffer.concat(chunks),
    });
    const form = new URLSearchParams(await request.clone().text());
    const response = await handlePusherAuthRequest(request, {
      realtime: { ...config, secret: authSecret },
      getSessionUser: async () => alice,
    });
    authAnswers.push(`${form.get('channel_name')} ${response.status}`);
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => authServer.listen(0, '127.0.0.1', resolve));
  authUrl = `http://127.0.0.1:${(authServer.address() as AddressInfo).port}/api/pusher/auth`;
});

afterAll(async () => {
  authServer.closeAllConnections();
  await new Promise((resolve) => authServer.close(resolve));
  await pusherServer.close();
});

describe('Pusher round trip', () => {
  it('delivers published events to subscribed channels, private ones only when authorised', async () => {
    const refused = vi.spyOn(console, 'error').mockImplementation(() => {});
    const events: [string, string, unknown][] = [];
    const statuses: RealtimeStatus[] = [];
    const connection = createPusherConnection({
      config: browserConfig(),
      authEndpoint: authUrl,
      dispatch: (channel, event, payload) => events.push([channel, event, payload]),
      onStatus: (status) => statuses.push(status),
    });
    const mine = userChannel(alice.id);
    const theirs = userChannel('ckbob02');
    try {
      connection.setChannels(new Set([mine, SYSTEM_CHANNEL, theirs]));
      await vi.waitFor(
        () => {
          const accepted = pusherServer.subscriptions.map((s) => s.split(' ')[1]);
          expect(accepted).toEqual(expect.arrayContaining([mine, SYSTEM_CHANNEL]));
          expect(refused).toHaveBeenCalledWith(
            `[realtime] subscription to '${theirs}' refused`,
            expect.objectContaining({ status: 403 }),
          );
        },
        { timeout: 10_000, interval: 20 },
      );
      expect(statuses.at(-1)).toBe('open');
      expect(pusherServer.subscriptions.some((s) => s.endsWith(theirs))).toBe(false);
      expect(pusherServer.refusedSubscriptions).toEqual([]);
      // Only private channels ask the auth route; public ones subscribe directly.
      expect(authAnswers.sort()).toEqual([`${mine} 200`, `${theirs} 403`]);

      const publisher = createPusherPublisher(config);
      await publisher.publish(theirs, 'watchlist.changed', { watchlistId: 'not-for-alice' });
      await publisher.publish(SYSTEM_CHANNEL, 'heartbeat.recorded', { at: '2026-11-22T00:00:00Z' });
      await publisher.publish(mine, 'watchlist.changed', { watchlistId: 'w1', 이름: '관심' });
      await vi.waitFor(() => expect(events).toHaveLength(2), { timeout: 5_000, interval: 20 });
      expect(events).toEqual([
        [SYSTEM_CHANNEL, 'heartbeat.recorded', { at: '2026-11-22T00:00:00Z' }],
        [mine, 'watchlist.changed', { watchlistId: 'w1', 이름: '관심' }],
      ]);

      // Dropping a channel unsubscribes it: its events stop, the others keep coming.
      connection.setChannels(new Set([mine]));
      await publisher.publish(SYSTEM_CHANNEL, 'heartbeat.recorded', { at: 'later' });
      await publisher.publish(mine, 'watchlist.changed', { watchlistId: 'w2' });
      await vi.waitFor(() => expect(events).toHaveLength(3), { timeout: 5_000, interval: 20 });
      expect(events[2]).toEqual([mine, 'watchlist.changed', { watchlistId: 'w2' }]);
    } finally {
      connection.close();
    }
  }, 20_000);

  it('is refused by the server when the auth route signs with the wrong secret', async () => {
    authSecret = 'some-other-secret';
    const connection = createPusherConnection({
      config: browserConfig(),
      authEndpoint: authUrl,
      dispatch: () => {},
      onStatus: () => {},
    });
    try {
      connection.setChannels(new Set([userChannel(alice.id)]));
      await vi.waitFor(
        () =>
          expect(pusherServer.refusedSubscriptions.map((s) => s.split(' ')[1])).toEqual([
            userChannel(alice.id),
          ]),
        { timeout: 10_000, interval: 20 },
      );
    } finally {
      connection.close();
      authSecret = app.secret;
    }
  }, 20_000);
});
