import { version as sdkVersion, type InngestFunction } from 'inngest';
import type { InngestExecution } from 'inngest/internals';
import { StepMode, StepOpCode } from 'inngest/types';

/**
 * The one place the local runner touches Inngest SDK internals. The runner plays the part of the
 * Inngest executor: it asks the SDK's own execution engine (the code `serve()` runs for each
 * request from Inngest) to run a function with a given step state, and reads back the result —
 * exactly what @inngest/test's InngestTestEngine does. `createExecution` is protected in the
 * typings, hence the bracket access; inngest is pinned in package.json and `assertSupportedSdk`
 * refuses any other major version at start-up.
 */

export { StepOpCode };
export type AnyInngestFunction = InngestFunction.Any;
export type ExecutionResult = InngestExecution.ExecutionResult;

/** A finished step as the executor stores it: its data, or its final (serialised) error. */
export type StoredStep = { id: string; data?: unknown; error?: unknown };

/** Events as functions receive them (JSON, as if they came over HTTP). */
export type RunEvent = {
  name: string;
  data: Record<string, unknown>;
  id: string;
  ts: number;
  v?: string;
};

export type ExecutionRequest = {
  fn: AnyInngestFunction;
  handlerKind: 'main' | 'failure';
  runId: string;
  events: RunEvent[];
  /** Zero-based attempt of the current step (or of the function body when no step is pending). */
  attempt: number;
  /** Total attempts allowed: retries + 1, as Inngest passes `max_attempts`. */
  maxAttempts: number;
  stepState: Record<string, StoredStep>;
  /** Hashed step ids in completion order (Inngest's "stack"). */
  stack: string[];
  /** Hashed id of a step the executor wants run now (parallel steps, step retries). */
  requestedRunStep?: string;
};

const SUPPORTED_SDK_MAJOR = '4.';

export function assertSupportedSdk(fn: AnyInngestFunction): void {
  if (!sdkVersion.startsWith(SUPPORTED_SDK_MAJOR) || typeof fn['createExecution'] !== 'function') {
    throw new Error(
      `The local job runner drives the inngest ${SUPPORTED_SDK_MAJOR}x execution engine, found ` +
        `inngest ${sdkVersion}. Update server/scheduler for this SDK version.`,
    );
  }
}

/** One executor → SDK round trip, like one HTTP call from Inngest to /api/inngest. */
export function runExecutionRequest(request: ExecutionRequest): Promise<ExecutionResult> {
  const { fn, runId, events, attempt, maxAttempts } = request;
  const [event, ...rest] = events;
  if (!event) throw new Error('A run needs at least one event');
  // The engine marks entries as seen and may replace them: give each request its own copies.
  const stepState = Object.fromEntries(
    Object.entries(request.stepState).map(([id, step]) => [id, { ...step }]),
  );
  const execution = fn['createExecution']({
    partialOptions: {
      client: fn['client'],
      runId,
      data: { runId, attempt, maxAttempts, event, events: [event, ...rest] },
      reqArgs: [],
      headers: {},
      stepState,
      stepCompletionOrder: [...request.stack],
      stepMode: StepMode.Async,
      requestedRunStep: request.requestedRunStep,
      handlerKind: request.handlerKind,
      disableImmediateExecution: false,
    },
  });
  return execution.start();
}

/** The function's id as Inngest knows it, prefixed with the app id (used in failure events). */
export function absoluteFunctionId(fn: AnyInngestFunction): string {
  return fn.id(fn['client'].id);
}

export function hasFailureHandler(fn: AnyInngestFunction): boolean {
  return typeof fn.opts.onFailure === 'function';
}
