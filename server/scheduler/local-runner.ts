import { randomUUID } from 'node:crypto';
import { internalEvents, type Inngest } from 'inngest';
import { registerLocalDispatcher, type SentEvent } from '@/inngest/local-dispatch';
import type { Logger } from '@/server/logger';
import { ConcurrencyGate, concurrencySlots } from './concurrency';
import { scheduleCron, type ScheduledCron } from './cron';
import { executeRun, type RunOutcome, type SerializedError } from './execute';
import { createDebouncer } from './debounce';
import { defineFunction, eventMatches, type FunctionDefinition } from './registration';
import {
  absoluteFunctionId,
  hasFailureHandler,
  type AnyInngestFunction,
  type RunEvent,
} from './sdk';
import {
  cancellableWait,
  DEFAULT_BACKOFF,
  RunnerStoppedError,
  type BackoffOptions,
} from './timing';

/**
 * Runs the app's Inngest functions in-process when there is no Inngest server (the embedded
 * default): cron triggers fire on schedule, `inngest.send` dispatches to event triggers, and each
 * run goes through the SDK's own execution engine with memoised steps, retries with backoff and
 * concurrency limits (see ./execute and ./concurrency). Runs live in memory only.
 */

export type LocalRunnerOptions = {
  client: Inngest.Any;
  functions: readonly AnyInngestFunction[];
  logger: Logger;
  backoff?: Partial<BackoffOptions>;
  now?: () => Date;
  /** Jitter source for retry backoff (tests pass a fixed one). */
  random?: () => number;
  /** How long `stop()` waits for runs in progress. */
  stopTimeoutMs?: number;
};

export type LastRun = {
  runId: string;
  outcome: 'completed' | 'failed' | 'cancelled';
  /** Name of the triggering event (`inngest/scheduled.timer` for cron runs). */
  event: string;
  startedAt: Date;
  finishedAt: Date;
  error?: string;
};

export type LocalRunnerStatus = {
  started: boolean;
  /** Runs in flight: executing, sleeping, waiting to retry or queued. */
  running: number;
  /** Runs waiting for a concurrency slot. */
  queued: number;
  functions: Array<{
    id: string;
    name: string;
    triggers: string[];
    nextRunAt: Date | null;
    running: number;
    lastRun: LastRun | null;
  }>;
};

export type LocalRunner = {
  /** Schedule the crons and route `inngest.send` to this runner. */
  start(): void;
  /** Cancel the crons, stop dispatching, and wait (bounded) for runs in progress. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** Start the runs the events trigger; returns one id per event, like Inngest's event API. */
  dispatch(events: SentEvent[]): Promise<string[]>;
  status(): LocalRunnerStatus;
};

type FinishedRun = RunOutcome | { status: 'cancelled' };

type RegisteredFunction = FunctionDefinition & {
  scheduled: ScheduledCron[];
  debouncer?: ReturnType<typeof createDebouncer>;
  running: number;
  lastRun: LastRun | null;
};

/** Inngest ignores a repeated event id for 24 hours. */
const EVENT_ID_DEDUPE_MS = 24 * 60 * 60 * 1000;
const DEFAULT_STOP_TIMEOUT_MS = 10_000;

