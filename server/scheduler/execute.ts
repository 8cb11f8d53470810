import { NonRetriableError, serializeError } from 'inngest';
import type { Logger } from '@/server/logger';
import {
  runExecutionRequest,
  StepOpCode,
  type AnyInngestFunction,
  type ExecutionResult,
  type RunEvent,
  type StoredStep,
} from './sdk';
import {
  retryAfterMs,
  retryDelayMs,
  RunnerStoppedError,
  sleepDurationMs,
  type BackoffOptions,
} from './timing';

/** Inngest's default when a function does not set `retries`. */
export const DEFAULT_RETRIES = 3;

export type SerializedError = { name: string; message: string; stack?: string };

export type RunOutcome =
  { status: 'completed'; output: unknown } | { status: 'failed'; error: SerializedError };

/** What the runner lends a run: its concurrency slot, (cancellable) waiting, and its stop signal. */
export type RunHooks = {
  /** Aborted when the runner stops: the run ends after the step in progress. */
  signal: AbortSignal;
  /** Take the run's concurrency slot; `resume` when coming back from a wait. Returns release. */
  acquireSlot(resume: boolean): Promise<() => void>;
  /** Wait for a sleep or retry backoff; rejects when the runner stops. */
  wait(ms: number): Promise<void>;
};

export type RunSpec = {
  fn: AnyInngestFunction;
  handlerKind: 'main' | 'failure';
  runId: string;
  events: RunEvent[];
  /** Retries after the first attempt, per step (Inngest counts attempts per step). */
  retries: number;
  backoff: BackoffOptions;
  now: () => Date;
  random?: () => number;
  log: Logger;
  hooks: RunHooks;
};

/** Step tools that need Inngest's server (waiting for events, invoking, gateways, …). */
const UNSUPPORTED_OPS: Partial<Record<string, string>> = {
  [StepOpCode.WaitForEvent]: 'step.waitForEvent()',
  [StepOpCode.WaitForSignal]: 'step.waitForSignal()',
  [StepOpCode.InvokeFunction]: 'step.invoke()',
  [StepOpCode.AiGateway]: 'step.ai.infer()',
  [StepOpCode.Gateway]: 'step.fetch()',
  [StepOpCode.DeferAdd]: 'defer()',
  [StepOpCode.DeferAbort]: 'defer().abort()',
};

/**
 * Run a function to completion the way the Inngest executor does: call the SDK's engine, store
 * each finished step's result (so later calls and retries replay it instead of running it again),
 * retry failed steps and function bodies with backoff, honour sleeps, and queue parallel steps.
 * Results are round-tripped through JSON, as they would be over HTTP.
 */
export async function executeRun(spec: RunSpec): Promise<RunOutcome> {
  const { log, hooks } = spec;
  const maxAttempts = spec.retries + 1;
  const stepState: Record<string, StoredStep> = {};
  const stack: string[] = [];
  const plannedSteps: string[] = []; // parallel steps found together, run one by one
  let retryingStep: string | undefined;
  let attempt = 0;

  const complete = (id: string, result: Omit<StoredStep, 'id'>) => {
    stepState[id] = { id, ...result };
    stack.push(id);
    const planned = plannedSteps.indexOf(id);
    if (planned >= 0) plannedSteps.splice(planned, 1);
    retryingStep = undefined;
    attempt = 0;
  };

  let release = await hooks.acquireSlot(false);
  // Sleeps and backoff give the slot back, as a sleeping run holds no concurrency in Inngest.
  const waitWithoutSlot = async (ms: number) => {
    release();
    release = () => {};
    await hooks.wait(ms);
    release = await hooks.acquireSlot(true);
  };

  try {
    for (;;) {
      if (hooks.signal.aborted) throw new RunnerStoppedError();
      const result: ExecutionResult = await runExecutionRequest({
        fn: spec.fn,
        handlerKind: spec.handlerKind,
        runId: spec.runId,
        events: spec.events,
        attempt,
        maxAttempts,
        stepState,
        stack,
        requestedRunStep: retryingStep ?? plannedSteps[0],
      });

      switch (result.type) {
        case 'function-resolved':
          return { status: 'completed', output: toJson(result.data) };

        case 'function-rejected': {
          const error = toSerializedError(result.error);
          if (result.retriable === false || attempt + 1 >= maxAttempts) {
            return { status: 'failed', error };
          }
          const delay = backoffFor(result.retriable, attempt, spec);
          log.warn({ attempt, delayMs: delay, err: error }, 'Function failed; retrying');
          attempt += 1;
          await waitWithoutSlot(delay);
          break;
        }

        case 'step-ran': {
          const { step } = result;
          const name = step.displayName ?? step.name ?? step.id;
          if (step.op === StepOpCode.StepRun) {
            log.debug({ step: name }, 'Step completed');
            complete(step.id, { data: toJson(step.data) });
          } else if (step.op === StepOpCode.StepError && attempt + 1 < maxAttempts) {
            const delay = backoffFor(result.retriable ?? true, attempt, spec);
            log.warn(
              { step: name, attempt, delayMs: delay, err: step.error },
              'Step failed; retrying',
            );
            retryingStep = step.id;
            attempt += 1;
            await waitWithoutSlot(delay);
          } else if (step.op === StepOpCode.StepError || step.op === StepOpCode.StepFailed) {
            // Final: stored as the step's error, so the function sees a StepError it may catch.
            log.warn({ step: name, err: step.error }, 'Step failed permanently');
            complete(step.id, { error: toJson(step.error) });
          } else {
            return failure(`Unexpected step result '${step.op}' for step '${name}'`);
          }
          break;
        }

        case 'steps-found': {
          for (const step of result.steps) {
            const name = step.displayName ?? step.name ?? step.id;
            const unsupported = UNSUPPORTED_OPS[step.op];
            if (unsupported) {
              return failure(
                `${unsupported} (step '${name}') needs the Inngest server; the local runner ` +
                  'does not support it. Use JOBS_RUNNER=inngest with Inngest Cloud or a dev server.',
              );
            }
            if (step.op === StepOpCode.Sleep) {
              const delay = sleepDurationMs(step.name ?? '', spec.now());
              log.debug({ step: name, delayMs: delay }, 'Sleeping');
              await waitWithoutSlot(delay);
              complete(step.id, { data: null });
            } else if (step.op === StepOpCode.StepPlanned) {
              if (!plannedSteps.includes(step.id)) plannedSteps.push(step.id);
            } else {
              return failure(`Unexpected operation '${step.op}' for step '${name}'`);
            }
          }
          break;
        }

        case 'step-not-found':
          return failure(
            `Step '${result.step.id}' was requested but the function no longer reaches it`,
          );

        case 'change-mode':
          return failure(
            'The SDK asked to change step mode, which the local runner never requests',
          );
      }
    }
  } finally {
    release();
  }
}

function backoffFor(retriable: boolean | string, attempt: number, spec: RunSpec): number {
  const requested = typeof retriable === 'string' ? retryAfterMs(retriable, spec.now()) : undefined;
  return requested ?? retryDelayMs(attempt, spec.backoff, spec.random);
}

function failure(message: string): RunOutcome {
  return { status: 'failed', error: toSerializedError(new NonRetriableError(message)) };
}

function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value) ?? 'null');
}

function toSerializedError(error: unknown): SerializedError {
  const serialized = serializeError(error) as Partial<SerializedError>;
  return {
    name: serialized.name ?? 'Error',
    message: serialized.message ?? String(error),
    ...(serialized.stack ? { stack: serialized.stack } : {}),
  };
}
