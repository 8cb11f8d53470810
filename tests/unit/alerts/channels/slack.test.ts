import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliver } from '@/server/alerts/channels/deliver';
import type { ChannelConfig } from '@/server/alerts/channels/types';
import { hang, sampleMessage, startLocalServer, text, type LocalServer } from './local-server';

const path = '/services/T0AAA0AAA/B0BBB0BBB/x9Fz7KLmNoPqRsTuVwXy';
let slack: LocalServer;
let config: ChannelConfig;

beforeAll(async () => {
  slack = await startLocalServer();
  config = { kind: 'slack', webhookUrl: `${slack.origin}${path}` };
});
afterAll(() => slack.close());
beforeEach(() => {
  slack.requests.length = 0;
});

const send = (timeoutMs = 5_000) =>
  deliver(config, sampleMessage, { allowInsecureHosts: true, timeoutMs });

describe('Slack channel (incoming webhook)', () => {
  it('posts a fallback text and header / section / context blocks', async () => {
    slack.reply(text(200, 'ok'));

    expect(await send()).toEqual({ ok: true, status: 200 });
    const [request] = slack.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(path);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      text:
        '⚠️ Samsung Electronics &lt;005930&gt; up 5.2%\n' +
        'Price 81,200 KRW &amp; rising\nDay change +5.2% (rule: day change beyond ±5%)',
      blocks: [
        {
          type: 'header',
          text: {
            type: 'plain_text',
            text: '⚠️ Samsung Electronics <005930> up 5.2%',
            emoji: true,
          },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: 'Price 81,200 KRW &amp; rising\nDay change +5.2% (rule: day change beyond ±5%)',
          },
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text:
                '<!date^1795397400^{date_short_pretty} {time}|2026-11-23T01:30:00.000Z>' +
                ' · <https://stockvis.example/stocks/005930.KS>',
            },
          ],
        },
      ],
    });
  });

  it('keeps Block Kit limits (header 150, section 3000 characters)', async () => {
    slack.reply(text(200, 'ok'));
    await deliver(
      config,
      { ...sampleMessage, title: 'T'.repeat(400), body: '<&>'.repeat(2_000), url: undefined },
      { allowInsecureHosts: true },
    );
    const { blocks } = JSON.parse(slack.requests[0]?.body ?? '') as {
      blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
    };
    expect(blocks[0]?.text?.text).toHaveLength(150);
    expect(blocks[1]?.text?.text.length).toBeLessThanOrEqual(3000);
    expect(blocks[1]?.text?.text).toMatch(/^(&lt;&amp;&gt;)+/);
    expect(blocks[2]?.elements?.[0]?.text).not.toContain(' · ');
  });

  it.each([
    [400, 'invalid_payload'],
    [403, 'invalid_token'],
    [404, 'no_service'],
    [410, 'channel_is_archived'],
  ])('reports %i %s as a permanent failure', async (status, code) => {
    slack.reply(text(status, code));
    expect(await send()).toEqual({
      ok: false,
      retryable: false,
      reason: `HTTP ${status}: ${code}`,
      status,
    });
  });

  it('retries a rate limit after the Retry-After header', async () => {
    slack.reply(text(429, 'rate_limited', { 'retry-after': '30' }));
    expect(await send()).toEqual({
      ok: false,
      retryable: true,
      reason: 'HTTP 429: rate_limited',
      status: 429,
      retryAfterMs: 30_000,
    });
  });

  it('retries server errors', async () => {
    slack.reply(text(500, 'rollup_error'));
    expect(await send()).toEqual({
      ok: false,
      retryable: true,
      reason: 'HTTP 500: rollup_error',
      status: 500,
    });
  });

  it('times out on a hanging webhook', async () => {
    slack.reply(hang);
    expect(await send(200)).toEqual({ ok: false, retryable: true, reason: 'timeout' });
  });

  it('only posts to hooks.slack.com unless insecure test hosts are allowed', async () => {
    expect(await deliver(config, sampleMessage)).toEqual({
      ok: false,
      retryable: false,
      reason: 'invalid channel settings (webhookUrl)',
    });
    expect(slack.requests).toHaveLength(0);
  });
});