export function createLocalRunner(options: LocalRunnerOptions): LocalRunner {
  const log = options.logger.child({ module: 'scheduler' });
  const now = options.now ?? (() => new Date());
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...options.backoff };
  const registered: RegisteredFunction[] = options.functions.map((fn) => ({
    ...defineFunction(fn, options.client, log),
    scheduled: [],
    running: 0,
    lastRun: null,
  }));
  const duplicate = registered.find(
    ({ id }, index) => registered.findIndex((r) => r.id === id) < index,
  );
  if (duplicate) throw new Error(`Two functions share the id '${duplicate.id}'`);
  for (const target of registered) {
    if (target.debounce) {
      target.debouncer = createDebouncer(
        target.debounce,
        (event) => {
          if (!stopped) startRun(target, [event]);
        },
        () => now().getTime(),
      );
    }
  }
  const gate = new ConcurrencyGate();
  const abort = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const recentEventIds = new Map<string, number>();
  let started = false;
  let stopped = false;
  let unregisterDispatcher: (() => void) | undefined;

  function startRun(
    target: RegisteredFunction,
    events: RunEvent[],
    handlerKind: 'main' | 'failure' = 'main',
  ): void {
    const runId = randomUUID();
    const runLog = log.child({ runId, fnId: target.id, handler: handlerKind });
    const [event] = events;
    if (!event) return;
    const slots =
      handlerKind === 'main' ? concurrencySlots(target.id, target.concurrency, event) : [];
    const startedAt = now();
    runLog.info({ event: event.name }, 'Run started');

    const run = executeRun({
      fn: target.fn,
      handlerKind,
      runId,
      events,
      // Inngest gives failure handlers one retry.
      retries: handlerKind === 'main' ? target.retries : 1,
      backoff,
      now,
      random: options.random,
      log: runLog,
      hooks: {
        signal: abort.signal,
        acquireSlot: (resume) =>
          stopped
            ? Promise.reject(new RunnerStoppedError())
            : slots.length === 0
              ? Promise.resolve(() => {})
              : gate.acquire(slots, { resume }),
        wait: (ms) => cancellableWait(ms, abort.signal),
      },
    })
      .catch((error: unknown): FinishedRun =>
        error instanceof RunnerStoppedError
          ? { status: 'cancelled' }
          : { status: 'failed', error: toError(error) },
      )
      .then((outcome: FinishedRun) => {
        const finishedAt = now();
        const durationMs = finishedAt.getTime() - startedAt.getTime();
        if (outcome.status === 'cancelled') runLog.warn({ durationMs }, 'Run cancelled: stopped');
        else if (outcome.status === 'completed') runLog.info({ durationMs }, 'Run completed');
        else runLog.error({ durationMs, err: outcome.error }, 'Run failed');

        if (handlerKind !== 'main') return;
        target.lastRun = {
          runId,
          outcome: outcome.status,
          event: event.name,
          startedAt,
          finishedAt,
          ...(outcome.status === 'failed' ? { error: outcome.error.message } : {}),
        };
        if (outcome.status === 'failed' && hasFailureHandler(target.fn)) {
          startRun(target, [failedEvent(target.fn, runId, event, outcome.error)], 'failure');
        }
      })
      .finally(() => {
        target.running -= 1;
        inFlight.delete(run);
      });
    target.running += 1;
    inFlight.add(run);
  }

  function failedEvent(
    fn: AnyInngestFunction,
    runId: string,
    event: RunEvent,
    error: SerializedError,
  ): RunEvent {
    return {
      name: internalEvents.FunctionFailed,
      data: { function_id: absoluteFunctionId(fn), run_id: runId, error, event },
      id: randomUUID(),
      ts: now().getTime(),
    };
  }

  function isDuplicate(eventId: string): boolean {
    const at = now().getTime();
    for (const [id, seenAt] of recentEventIds) {
      if (at - seenAt < EVENT_ID_DEDUPE_MS) break; // insertion order: the rest are newer
      recentEventIds.delete(id);
    }
    if (recentEventIds.has(eventId)) return true;
    recentEventIds.set(eventId, at);
    return false;
  }

  async function dispatch(sent: SentEvent[]): Promise<string[]> {
    if (!started || stopped) throw new Error('The local job runner is not running');
    return sent.map((payload) => {
      const internalId = randomUUID();
      if (payload.id !== undefined && isDuplicate(payload.id)) {
        log.debug({ event: payload.name, eventId: payload.id }, 'Duplicate event id ignored');
        return internalId;
      }
      const event: RunEvent = {
        name: payload.name,
        data: payload.data,
        id: payload.id ?? internalId,
        ts: payload.ts ?? now().getTime(),
        ...(payload.v ? { v: payload.v } : {}),
      };
      for (const target of registered) {
        if (target.events.some((trigger) => eventMatches(trigger, event.name))) {
          if (target.debouncer) target.debouncer.push(event);
          else startRun(target, [event]);
        }
      }
      return internalId;
    });
  }

  return {
    start() {
      if (stopped) throw new Error('A stopped local job runner cannot be restarted');
      if (started) return;
      started = true;
      for (const target of registered) {
        target.scheduled = target.crons.map((expression) =>
          scheduleCron(
            expression,
            () =>
              startRun(target, [
                {
                  name: internalEvents.ScheduledTimer,
                  data: { cron: expression },
                  id: randomUUID(),
                  ts: now().getTime(),
                },
              ]),
            (error) => log.error({ err: error, fnId: target.id }, 'Cron tick failed'),
          ),
        );
      }
      unregisterDispatcher = registerLocalDispatcher(dispatch);
      log.info({ functions: registered.map(({ id }) => id) }, 'Local job runner started');
    },

    async stop({ timeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS } = {}) {
      if (!started || stopped) return;
      stopped = true;
      for (const target of registered) {
        for (const cron of target.scheduled) cron.stop();
        target.debouncer?.clear();
      }
      unregisterDispatcher?.();
      abort.abort(); // sleeping and backing-off runs end now
      gate.rejectAll(); // so do queued ones
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        Promise.allSettled(inFlight).then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), timeoutMs);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) log.warn({ running: inFlight.size }, 'Stopped without waiting for all runs');
      log.info('Local job runner stopped');
    },

    dispatch,

    status() {
      return {
        started: started && !stopped,
        running: inFlight.size,
        queued: gate.queued,
        functions: registered.map((target) => ({
          id: target.id,
          name: target.fn.name,
          triggers: [...target.crons.map((cron) => `cron: ${cron}`), ...target.events],
          nextRunAt:
            started && !stopped
              ? (target.scheduled
                  .map((cron) => cron.nextRunAt())
                  .filter((at): at is Date => at !== null)
                  .sort((a, b) => a.getTime() - b.getTime())[0] ?? null)
              : null,
          running: target.running,
          lastRun: target.lastRun,
        })),
      };
    },
  };
}

function toError(error: unknown): SerializedError {
  return error instanceof Error
    ? { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) }
    : { name: 'Error', message: String(error) };
}
