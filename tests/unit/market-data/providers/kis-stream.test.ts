import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCircuitBreaker } from '@/server/market-data/circuit-breaker';
import { createKisProvider } from '@/server/market-data/providers/kis/provider';
import { createMemoryTokenStore } from '@/server/market-data/providers/kis/token-store';
import type { Tick, TickStreamHandlers, TickSubscription } from '@/server/market-data/types';
import {
  fixtureReply,
  readFixture,
  startFixtureHttpServer,
  type FixtureHttpServer,
} from '@/tests/helpers/fixture-http-server';
import { startFixtureWsServer, type FixtureWsServer } from '@/tests/helpers/fixture-ws-server';

const APPROVAL_KEY = (
  JSON.parse(readFixture('kis/approval.documented.json')) as { approval_key: string }
).approval_key;
const subscribeSuccess = readFixture('kis/ws_subscribe_success_H0STCNT0_000660.json');
const hynixFrames = readFixture('kis/H0STCNT0_frames_000660_20260713.txt').trim().split('\n');
const samsungFrame = readFixture('kis/H0STCNT0_frame_3records_005930_20250730.txt').trim();
const pingpong = readFixture('kis/ws_pingpong.json').trim();

let http: FixtureHttpServer;
let ws: FixtureWsServer;
/** Approval keys issued per app key: each test streams with its own app key. */
const approvalsByApp = new Map<string, number>();
let appKey = 'app-key-0';
const approvalCount = () => approvalsByApp.get(appKey) ?? 0;
const open: TickSubscription[] = [];

beforeAll(async () => {
  http = await startFixtureHttpServer((request) => {
    if (request.path !== '/oauth2/Approval') return { status: 404, body: '' };
    const app = (JSON.parse(request.body) as { appkey: string }).appkey;
    const count = (approvalsByApp.get(app) ?? 0) + 1;
    approvalsByApp.set(app, count);
    // The first key is the documented one; later ones differ, as a fresh key would.
    if (count === 1) return fixtureReply('kis/approval.documented.json');
    return { body: JSON.stringify({ approval_key: `${APPROVAL_KEY}-${count}` }) };
  });
});
afterAll(() => http.close());

async function startWs() {
  appKey = `app-key-${approvalsByApp.size + 1}-${Math.random().toString(36).slice(2)}`;
  ws = await startFixtureWsServer({
    // Like KIS: acknowledge each subscription with SUBSCRIBE SUCCESS for its code.
    onMessage(text, socket) {
      const request = JSON.parse(text) as {
        header?: { tr_type?: string };
        body?: { input?: { tr_key?: string } };
      };
      const code = request.body?.input?.tr_key;
      if (request.header?.tr_type === '1' && code) {
        socket.send(subscribeSuccess.replace('"000660"', JSON.stringify(code)));
      }
    },
  });
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await ws?.close();
  http.requests.length = 0;
});

function stream(symbols: string[], extra: Partial<TickStreamHandlers> = {}) {
  const ticks: Tick[] = [];
  const statuses: string[] = [];
  const warnings: string[] = [];
  const kis = createKisProvider({
    appKey,
    appSecret: 'app-secret',
    baseUrl: http.url,
    wsUrl: ws.url,
    tokenStore: createMemoryTokenStore(),
    budget: { acquire: async () => {} },
    breaker: createCircuitBreaker({ provider: 'kis' }),
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 20, jitter: 0 },
    stream: {
      reconnect: { baseDelayMs: 5, maxDelayMs: 40, jitter: 0 },
      onWarning: (message) => warnings.push(message),
    },
  });
  const subscription = kis.streamTicks(symbols, {
    onTick: (tick) => ticks.push(tick),
    onStatus: (s) => statuses.push(s.state),
    ...extra,
  });
  open.push(subscription);
  return { subscription, ticks, statuses, warnings };
}

const subscriptionFrame = (key: string, code: string, trType: '1' | '2') =>
  `{"header":{"approval_key":"${key}","custtype":"P","tr_type":"${trType}","content-type":"utf-8"},"body":{"input":{"tr_id":"H0STCNT0","tr_key":"${code}"}}}`;

