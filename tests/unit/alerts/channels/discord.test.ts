import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliver } from '@/server/alerts/channels/deliver';
import type { ChannelConfig } from '@/server/alerts/channels/types';
import { hang, json, sampleMessage, startLocalServer, type LocalServer } from './local-server';

const path = '/api/webhooks/1177000000000000000/Zq3-token_value_AbCd';
let discord: LocalServer;
let config: ChannelConfig;

beforeAll(async () => {
  discord = await startLocalServer();
  config = { kind: 'discord', webhookUrl: `${discord.origin}${path}` };
});
afterAll(() => discord.close());
beforeEach(() => {
  discord.requests.length = 0;
});

const send = (timeoutMs = 5_000) =>
  deliver(config, sampleMessage, { allowInsecureHosts: true, timeoutMs });

describe('Discord channel (webhook execute)', () => {
  it('posts one embed coloured by severity, without mentions, to <url>?wait=true', async () => {
    discord.reply(json(200, { id: '1177000000000000123', type: 0, content: '' }));

    expect(await send()).toEqual({ ok: true, status: 200, providerId: '1177000000000000123' });
    const [request] = discord.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`${path}?wait=true`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      embeds: [
        {
          title: '⚠️ Samsung Electronics <005930> up 5.2%',
          description: 'Price 81,200 KRW & rising\nDay change +5.2% (rule: day change beyond ±5%)',
          url: 'https://stockvis.example/stocks/005930.KS',
          color: 0xf59e0b,
          timestamp: '2026-11-23T01:30:00.000Z',
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it('keeps a thread_id already in the webhook URL and colours critical alerts red', async () => {
    discord.reply((_, response) => response.writeHead(204).end());
    const threaded: ChannelConfig = {
      kind: 'discord',
      webhookUrl: `${discord.origin}${path}?thread_id=42`,
    };
    const result = await deliver(
      threaded,
      { ...sampleMessage, severity: 'critical', body: '', url: undefined },
      { allowInsecureHosts: true },
    );
    expect(result).toEqual({ ok: true, status: 204 });
    expect(discord.requests[0]?.url).toBe(`${path}?thread_id=42&wait=true`);
    const { embeds } = JSON.parse(discord.requests[0]?.body ?? '') as { embeds: object[] };
    expect(embeds[0]).toEqual({
      title: '🚨 Samsung Electronics <005930> up 5.2%',
      color: 0xef4444,
      timestamp: '2026-11-23T01:30:00.000Z',
    });
  });

  it('retries a rate limit after the body’s fractional retry_after', async () => {
    discord.reply(
      json(
        429,
        { message: 'You are being rate limited.', retry_after: 1.234, global: false },
        { 'retry-after': '2' },
      ),
    );
    expect(await send()).toEqual({
      ok: false,
      retryable: true,
      reason: 'HTTP 429: You are being rate limited.',
      status: 429,
      retryAfterMs: 1_234,
    });
  });

  it.each([
    [404, 'Unknown Webhook', 10015],
    [401, 'Invalid Webhook Token', 50027],
    [400, 'Invalid Form Body', 50035],
  ])('reports %i %s as a permanent failure', async (status, message, code) => {
    discord.reply(json(status, { message, code }));
    expect(await send()).toEqual({
      ok: false,
      retryable: false,
      reason: `HTTP ${status}: ${message} (${code})`,
      status,
    });
  });

  it('retries server errors', async () => {
    discord.reply(json(503, { message: 'Service Unavailable' }));
    expect(await send()).toEqual({
      ok: false,
      retryable: true,
      reason: 'HTTP 503: Service Unavailable',
      status: 503,
    });
  });

  it('times out on a hanging webhook', async () => {
    discord.reply(hang);
    expect(await send(200)).toEqual({ ok: false, retryable: true, reason: 'timeout' });
  });

  it('only posts to discord.com unless insecure test hosts are allowed', async () => {
    expect(await deliver(config, sampleMessage)).toMatchObject({ ok: false, retryable: false });
    expect(discord.requests).toHaveLength(0);
  });
});
