import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '@/server/db/health';
import { HEARTBEAT_FRESH_MS } from '@/server/system/heartbeat';
import { createHealthService } from '@/server/system/health';
import type { Services } from '@/server/services';
import { createTestDatabase } from '@/tests/helpers/test-db';
import { createTestServices } from '@/tests/helpers/test-services';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let services: Services;

beforeAll(async () => {
  db = await createTestDatabase();
  services = createTestServices(db.prisma, db.kind).services;
});

afterAll(async () => {
  await db?.dispose();
});

function healthAt(now: Date) {
  return createHealthService({
    databaseKind: services.databaseKind,
    checkDatabase: () => checkDatabase(db.prisma),
    heartbeats: services.system,
    runner: 'local',
    realtimeTransport: 'sse',
    version: 'test',
    now: () => now,
  }).check();
}

describe('health', () => {
  it('is degraded until the scheduler has recorded a heartbeat', async () => {
    const report = await healthAt(new Date());
    expect(report.status).toBe('degraded');
    expect(report.database).toMatchObject({
      ok: true,
      reachable: true,
      migrations: { pending: [], failed: [] },
    });
    expect(report.database.migrations.applied).toBeGreaterThan(0);
    expect(report.scheduler).toMatchObject({ ok: false, lastHeartbeatAt: null });
  });

  it('is ok with a fresh heartbeat, and degraded again once it is stale', async () => {
    const beat = await services.system.recordHeartbeat({
      runner: 'local',
      trigger: 'cron',
      runId: 'run-1',
    });
    const fresh = await healthAt(new Date(beat.recordedAt.getTime() + 30_000));
    expect(fresh.status).toBe('ok');
    expect(fresh.scheduler).toMatchObject({ ok: true, runner: 'local', ageSeconds: 30 });

    const stale = await healthAt(new Date(beat.recordedAt.getTime() + HEARTBEAT_FRESH_MS + 1_000));
    expect(stale.status).toBe('degraded');
    expect(stale.scheduler.ok).toBe(false);
  });

  it('reports the database down when it cannot be reached', async () => {
    const report = await createHealthService({
      databaseKind: 'postgres',
      checkDatabase: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
      heartbeats: services.system,
      runner: 'inngest',
      realtimeTransport: 'pusher',
      version: 'test',
    }).check();
    expect(report.status).toBe('down');
    expect(report.database).toMatchObject({
      ok: false,
      reachable: false,
      error: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('keeps the database error text out of the report in production mode', async () => {
    const report = await createHealthService({
      databaseKind: 'postgres',
      checkDatabase: async () => {
        throw new Error('password authentication failed for user "stockvis" on db.internal');
      },
      heartbeats: services.system,
      runner: 'inngest',
      realtimeTransport: 'pusher',
      version: 'test',
      exposeErrors: false,
    }).check();
    expect(report.database.error).toBe('unavailable');
  });

  it('prunes old heartbeats but keeps recent ones', async () => {
    const now = Date.now();
    await db.prisma.schedulerHeartbeat.create({
      data: {
        runner: 'local',
        trigger: 'cron',
        runId: 'old',
        recordedAt: new Date(now - 2 * 86_400_000),
      },
    });
    const pruned = await services.system.pruneHeartbeats(new Date(now - 86_400_000));
    expect(pruned).toBe(1);
    expect((await services.system.latestHeartbeat())?.runId).toBe('run-1');
  });
});