describe('KIS H0STCNT0 stream', () => {
  it('gets an approval key and subscribes each symbol with the documented frame', async () => {
    await startWs();
    const { statuses } = stream(['000660.KS', '005930.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(2));
    expect(ws.received).toEqual([
      subscriptionFrame(APPROVAL_KEY, '000660', '1'),
      subscriptionFrame(APPROVAL_KEY, '005930', '1'),
    ]);
    const approvalRequest = http.requests.find(
      (r) => r.path === '/oauth2/Approval' && r.body.includes(JSON.stringify(appKey)),
    );
    expect(JSON.parse(approvalRequest!.body)).toEqual({
      grant_type: 'client_credentials',
      appkey: appKey,
      secretkey: 'app-secret',
    });
    expect(statuses).toEqual(['connecting', 'open']);
  });

  it('turns real trade frames into ticks with UTC times from the KST trade time', async () => {
    await startWs();
    const { ticks, warnings } = stream(['000660.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(1));
    for (const frame of hynixFrames) ws.broadcast(frame);
    await vi.waitFor(() => expect(ticks).toHaveLength(3));
    expect(ticks[0]).toEqual({
      symbol: '000660.KS',
      price: 1996000,
      size: 20,
      // 2026-07-13 10:39:25 KST
      time: Date.UTC(2026, 6, 13, 1, 39, 25),
      cumulativeVolume: 2388396,
      change: -184000,
      changePercent: -8.44,
    });
    expect(ticks.map((t) => [t.size, t.cumulativeVolume])).toEqual([
      [20, 2388396],
      [6, 2388402],
      [1, 2388403],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads every record of a multi-record frame, in order', async () => {
    await startWs();
    const { ticks } = stream(['005930.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(1));
    expect(samsungFrame.startsWith('0|H0STCNT0|003|')).toBe(true);
    ws.broadcast(samsungFrame);
    await vi.waitFor(() => expect(ticks).toHaveLength(3));
    expect(ticks.map((t) => [t.symbol, t.price, t.size, t.time])).toEqual([
      ['005930.KS', 71950, 1, Date.UTC(2025, 6, 30, 0, 47, 51)],
      ['005930.KS', 71900, 2, Date.UTC(2025, 6, 30, 0, 47, 51)],
      ['005930.KS', 72000, 75, Date.UTC(2025, 6, 30, 0, 47, 51)],
    ]);
  });

  it('echoes PINGPONG frames verbatim', async () => {
    await startWs();
    stream(['005930.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(1));
    ws.broadcast(pingpong);
    await vi.waitFor(() => expect(ws.received).toHaveLength(2));
    expect(ws.received[1]).toBe(pingpong);
  });

  it('reports refusals and broken frames as warnings and keeps streaming', async () => {
    await startWs();
    const { ticks, warnings } = stream(['005930.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(1));
    ws.broadcast(readFixture('kis/ws_error_OPSP9999.json').trim());
    // Says three records, carries one.
    ws.broadcast(hynixFrames[0]!.replace('|001|', '|003|'));
    ws.broadcast(samsungFrame);
    await vi.waitFor(() => expect(ticks).toHaveLength(3));
    expect(warnings).toEqual([
      expect.stringContaining('OPSP9999 JSON PARSING ERROR'),
      expect.stringContaining('46 fields for 3 records'),
    ]);
  });

  it('unsubscribes with tr_type 2 and drops later trades of that symbol', async () => {
    await startWs();
    const { subscription, ticks } = stream(['000660.KS', '005930.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(2));
    subscription.unsubscribe(['000660.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(3));
    expect(ws.received[2]).toBe(subscriptionFrame(APPROVAL_KEY, '000660', '2'));
    ws.broadcast(hynixFrames[0]!);
    ws.broadcast(samsungFrame);
    await vi.waitFor(() => expect(ticks).toHaveLength(3));
    expect(new Set(ticks.map((t) => t.symbol))).toEqual(new Set(['005930.KS']));
  });

  it('allows at most 40 subscriptions per session', async () => {
    await startWs();
    const codes = Array.from({ length: 41 }, (_, i) => `${String(100000 + i)}.KS`);
    expect(() => stream(codes)).toThrow(/40 live subscriptions/);
    const { subscription } = stream(codes.slice(0, 40));
    expect(() => subscription.subscribe([codes[40]!])).toThrow(/40 live subscriptions/);
    subscription.unsubscribe([codes[0]!]);
    expect(() => subscription.subscribe([codes[40]!])).not.toThrow();
  });

  it('reconnects after the server drops it and subscribes everything again', async () => {
    await startWs();
    const { subscription, ticks, statuses } = stream(['000660.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(1));
    subscription.subscribe(['005930.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(2));

    ws.dropAll();
    await vi.waitFor(() => expect(ws.received).toHaveLength(4));
    expect(ws.connectionCount()).toBe(2);
    expect(ws.received.slice(2)).toEqual([
      subscriptionFrame(APPROVAL_KEY, '000660', '1'),
      subscriptionFrame(APPROVAL_KEY, '005930', '1'),
    ]);
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    // The approval key is reused, not issued per connection.
    expect(approvalCount()).toBe(1);

    ws.broadcast(samsungFrame);
    await vi.waitFor(() => expect(ticks).toHaveLength(3));
  });

  it('keeps retrying with backoff while the server is away', async () => {
    await startWs();
    const url = ws.url;
    const { statuses } = stream(['005930.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(1));
    await ws.close();
    await vi.waitFor(() =>
      expect(statuses.filter((s) => s === 'reconnecting').length).toBeGreaterThanOrEqual(3),
    );
    // Back on the same port.
    const port = Number(new URL(url).port);
    const { WebSocketServer } = await import('ws');
    const revived = new WebSocketServer({ port, host: '127.0.0.1' });
    const received: string[] = [];
    revived.on('connection', (socket) => socket.on('message', (d) => received.push(d.toString())));
    try {
      await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 3_000 });
      expect(received[0]).toBe(subscriptionFrame(APPROVAL_KEY, '005930', '1'));
      expect(statuses.at(-1)).toBe('open');
    } finally {
      await Promise.all(open.splice(0).map((s) => s.close()));
      await new Promise((resolve) => revived.close(resolve));
    }
  });

  it('gets a new approval key when KIS refuses the one it has', async () => {
    await startWs();
    stream(['005930.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(1));
    ws.broadcast(readFixture('kis/ws_invalid_approval.documented.json').trim());
    await vi.waitFor(() => expect(ws.received).toHaveLength(2));
    expect(approvalCount()).toBe(2);
    expect(ws.received[1]).toBe(subscriptionFrame(`${APPROVAL_KEY}-2`, '005930', '1'));
  });

  it('close() ends the session for good', async () => {
    await startWs();
    const { subscription, statuses } = stream(['005930.KS']);
    await vi.waitFor(() => expect(ws.received).toHaveLength(1));
    await subscription.close();
    expect(statuses.at(-1)).toBe('closed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ws.connectionCount()).toBe(1);
    expect(statuses.filter((s) => s === 'reconnecting')).toEqual([]);
  });
});
