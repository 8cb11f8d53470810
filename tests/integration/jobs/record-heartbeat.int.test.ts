import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inngest } from '@/inngest/client';
import { heartbeatRequested } from '@/inngest/events';
import { recordHeartbeat } from '@/inngest/functions/record-heartbeat';
import { logger } from '@/server/logger';
import { createLocalRunner, type LocalRunner } from '@/server/scheduler/local-runner';
import { setServicesForTesting } from '@/server/services';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';
import { createTestServices } from '@/tests/helpers/test-services';

let db: TestDatabase;
let runner: LocalRunner | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterEach(async () => {
  await runner?.stop();
  setServicesForTesting(undefined);
});

afterAll(async () => {
  await db?.dispose();
});

describe('record-heartbeat on the local runner', () => {
  it('stores a heartbeat, publishes it, and prunes day-old ones', async () => {
    const { services, realtime } = createTestServices(db.prisma, db.kind);
    setServicesForTesting(services);
    const dayAndAMinuteAgo = new Date(Date.now() - 24 * 60 * 60 * 1000 - 60_000);
    await db.prisma.schedulerHeartbeat.create({
      data: { runner: 'local', trigger: 'cron', runId: 'old-run', recordedAt: dayAndAMinuteAgo },
    });
    runner = createLocalRunner({ client: inngest, functions: [recordHeartbeat], logger });
    runner.start();

    await inngest.send(heartbeatRequested.create({ reason: 'manual', requestedBy: 'user-1' }));

    const lastRun = await vi.waitFor(
      () => {
        const run = runner?.status().functions[0]?.lastRun;
        if (!run) throw new Error('no run yet');
        return run;
      },
      { timeout: 10_000, interval: 20 },
    );
    expect(lastRun.outcome).toBe('completed');
    const rows = await db.prisma.schedulerHeartbeat.findMany();
    expect(rows).toMatchObject([{ runner: 'local', trigger: 'event', runId: lastRun.runId }]);
    expect(realtime.published).toEqual([
      {
        channel: 'system',
        event: 'heartbeat.recorded',
        payload: {
          recordedAt: rows[0]?.recordedAt.toISOString(),
          runner: 'local',
          trigger: 'event',
        },
      },
    ]);
  });
});
