import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '@/server/db/engine-adapters/postgres';
import {
  cleanServerEnv,
  startNextServer,
  waitForHealthy,
  type NextServer,
} from '@/tests/helpers/next-server';
import {
  startPusherApiRecorder,
  type PusherApiRecorder,
} from '@/tests/helpers/pusher-api-recorder';
import { onTestServer, testServerUrl } from '@/tests/helpers/test-db';

/**
 * The production shape on a real PostgreSQL server: `next start` with NODE_ENV=production and
 * DATABASE_URL. Needs TEST_DATABASE_URL (CI sets it); without it the file is skipped.
 */
const hasServer = Boolean(process.env.TEST_DATABASE_URL);
const pusherApp = { appId: '4242', key: 'prod-key', secret: 'prod-secret' };
const secrets = {
  NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};

let databaseName: string;
let databaseUrl: string;
let pusher: PusherApiRecorder;
const servers: NextServer[] = [];

async function start(env: Record<string, string>): Promise<NextServer> {
  const server = await startNextServer(
    cleanServerEnv({ NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env }),
  );
  servers.push(server);
  return server;
}

describe.skipIf(!hasServer)('production mode on PostgreSQL', () => {
  beforeAll(async () => {
    databaseName = `stockvis_prod_${randomBytes(5).toString('hex')}`;
    await onTestServer(`CREATE DATABASE "${databaseName}"`);
    databaseUrl = withDatabase(testServerUrl(), databaseName);
    pusher = await startPusherApiRecorder(pusherApp);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await pusher?.close();
    if (databaseName) await onTestServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  });

  it('refuses to start without its secrets, naming each missing one', async () => {
    const server = await start({ DATABASE_URL: databaseUrl });
    const code = await Promise.race([
      server.exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000)),
    ]);
    expect(code).not.toBe('timeout');
    expect(code).not.toBe(0);
    const log = server.log();
    // NEXTAUTH_URL is given by the harness; the others are missing.
    for (const name of ['NEXTAUTH_SECRET', 'ENCRYPTION_KEY', 'INNGEST_SIGNING_KEY']) {
      expect(log).toContain(`${name} is required in production mode`);
    }
    expect(log).toContain('Production mode uses Pusher Channels: set PUSHER_APP_ID');
  });

  it('serves with Inngest Cloud and Pusher: migrated, no demo account, signed endpoints', async () => {
    const server = await start({
      DATABASE_URL: databaseUrl,
      ...secrets,
      NEXTAUTH_URL: 'http://127.0.0.1',
      INNGEST_EVENT_KEY: 'prod-event-key',
      INNGEST_SIGNING_KEY: `signkey-prod-${'ab'.repeat(32)}`,
      PUSHER_APP_ID: pusherApp.appId,
      PUSHER_KEY: pusherApp.key,
      PUSHER_SECRET: pusherApp.secret,
      PUSHER_CLUSTER: 'ap3',
      PUSHER_HOST: pusher.host,
      PUSHER_PORT: String(pusher.port),
      PUSHER_USE_TLS: 'false',
    });
    const health = await waitForHealthy(server);
    expect(health).toMatchObject({
      database: { ok: true, kind: 'postgres', migrations: { pending: [], failed: [] } },
      scheduler: { runner: 'inngest' },
      realtime: { transport: 'pusher' },
    });

    const signIn = await (await fetch(`${server.baseUrl}/sign-in`)).text();
    expect(signIn).not.toContain('demo@stockvis.dev');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const demo = await client.query(`SELECT 1 FROM "User" WHERE email = 'demo@stockvis.dev'`);
    await client.end();
    expect(demo.rowCount).toBe(0);

    // Inngest Cloud must sign its calls; the SSE stream is off in favour of Pusher.
    expect((await fetch(`${server.baseUrl}/api/inngest`)).status).toBe(401);
    expect((await fetch(`${server.baseUrl}/api/realtime?channels=system`)).status).toBe(404);
  });

  it('runs as one long-running server with the local runner and SSE when asked to', async () => {
    const server = await start({
      DATABASE_URL: databaseUrl,
      ...secrets,
      JOBS_RUNNER: 'local',
      REALTIME_TRANSPORT: 'sse',
    });
    await waitForHealthy(server);
    // The startup heartbeat makes the scheduler healthy within moments.
    const deadline = Date.now() + 30_000;
    let health: { scheduler?: { ok?: boolean; runner?: string } } = {};
    while (Date.now() < deadline && !health.scheduler?.ok) {
      health = await (await fetch(`${server.baseUrl}/api/health`)).json();
      if (!health.scheduler?.ok) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(health).toMatchObject({ status: 'ok', scheduler: { ok: true, runner: 'local' } });
  });
});
