import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertHttpOk, fetchJson } from '@/server/market-data/http';
import {
  startFixtureHttpServer,
  type FixtureHandler,
  type FixtureHttpServer,
} from '@/tests/helpers/fixture-http-server';

let handler: FixtureHandler = () => ({ body: '{}' });
let server: FixtureHttpServer;
beforeAll(async () => {
  server = await startFixtureHttpServer((request) => handler(request));
});
afterAll(() => server.close());

const get = (timeoutMs = 2_000, signal?: AbortSignal) =>
  fetchJson('kis', { url: `${server.url}/x`, timeoutMs, signal });

describe('fetchJson', () => {
  it('returns status and parsed body, and sends JSON bodies', async () => {
    handler = (request) => ({
      status: 200,
      body: JSON.stringify({ echo: JSON.parse(request.body) }),
    });
    const response = await fetchJson('kis', {
      url: `${server.url}/x`,
      method: 'POST',
      body: { a: '1' },
      timeoutMs: 2_000,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ echo: { a: '1' } });
    expect(server.requests.at(-1)!.headers['content-type']).toMatch(/^application\/json/);
  });

  it('classifies a non-JSON 200 as malformed, quoting the start of the body', async () => {
    handler = () => ({ body: '<!DOCTYPE html><title>maintenance</title>' });
    await expect(get()).rejects.toMatchObject({
      details: { provider: 'kis', kind: 'malformed' },
      message: expect.stringContaining('<!DOCTYPE html>'),
    });
  });

  it('leaves a non-JSON error page to its status', async () => {
    handler = () => ({ status: 502, body: '<html>Bad gateway</html>' });
    const response = await get();
    expect(response.body).toBeUndefined();
    expect(() => assertHttpOk('kis', response)).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ kind: 'server', status: 502 }),
      }),
    );
  });

  it('times out when the body never ends', async () => {
    handler = () => ({ hang: true });
    await expect(get(30)).rejects.toMatchObject({ details: { kind: 'timeout' } });
  });

  it("keeps the caller's abort reason instead of blaming the provider", async () => {
    handler = () => ({ hang: true });
    const controller = new AbortController();
    const pending = get(5_000, controller.signal);
    setTimeout(() => controller.abort(new Error('navigated away')), 10);
    await expect(pending).rejects.toThrow('navigated away');
  });
});

describe('assertHttpOk', () => {
  const response = (status: number, headers: Record<string, string> = {}) => ({
    status,
    headers: new Headers(headers),
    body: undefined,
  });

  it('maps statuses to kinds', () => {
    const kindOf = (status: number) => {
      try {
        assertHttpOk('alphavantage', response(status));
        return 'ok';
      } catch (error) {
        return (error as { details: { kind: string } }).details.kind;
      }
    };
    expect([200, 401, 403, 404, 400, 500, 503].map(kindOf)).toEqual([
      'ok',
      'bad-key',
      'bad-key',
      'not-found',
      'rejected',
      'server',
      'server',
    ]);
  });

  it('passes Retry-After on 429 along', () => {
    expect(() => assertHttpOk('kis', response(429, { 'retry-after': '3' }))).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ kind: 'minute-limit', retryAfterMs: 3_000 }),
      }),
    );
  });
});
