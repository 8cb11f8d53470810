import { InngestTestEngine } from '@inngest/test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordHeartbeat } from '@/inngest/functions/record-heartbeat';
import { DomainError } from '@/server/errors';
import { setServicesForTesting } from '@/server/services';
import { createFakeJobServices } from '@/tests/helpers/fake-job-services';

const NOW = new Date('2026-03-02T09:30:00.000Z');

const cronEvent = { name: 'inngest/scheduled.timer', data: { cron: '* * * * *' } };
const manualEvent = {
  name: 'system/heartbeat.requested',
  data: { reason: 'manual', requestedBy: 'user_1' },
};

function setup(options: { runner?: 'local' | 'inngest' } = {}) {
  const fake = createFakeJobServices({ ...options, now: () => NOW });
  setServicesForTesting(fake.services);
  return fake;
}

function engineFor(event: { name: string; data: Record<string, unknown> }) {
  return new InngestTestEngine({ function: recordHeartbeat, events: [event] });
}

beforeEach(() => {
  // Only Date is faked: the SDK's engine needs real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  setServicesForTesting(undefined);
});

describe('record-heartbeat', () => {
  it('is configured as the scheduler heartbeat', () => {
    expect(recordHeartbeat.id()).toBe('record-heartbeat');
    expect(recordHeartbeat.opts).toMatchObject({ concurrency: { limit: 1 }, retries: 3 });
    const triggers = recordHeartbeat.opts.triggers ?? [];
    expect(triggers).toContainEqual({ cron: '* * * * *' });
    expect(triggers.map((trigger) => ('event' in trigger ? trigger.event.name : null))).toContain(
      'system/heartbeat.requested',
    );
  });

  it('records, publishes and prunes on the cron trigger', async () => {
    const fake = setup({ runner: 'inngest' });

    const { result, error } = await engineFor(cronEvent).execute();

    expect(error).toBeUndefined();
    expect(fake.heartbeats).toEqual([
      // @inngest/test gives every execution of a run a fresh runId, so only its presence is checked.
      { id: '1', runner: 'inngest', trigger: 'cron', runId: expect.any(String), recordedAt: NOW },
    ]);
    expect(fake.published).toEqual([
      {
        channel: 'system',
        event: 'heartbeat.recorded',
        payload: { recordedAt: NOW.toISOString(), runner: 'inngest', trigger: 'cron' },
      },
    ]);
    expect(fake.calls.prune).toEqual([new Date('2026-03-01T09:30:00.000Z')]);
    expect(result).toEqual({ heartbeatId: '1', pruned: 0 });
  });

  it('records the trigger of a requested heartbeat', async () => {
    const fake = setup();

    await engineFor(manualEvent).execute();
    await engineFor({ name: 'system/heartbeat.requested', data: { reason: 'startup' } }).execute();

    expect(fake.heartbeats.map(({ trigger, runner }) => ({ trigger, runner }))).toEqual([
      { trigger: 'event', runner: 'local' },
      { trigger: 'startup', runner: 'local' },
    ]);
    expect(fake.published.map(({ payload }) => payload)).toMatchObject([
      { trigger: 'event' },
      { trigger: 'startup' },
    ]);
  });

  it('returns each step result from its service call', async () => {
    setup();
    const engine = engineFor(manualEvent);

    const recorded = await engine.executeStep('record-heartbeat');
    expect(recorded.result).toMatchObject({ id: '1', trigger: 'event', runner: 'local' });

    const pruned = await engine.executeStep('prune-heartbeats');
    expect(pruned.result).toBe(0);
  });

  it('rejects a requested heartbeat with invalid data without calling services', async () => {
    const fake = setup();

    const { error } = await engineFor({
      name: 'system/heartbeat.requested',
      data: { reason: 'because' },
    }).execute();

    expect(error).toMatchObject({ name: 'EventValidationError' });
    expect(fake.calls.record).toBe(0);
  });

  it('leaves a failed record step to be retried, and succeeds on the retry', async () => {
    const fake = setup();
    fake.recordFailures.push(new Error('database is restarting'));

    const failed = await engineFor(cronEvent).executeStep('record-heartbeat');
    // StepError (not StepFailed) tells Inngest the step may be retried.
    expect(failed.step.op).toBe('StepError');
    expect(failed.error).toMatchObject({ message: 'database is restarting' });
    expect(fake.published).toEqual([]);

    const retried = await engineFor(cronEvent).execute();
    expect(retried.error).toBeUndefined();
    expect(fake.calls.record).toBe(2);
    expect(fake.heartbeats).toHaveLength(1);
    expect(fake.published).toHaveLength(1);
  });

  it('does not retry a record step that failed permanently', async () => {
    const fake = setup();
    fake.recordFailures.push(new DomainError('INVALID', 'bad heartbeat'));

    const failed = await engineFor(cronEvent).executeStep('record-heartbeat');

    expect(failed.step.op).toBe('StepFailed');
    expect(failed.error).toMatchObject({ name: 'NonRetriableError' });
  });
});
