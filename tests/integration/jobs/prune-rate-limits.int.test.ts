import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneRateLimits } from '@/inngest/functions/prune-rate-limits';
import { setServicesForTesting } from '@/server/services';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';
import { createTestServices } from '@/tests/helpers/test-services';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  setServicesForTesting(createTestServices(db.prisma, db.kind).services);
});

afterAll(async () => {
  setServicesForTesting(undefined);
  await db?.dispose();
});

describe('prune-rate-limits', () => {
  it('runs hourly and deletes only counters whose window has ended', async () => {
    expect(pruneRateLimits.opts.triggers).toContainEqual({ cron: '17 * * * *' });
    const now = Date.now();
    await db.prisma.rateLimitCounter.createMany({
      data: [
        {
          key: 'sign-in:ip:old',
          windowStart: new Date(now - 3_600_000),
          count: 3,
          expiresAt: new Date(now - 60_000),
        },
        {
          key: 'sign-in:ip:live',
          windowStart: new Date(now),
          count: 1,
          expiresAt: new Date(now + 600_000),
        },
      ],
    });

    const { result, error } = await new InngestTestEngine({
      function: pruneRateLimits,
      events: [{ name: 'inngest/scheduled.timer', data: { cron: '17 * * * *' } }],
    }).execute();

    expect(error).toBeUndefined();
    expect(result).toEqual({ pruned: 1 });
    const left = await db.prisma.rateLimitCounter.findMany({ select: { key: true } });
    expect(left).toEqual([{ key: 'sign-in:ip:live' }]);
  });
});
