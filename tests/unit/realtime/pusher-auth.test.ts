import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stockChannel, userChannel } from '@/server/realtime/channels';
import type { RealtimeConfig } from '@/server/realtime/config';
import { handlePusherAuthRequest } from '@/server/realtime/pusher-auth';

const secret = 'app-secret-0123456789';
const pusherConfig: RealtimeConfig = {
  transport: 'pusher',
  appId: '4242',
  key: 'app-key',
  secret,
  cluster: 'ap3',
  useTLS: true,
};
const alice = { id: 'ckalice01', email: 'alice@example.com', name: 'Alice' };
const socketId = '123456.7890123';

/** Pusher's channel auth, computed independently: "<key>:" + HMAC-SHA256(secret, "<socket_id>:<channel>"). */
function expectedAuth(channel: string): string {
  const hmac = createHmac('sha256', secret).update(`${socketId}:${channel}`).digest('hex');
  return `app-key:${hmac}`;
}

/** The request pusher-js sends: form-encoded socket_id and channel_name. */
function authRequest(fields: Record<string, string>): Request {
  return new Request('http://localhost/api/pusher/auth', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

function call(fields: Record<string, string>, user: typeof alice | null, realtime = pusherConfig) {
  return handlePusherAuthRequest(authRequest(fields), {
    realtime,
    getSessionUser: async () => user,
  });
}

describe('POST /api/pusher/auth', () => {
  it("signs the user's own private channel", async () => {
    const channel = userChannel(alice.id);
    const response = await call({ socket_id: socketId, channel_name: channel }, alice);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ auth: expectedAuth(channel) });
  });

  it('signs public channels for a signed-in user', async () => {
    const channel = stockChannel('005930.KS');
    const response = await call({ socket_id: socketId, channel_name: channel }, alice);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ auth: expectedAuth(channel) });
  });

  it("refuses another user's private channel with 403 and no signature", async () => {
    const response = await call(
      { socket_id: socketId, channel_name: userChannel('ckbob02') },
      alice,
    );
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string }; auth?: string };
    expect(body.error.code).toBe('FORBIDDEN');
    expect(body.auth).toBeUndefined();
  });

  it('refuses channels that are not ours with 403', async () => {
    const response = await call({ socket_id: socketId, channel_name: 'private-admin' }, alice);
    expect(response.status).toBe(403);
  });

  it('answers 401 when signed out', async () => {
    const response = await call({ socket_id: socketId, channel_name: 'system' }, null);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'UNAUTHORIZED',
    );
  });

  it('answers 400 for a malformed body', async () => {
    expect((await call({ socket_id: 'abc', channel_name: 'system' }, alice)).status).toBe(400);
    expect((await call({ channel_name: 'system' }, alice)).status).toBe(400);
    expect((await call({ socket_id: socketId }, alice)).status).toBe(400);
  });

  it('answers 404 when the app uses the SSE transport', async () => {
    const response = await call({ socket_id: socketId, channel_name: 'system' }, alice, {
      transport: 'sse',
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /\/api\/realtime/,
    );
  });
});
