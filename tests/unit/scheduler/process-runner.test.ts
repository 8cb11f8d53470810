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
    expect(runner.status()).toMatchObject({
      started: true,
      functions: [
        { id: 'record-heartbeat', triggers: ['cron: * * * * *', 'system/heartbeat.requested'] },
      ],
    });
    expect(runner.status().functions[0]?.nextRunAt).toBeInstanceOf(Date);
    expect(localEventKey()).toBeDefined();

    await stopLocalRunner();

    expect(localRunner()).toBeUndefined();
    expect(runner.status().started).toBe(false);
    expect(localEventKey()).toBeUndefined();
    expect(await startLocalRunner()).not.toBe(runner);
  });
});
