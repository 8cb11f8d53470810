import { functions } from '@/inngest';
import { afterEach, describe, expect, it } from 'vitest';
import { localEventKey } from '@/inngest/local-dispatch';
import { localRunner, startLocalRunner, stopLocalRunner } from '@/server/scheduler/process-runner';

afterEach(() => stopLocalRunner());

describe('process local runner', () => {
  it('starts the app functions once per process and stops them', async () => {
    expect(localRunner()).toBeUndefined();

    const runner = await startLocalRunner();

    expect(await startLocalRunner()).toBe(runner);
    expect(localRunner()).toBe(runner);
    const status = runner.status();
    expect(status.started).toBe(true);
    // Every function of inngest/index.ts, each with its triggers and next cron time.
    expect(status.functions.map((fn) => fn.id)).toEqual(functions.map((fn) => fn.id()));
    expect(status.functions).toContainEqual(
      expect.objectContaining({
        id: 'record-heartbeat',
        triggers: ['cron: * * * * *', 'system/heartbeat.requested'],
      }),
    );
    for (const fn of status.functions) {
      // Scheduled functions know their next run; event-only ones (collect-stock-data) have none.
      const scheduled = fn.triggers.some((trigger) => trigger.startsWith('cron: '));
      if (scheduled) expect(fn.nextRunAt, fn.id).toBeInstanceOf(Date);
      else expect(fn.nextRunAt, fn.id).toBeNull();
    }
    expect(status.functions.find((fn) => fn.id === 'collect-stock-data')?.triggers).toEqual([
      'market/stock.tracked',
    ]);
    expect(localEventKey()).toBeDefined();

    await stopLocalRunner();

    expect(localRunner()).toBeUndefined();
    expect(runner.status().started).toBe(false);
    expect(localEventKey()).toBeUndefined();
    expect(await startLocalRunner()).not.toBe(runner);
  });
});
