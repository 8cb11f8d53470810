import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliver } from '@/server/alerts/channels/deliver';
import type { ChannelConfig } from '@/server/alerts/channels/types';
import {
  closedPort,
  hang,
  json,
  sampleMessage,
  startLocalServer,
  text,
  type LocalServer,
} from './local-server';

const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const config: ChannelConfig = { kind: 'telegram', botToken: token, chatId: '-1001234567890' };
let api: LocalServer;

beforeAll(async () => {
  api = await startLocalServer();
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
});

const send = (timeoutMs = 5_000) =>
  deliver(config, sampleMessage, { telegramApiBase: api.origin, timeoutMs });

describe('Telegram channel (Bot API sendMessage)', () => {
  it('posts an HTML message with escaped title, body and link to /bot<token>/sendMessage', async () => {
    api.reply(json(200, { ok: true, result: { message_id: 4321, chat: { id: -1001234567890 } } }));

    const result = await send();

    expect(result).toEqual({ ok: true, status: 200, providerId: '4321' });
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`/bot${token}/sendMessage`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      chat_id: '-1001234567890',
      text:
        '⚠️ <b>Samsung Electronics &lt;005930&gt; up 5.2%</b>\n' +
        'Price 81,200 KRW &amp; rising\nDay change +5.2% (rule: day change beyond ±5%)\n\n' +
        '<a href="https://stockvis.example/stocks/005930.KS">https://stockvis.example/stocks/005930.KS</a>',
      parse_mode: 'HTML',
      disable_web_page_preview: true,
    });
  });

  it('keeps a very long body within the 4096-character message limit', async () => {
    api.reply(json(200, { ok: true, result: { message_id: 1 } }));
    await deliver(
      config,
      { ...sampleMessage, body: 'x'.repeat(10_000) },
      { telegramApiBase: api.origin },
    );
    const sent = JSON.parse(api.requests[0]?.body ?? '') as { text: string };
    expect(sent.text.length).toBeLessThanOrEqual(4096);
    expect(sent.text).toContain('x…');
    expect(sent.text).toContain('</a>');
  });

  it.each([
    [400, 'Bad Request: chat not found'],
    [401, 'Unauthorized'],
    [403, 'Forbidden: bot was blocked by the user'],
    [404, 'Not Found'],
  ])('reports %i as a permanent failure with the description', async (status, description) => {
    api.reply(json(status, { ok: false, error_code: status, description }));
    expect(await send()).toEqual({ ok: false, retryable: false, reason: description, status });
  });

  it('passes a rate limit’s retry_after on as retryAfterMs', async () => {
    api.reply(
      json(429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 7',
        parameters: { retry_after: 7 },
      }),
    );
    expect(await send()).toEqual({
      ok: false,
      retryable: true,
      reason: 'Too Many Requests: retry after 7',
      status: 429,
      retryAfterMs: 7_000,
    });
  });

  it('retries server errors, even without a JSON body', async () => {
    api.reply(text(502, '<html>Bad Gateway</html>'));
    expect(await send()).toEqual({ ok: false, retryable: true, reason: 'HTTP 502', status: 502 });
  });

  it('gives up on a hanging request after timeoutMs and says it may be retried', async () => {
    api.reply(hang);
    expect(await send(200)).toEqual({ ok: false, retryable: true, reason: 'timeout' });
  });

  it('treats a refused connection as a retryable network error', async () => {
    const port = await closedPort();
    const result = await deliver(config, sampleMessage, {
      telegramApiBase: `http://127.0.0.1:${port}`,
    });
    expect(result).toEqual({ ok: false, retryable: true, reason: 'network error (ECONNREFUSED)' });
  });

  it('refuses a malformed token without calling the API or echoing the token', async () => {
    const result = await deliver(
      { kind: 'telegram', botToken: 'not-a-token', chatId: '42' },
      sampleMessage,
      { telegramApiBase: api.origin },
    );
    expect(result).toEqual({
      ok: false,
      retryable: false,
      reason: 'invalid channel settings (botToken)',
    });
    expect(api.requests).toHaveLength(0);
  });
});
