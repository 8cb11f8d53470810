import { NonRetriableError, RetryAfterError, type InngestFunction } from 'inngest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inngest } from '@/inngest/client';
import { heartbeatRequested } from '@/inngest/events';
import { recordHeartbeat } from '@/inngest/functions/record-heartbeat';
import { logger } from '@/server/logger';
import { createLocalRunner, type LocalRunner } from '@/server/scheduler/local-runner';
import { setServicesForTesting } from '@/server/services';
import { createFakeJobServices } from '@/tests/helpers/fake-job-services';

const runners: LocalRunner[] = [];

function startRunner(
  functions: InngestFunction.Any[],
  options: { baseMs?: number; random?: () => number } = {},
): LocalRunner {
  const runner = createLocalRunner({
    client: inngest,
    functions,
    logger,
    backoff: { baseMs: options.baseMs ?? 4, maxMs: 1_000 },
    random: options.random ?? (() => 0.5),
  });
  runners.push(runner);
  runner.start();
  return runner;
}

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop({ timeoutMs: 1_000 })));
  setServicesForTesting(undefined);
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

async function lastRunOf(runner: LocalRunner, fnId: string, timeout = 2_000) {
  return vi.waitFor(
    () => {
      const lastRun = runner.status().functions.find(({ id }) => id === fnId)?.lastRun;
      if (!lastRun) throw new Error(`${fnId} has not finished a run yet`);
      return lastRun;
    },
    { timeout, interval: 10 },
  );
}

