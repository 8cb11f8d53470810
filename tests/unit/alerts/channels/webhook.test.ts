import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliver } from '@/server/alerts/channels/deliver';
import type { ChannelConfig } from '@/server/alerts/channels/types';
import { signWebhookPayload, verifyWebhookSignature } from '@/server/alerts/channels/webhook';
import {
  hang,
  json,
  sampleMessage,
  startLocalServer,
  text,
  type LocalServer,
} from './local-server';

const secret = 'whsec_5f2c9a0d7e61b4c3';
let receiver: LocalServer;
let config: ChannelConfig;

beforeAll(async () => {
  receiver = await startLocalServer();
  config = { kind: 'webhook', url: `${receiver.origin}/hooks/stockvis?source=alerts`, secret };
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.requests.length = 0;
});

const send = (timeoutMs = 5_000) => deliver(config, sampleMessage, { timeoutMs });

describe('generic webhook channel', () => {
  it('posts the message as JSON with event, delivery, timestamp and signature headers', async () => {
    receiver.reply(text(202, 'accepted'));
    const before = Math.floor(Date.now() / 1000);

    expect(await send()).toEqual({ ok: true, status: 202 });

    const [request] = receiver.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/hooks/stockvis?source=alerts');
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Stockvis-Webhook/1',
      'x-stockvis-event': 'alert',
      'x-stockvis-delivery': 'alert_01JD8ZQ4T7',
    });
    const timestamp = Number(request?.headers['x-stockvis-timestamp']);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(request?.headers['x-stockvis-signature']).toBe(
      signWebhookPayload(secret, timestamp, request?.body ?? ''),
    );
    expect(request?.headers['x-stockvis-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      id: 'alert_01JD8ZQ4T7',
      kind: 'alert',
      severity: 'warning',
      title: 'Samsung Electronics <005930> up 5.2%',
      body: 'Price 81,200 KRW & rising\nDay change +5.2% (rule: day change beyond ±5%)',
      url: 'https://stockvis.example/stocks/005930.KS',
      occurredAt: '2026-11-23T01:30:00.000Z',
      data: { symbol: '005930.KS', changePct: 5.2, ruleId: null },
    });
  });

  it('sends null url and empty data when the message has none', async () => {
    receiver.reply(text(200, ''));
    const { url: _url, data: _data, ...bare } = sampleMessage;
    await deliver(config, { ...bare, kind: 'test', severity: 'info' }, {});
    const body = JSON.parse(receiver.requests[0]?.body ?? '') as Record<string, unknown>;
    expect(body).toMatchObject({ kind: 'test', severity: 'info', url: null, data: {} });
    expect(receiver.requests[0]?.headers['x-stockvis-event']).toBe('test');
  });

  it('lets a receiver verify the signature, and rejects tampering, wrong secrets and stale requests', async () => {
    receiver.reply(text(204, ''));
    await send();
    const [request] = receiver.requests;
    const timestamp = String(request?.headers['x-stockvis-timestamp']);
    const signature = String(request?.headers['x-stockvis-signature']);
    const body = request?.body ?? '';

    expect(verifyWebhookSignature(secret, timestamp, body, signature)).toBe(true);
    expect(verifyWebhookSignature(secret, timestamp, Buffer.from(body), signature)).toBe(true);
    expect(verifyWebhookSignature(secret, timestamp, body.replace('5.2', '9.9'), signature)).toBe(
      false,
    );
    expect(verifyWebhookSignature('another-secret-value', timestamp, body, signature)).toBe(false);
    expect(verifyWebhookSignature(secret, Number(timestamp) + 1, body, signature)).toBe(false);
    expect(verifyWebhookSignature(secret, timestamp, body, signature.slice(0, -1))).toBe(false);
    expect(verifyWebhookSignature(secret, timestamp, body, undefined)).toBe(false);
    expect(verifyWebhookSignature(secret, null, body, signature)).toBe(false);
    // Ten minutes later the same request is a replay.
    const later = (Number(timestamp) + 600) * 1000;
    expect(verifyWebhookSignature(secret, timestamp, body, signature, { now: later })).toBe(false);
    expect(
      verifyWebhookSignature(secret, timestamp, body, signature, {
        now: later,
        toleranceSeconds: 900,
      }),
    ).toBe(true);
  });

  it('signs "<timestamp>.<raw body>" with HMAC-SHA256 (a known vector)', () => {
    // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 0123456789abcdef
    expect(signWebhookPayload('0123456789abcdef', 1700000000, '{"a":1}')).toBe(
      'sha256=9eb18f493f8ec135d9eb2dad817c369bb4e9cbfa818657897a7437c1cd8c3a23',
    );
  });

  it.each([408, 429, 500, 502, 503])('retries HTTP %i', async (status) => {
    receiver.reply(text(status, 'busy', status === 429 ? { 'retry-after': '12' } : {}));
    expect(await send()).toEqual({
      ok: false,
      retryable: true,
      reason: `HTTP ${status}: busy`,
      status,
      ...(status === 429 && { retryAfterMs: 12_000 }),
    });
  });

  it.each([400, 401, 404, 410, 422])('gives up on HTTP %i', async (status) => {
    receiver.reply(json(status, { error: 'nope' }));
    expect(await send()).toEqual({
      ok: false,
      retryable: false,
      reason: `HTTP ${status}: {"error":"nope"}`,
      status,
    });
  });

  it('does not follow redirects (a redirected POST would lose its body)', async () => {
    receiver.reply((_, response) =>
      response.writeHead(301, { location: `${receiver.origin}/elsewhere` }).end(),
    );
    expect(await send()).toEqual({
      ok: false,
      retryable: false,
      reason: 'HTTP 301: unexpected redirect',
      status: 301,
    });
    expect(receiver.requests).toHaveLength(1);
  });

  it('times out on a hanging receiver', async () => {
    receiver.reply(hang);
    expect(await send(200)).toEqual({ ok: false, retryable: true, reason: 'timeout' });
  });

  it('uses the injected fetch', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response('fine', { status: 200 });
    };
    expect(await deliver(config, sampleMessage, { fetch: fakeFetch })).toEqual({
      ok: true,
      status: 200,
    });
    expect(calls).toEqual([`${receiver.origin}/hooks/stockvis?source=alerts`]);
    expect(receiver.requests).toHaveLength(0);
  });
});
