import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetAppEnvForTesting } from '@/server/env';

// The SDK reads INNGEST_* when the client is created, so each test imports a fresh module graph.
async function importRoute(env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  resetAppEnvForTesting();
  const [route, { functions }] = await Promise.all([
    import('@/app/api/inngest/route'),
    import('@/inngest'),
  ]);
  return { route, functions };
}

const request = () => new NextRequest('http://localhost:3000/api/inngest');
const context = { params: Promise.resolve({}) };

afterEach(() => {
  vi.unstubAllEnvs();
  resetAppEnvForTesting();
});

describe('/api/inngest', () => {
  it('serves every function', async () => {
    const { route, functions } = await importRoute({ INNGEST_DEV: '1' });

    const response = await route.GET(request(), context);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      mode: 'dev',
      function_count: functions.length,
    });
    expect(functions.map((fn) => fn.id())).toContain('record-heartbeat');
  });

  it('requires signed requests when a signing key is set', async () => {
    const { route } = await importRoute({
      INNGEST_DEV: '0',
      INNGEST_SIGNING_KEY: `signkey-prod-${'ab'.repeat(32)}`,
    });

    const response = await route.GET(request(), context);

    expect(response.status).toBe(401);
  });

  it('describes the in-process runner in the local default instead of serving', async () => {
    const { route, functions } = await importRoute({});

    const get = await route.GET(request(), context);
    expect(get.status).toBe(200);
    expect(await get.json()).toMatchObject({
      mode: 'local',
      functions: functions.map((fn) => fn.id()),
    });
    const put = await route.PUT(
      new NextRequest('http://localhost:3000/api/inngest', { method: 'PUT' }),
      context,
    );
    expect(put.status).toBe(409);
  });

  it('answers 500 in cloud mode without a signing key', async () => {
    const { route } = await importRoute({ INNGEST_DEV: '0', JOBS_RUNNER: 'inngest' });

    const response = await route.GET(request(), context);

    expect(response.status).toBe(500);
  });
});