describe('local job runner', () => {
  it('runs a function when its event is sent with inngest.send', async () => {
    const received: unknown[] = [];
    const fn = inngest.createFunction(
      { id: 'test-ping', triggers: [{ event: 'test/ping.sent' }] },
      async ({ event }) => {
        received.push({ name: event.name, data: event.data });
        return 'pong';
      },
    );
    const runner = startRunner([fn]);

    const { ids } = await inngest.send({ name: 'test/ping.sent', data: { n: 1 } });

    expect(ids).toHaveLength(1);
    expect(await lastRunOf(runner, 'test-ping')).toMatchObject({
      outcome: 'completed',
      event: 'test/ping.sent',
    });
    expect(received).toEqual([{ name: 'test/ping.sent', data: { n: 1 } }]);
  });

  it('fires cron triggers on schedule with the scheduled-timer event, until stopped', async () => {
    const ticks: Array<{ name: string; data: unknown }> = [];
    const fn = inngest.createFunction(
      { id: 'test-every-second', triggers: [{ cron: '* * * * * *' }] },
      async ({ event }) => {
        ticks.push({ name: event.name, data: event.data });
      },
    );
    const runner = startRunner([fn]);
    expect(runner.status().functions[0]?.nextRunAt).toBeInstanceOf(Date);

    await vi.waitFor(() => expect(ticks.length).toBeGreaterThanOrEqual(1), { timeout: 2_500 });
    expect(ticks[0]).toEqual({ name: 'inngest/scheduled.timer', data: { cron: '* * * * * *' } });

    await runner.stop();
    const ticksAtStop = ticks.length;
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(ticks).toHaveLength(ticksAtStop);
    expect(runner.status()).toMatchObject({ started: false, running: 0 });
    expect(runner.status().functions[0]?.nextRunAt).toBeNull();
  });

  it('stop() lets the step in progress finish, cancels waiting runs and stops dispatching', async () => {
    const inStep = deferred();
    const finishStep = deferred();
    const ran: string[] = [];
    const busy = inngest.createFunction(
      { id: 'test-busy', triggers: [{ event: 'test/busy.requested' }] },
      async ({ step }) => {
        await step.run('long', async () => {
          inStep.resolve();
          await finishStep.promise;
          ran.push('long');
        });
        await step.run('next', () => ran.push('next'));
      },
    );
    const sleeper = inngest.createFunction(
      { id: 'test-sleeper', triggers: [{ event: 'test/sleeper.requested' }] },
      async ({ step }) => {
        await step.sleep('forever', '7d');
      },
    );
    const runner = startRunner([busy, sleeper]);
    await inngest.send([{ name: 'test/busy.requested' }, { name: 'test/sleeper.requested' }]);
    await inStep.promise;
    await vi.waitFor(() => expect(runner.status().functions[1]?.running).toBe(1));

    let stopped = false;
    const stopping = runner.stop({ timeoutMs: 5_000 }).then(() => (stopped = true));
    expect(await lastRunOf(runner, 'test-sleeper')).toMatchObject({ outcome: 'cancelled' });
    expect(stopped).toBe(false);

    finishStep.resolve();
    await stopping;
    expect(ran).toEqual(['long']);
    expect(await lastRunOf(runner, 'test-busy')).toMatchObject({ outcome: 'cancelled' });
    await expect(runner.dispatch([{ name: 'test/busy.requested', data: {} }])).rejects.toThrow(
      /not running/,
    );
  });

  it('stop() gives up waiting after its timeout', async () => {
    const never = deferred();
    const fn = inngest.createFunction(
      { id: 'test-stuck', triggers: [{ event: 'test/stuck.requested' }] },
      async ({ step }) => step.run('stuck', () => never.promise),
    );
    const runner = startRunner([fn]);
    await inngest.send({ name: 'test/stuck.requested' });
    await vi.waitFor(() => expect(runner.status().running).toBe(1));

    const started = performance.now();
    await runner.stop({ timeoutMs: 50 });

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(runner.status()).toMatchObject({ started: false, running: 1 });
    never.resolve();
  });

  it('retries a failing step with backoff without re-running steps that succeeded', async () => {
    const calls = { first: 0, flaky: [] as Array<{ attempt: number; at: number }> };
    const fn = inngest.createFunction(
      { id: 'test-flaky-step', triggers: [{ event: 'test/flaky.requested' }], retries: 3 },
      async ({ step, attempt }) => {
        const first = await step.run('first', async () => {
          calls.first += 1;
          return { value: 41 };
        });
        const second = await step.run('flaky', async () => {
          calls.flaky.push({ attempt, at: performance.now() });
          if (calls.flaky.length < 3) throw new Error(`transient ${calls.flaky.length}`);
          return first.value + 1;
        });
        return second;
      },
    );
    // random 0 → the fixed half of each delay: 25 ms, then 50 ms.
    const runner = startRunner([fn], { baseMs: 50, random: () => 0 });

    await inngest.send({ name: 'test/flaky.requested' });

    expect(await lastRunOf(runner, 'test-flaky-step')).toMatchObject({ outcome: 'completed' });
    expect(calls.first).toBe(1);
    expect(calls.flaky.map(({ attempt }) => attempt)).toEqual([0, 1, 2]);
    const [a, b, c] = calls.flaky.map(({ at }) => at);
    expect(b! - a!).toBeGreaterThanOrEqual(24);
    expect(c! - b!).toBeGreaterThanOrEqual(49);
  });

  it('retries an error thrown between steps, replaying the finished steps', async () => {
    const calls = { step: 0, body: 0 };
    const fn = inngest.createFunction(
      { id: 'test-flaky-body', triggers: [{ event: 'test/flaky-body.requested' }] },
      async ({ step }) => {
        const value = await step.run('only-step', async () => ++calls.step);
        calls.body += 1;
        if (calls.body === 1) throw new Error('body failed once');
        return value;
      },
    );
    const runner = startRunner([fn]);

    await inngest.send({ name: 'test/flaky-body.requested' });

    expect(await lastRunOf(runner, 'test-flaky-body')).toMatchObject({ outcome: 'completed' });
    expect(calls).toEqual({ step: 1, body: 2 });
  });

  it('stops at a NonRetriableError', async () => {
    let attempts = 0;
    const fn = inngest.createFunction(
      { id: 'test-non-retriable', triggers: [{ event: 'test/doomed.requested' }], retries: 5 },
      async ({ step }) =>
        step.run('doomed', async () => {
          attempts += 1;
          throw new NonRetriableError('will never work');
        }),
    );
    const runner = startRunner([fn]);

    await inngest.send({ name: 'test/doomed.requested' });

    expect(await lastRunOf(runner, 'test-non-retriable')).toMatchObject({
      outcome: 'failed',
      error: 'will never work',
    });
    expect(attempts).toBe(1);
  });

  it('fails the run once a step has used up its retries; the function may catch it', async () => {
    let attempts = 0;
    const make = (id: string, catchIt: boolean) =>
      inngest.createFunction(
        { id, triggers: [{ event: `test/${id}.requested` }], retries: 2 },
        async ({ step }) => {
          const broken = step.run('always-broken', async () => {
            attempts += 1;
            throw new Error('still broken');
          });
          return catchIt ? broken.catch((error: Error) => `caught: ${error.message}`) : broken;
        },
      );
    const runner = startRunner([make('test-exhausted', false), make('test-caught', true)]);

    await inngest.send({ name: 'test/test-exhausted.requested' });
    expect(await lastRunOf(runner, 'test-exhausted')).toMatchObject({
      outcome: 'failed',
      error: 'still broken',
    });
    expect(attempts).toBe(3);

    await inngest.send({ name: 'test/test-caught.requested' });
    expect(await lastRunOf(runner, 'test-caught')).toMatchObject({ outcome: 'completed' });
    expect(attempts).toBe(6);
  });

  it('waits as long as a RetryAfterError asks', async () => {
    const at: number[] = [];
    const fn = inngest.createFunction(
      { id: 'test-retry-after', triggers: [{ event: 'test/retry-after.requested' }] },
      async ({ step }) =>
        step.run('rate-limited', async () => {
          at.push(Date.now());
          if (at.length === 1) {
            throw new RetryAfterError('slow down', new Date(Date.now() + 150));
          }
          return 'ok';
        }),
    );
    // The normal backoff would be a minute: finishing in time proves the requested wait was used.
    const runner = startRunner([fn], { baseMs: 60_000 });

    await inngest.send({ name: 'test/retry-after.requested' });

    expect(await lastRunOf(runner, 'test-retry-after')).toMatchObject({ outcome: 'completed' });
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(140);
  });

  it('runs one run per concurrency key at a time, different keys in parallel', async () => {
    const gates = { a1: deferred(), a2: deferred(), b1: deferred() };
    const started: string[] = [];
    const fn = inngest.createFunction(
      {
        id: 'test-per-account',
        triggers: [{ event: 'test/account.synced' }],
        concurrency: { limit: 1, key: 'event.data.accountId' },
      },
      async ({ event, step }) => {
        const run = String(event.data.run) as keyof typeof gates;
        await step.run('sync', async () => {
          started.push(run);
          await gates[run].promise;
        });
      },
    );
    const runner = startRunner([fn]);

    await inngest.send([
      { name: 'test/account.synced', data: { accountId: 'A', run: 'a1' } },
      { name: 'test/account.synced', data: { accountId: 'A', run: 'a2' } },
      { name: 'test/account.synced', data: { accountId: 'B', run: 'b1' } },
    ]);

    await vi.waitFor(() => expect(started.toSorted()).toEqual(['a1', 'b1']));
    expect(runner.status()).toMatchObject({ running: 3, queued: 1 });

    gates.a1.resolve();
    await vi.waitFor(() => expect(started).toContain('a2'));
    gates.a2.resolve();
    gates.b1.resolve();
    await vi.waitFor(() => expect(runner.status()).toMatchObject({ running: 0, queued: 0 }));
  });

  it('sleeps for step.sleep and dispatches step.sendEvent to other functions', async () => {
    const order: string[] = [];
    const sender = inngest.createFunction(
      { id: 'test-sender', triggers: [{ event: 'test/chain.started' }] },
      async ({ step }) => {
        const before = await step.run('before', () => Date.now());
        await step.sleep('pause', '1s');
        // Code outside steps re-runs on every replay; a step runs once.
        await step.run('after', () => order.push(`slept ${Date.now() - before >= 990}`));
        await step.sendEvent('notify', { name: 'test/chain.continued', data: { from: 'sender' } });
      },
    );
    const receiver = inngest.createFunction(
      { id: 'test-receiver', triggers: [{ event: 'test/chain.continued' }] },
      async ({ event }) => {
        order.push(`received from ${String(event.data.from)}`);
      },
    );
    const runner = startRunner([sender, receiver]);

    await inngest.send({ name: 'test/chain.started' });

    expect(await lastRunOf(runner, 'test-receiver', 3_000)).toMatchObject({
      outcome: 'completed',
    });
    expect(order).toEqual(['slept true', 'received from sender']);
  });

  it('fails runs that use step tools needing the Inngest server, saying so', async () => {
    const fn = inngest.createFunction(
      { id: 'test-wait-for-event', triggers: [{ event: 'test/order.placed' }] },
      async ({ step }) => step.waitForEvent('paid', { event: 'test/order.paid', timeout: '1h' }),
    );
    const runner = startRunner([fn]);

    await inngest.send({ name: 'test/order.placed' });

    const lastRun = await lastRunOf(runner, 'test-wait-for-event');
    expect(lastRun.outcome).toBe('failed');
    expect(lastRun.error).toMatch(/step\.waitForEvent\(\).*not support/);
  });

  it('runs the onFailure handler after the final failure', async () => {
    const failures: unknown[] = [];
    const fn = inngest.createFunction(
      {
        id: 'test-with-failure-handler',
        triggers: [{ event: 'test/fragile.requested' }],
        retries: 0,
        onFailure: async ({ error, event }) => {
          failures.push({ message: error.message, original: event.data.event.data });
        },
      },
      async () => {
        throw new Error('fragile broke');
      },
    );
    const runner = startRunner([fn]);

    await inngest.send({ name: 'test/fragile.requested', data: { id: 7 } });

    expect(await lastRunOf(runner, 'test-with-failure-handler')).toMatchObject({
      outcome: 'failed',
    });
    await vi.waitFor(() =>
      expect(failures).toEqual([{ message: 'fragile broke', original: { id: 7 } }]),
    );
  });

  it('starts one run for events repeating an id, as Inngest deduplicates them', async () => {
    let runs = 0;
    const fn = inngest.createFunction(
      { id: 'test-idempotent-event', triggers: [{ event: 'test/once.requested' }] },
      async () => {
        runs += 1;
      },
    );
    const runner = startRunner([fn]);

    await inngest.send({ name: 'test/once.requested', id: 'same' });
    await inngest.send({ name: 'test/once.requested', id: 'same' });

    await lastRunOf(runner, 'test-idempotent-event');
    await vi.waitFor(() => expect(runner.status().running).toBe(0));
    expect(runs).toBe(1);
  });

  it('debounces per key: one run with the latest event after the key goes quiet', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const runs: unknown[] = [];
      const debounced = inngest.createFunction(
        {
          id: 'test-debounced',
          triggers: [{ event: 'test/price.moved' }],
          debounce: { key: 'event.data.account', period: '10s', timeout: '1m' },
        },
        async ({ event }) => {
          runs.push(event.data);
        },
      );
      const runner = startRunner([debounced]);
      await inngest.send({ name: 'test/price.moved', data: { account: 'a', n: 1 } });
      await vi.advanceTimersByTimeAsync(6_000);
      await inngest.send({ name: 'test/price.moved', data: { account: 'a', n: 2 } });
      await inngest.send({ name: 'test/price.moved', data: { account: 'b', n: 1 } });
      await vi.advanceTimersByTimeAsync(6_000);
      expect(runs).toEqual([]); // 'a' moved again 6 s ago; 'b' 6 s ago
      await vi.advanceTimersByTimeAsync(5_000);
      await vi.waitFor(() => expect(runs).toHaveLength(2));
      expect(runs).toEqual(
        expect.arrayContaining([
          { account: 'a', n: 2 },
          { account: 'b', n: 1 },
        ]),
      );
      // A steady stream cannot postpone a run past the timeout.
      for (let i = 0; i < 8; i++) {
        await inngest.send({ name: 'test/price.moved', data: { account: 'c', n: i } });
        await vi.advanceTimersByTimeAsync(9_000);
      }
      await vi.waitFor(() => expect(runs).toContainEqual({ account: 'c', n: 6 }));
      expect(runner.status().functions[0]?.id).toBe('test-debounced');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses functions whose options it cannot honour', () => {
    const limited = inngest.createFunction(
      {
        id: 'test-rate-limited',
        triggers: [{ event: 'test/typed.changed' }],
        rateLimit: { limit: 1, period: '5s' },
      },
      async () => undefined,
    );
    expect(() => createLocalRunner({ client: inngest, functions: [limited], logger })).toThrow(
      /test-rate-limited.*rateLimit/,
    );
    const filtered = inngest.createFunction(
      { id: 'test-filtered', triggers: [{ event: 'test/typed.changed', if: 'event.data.n > 1' }] },
      async () => undefined,
    );
    expect(() => createLocalRunner({ client: inngest, functions: [filtered], logger })).toThrow(
      /test-filtered.*`if`/,
    );
    expect(() =>
      createLocalRunner({ client: inngest, functions: [recordHeartbeat, recordHeartbeat], logger }),
    ).toThrow(/share the id 'record-heartbeat'/);
  });

  it('runs record-heartbeat end to end, retrying a failed record', async () => {
    const fake = createFakeJobServices();
    setServicesForTesting(fake.services);
    fake.recordFailures.push(new Error('database busy'));
    const runner = startRunner([recordHeartbeat]);

    await inngest.send(heartbeatRequested.create({ reason: 'startup' }));

    expect(await lastRunOf(runner, 'record-heartbeat')).toMatchObject({ outcome: 'completed' });
    expect(fake.calls.record).toBe(2);
    expect(fake.heartbeats).toMatchObject([{ runner: 'local', trigger: 'startup' }]);
    expect(fake.heartbeats[0]?.runId).toBe(runner.status().functions[0]?.lastRun?.runId);
    expect(fake.published).toEqual([
      {
        channel: 'system',
        event: 'heartbeat.recorded',
        payload: {
          recordedAt: fake.heartbeats[0]?.recordedAt.toISOString(),
          runner: 'local',
          trigger: 'startup',
        },
      },
    ]);
  });
});
