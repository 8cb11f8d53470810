import { internalEvents, type Inngest, type InngestFunction } from 'inngest';
import type { Logger } from '@/server/logger';
import { compileConcurrency, type CompiledConcurrency } from './concurrency';
import { compileDebounce, type CompiledDebounce, type DebounceOption } from './debounce';
import { DEFAULT_RETRIES } from './execute';
import { assertSupportedSdk, type AnyInngestFunction } from './sdk';

/** A function as the local runner sees it: its triggers, concurrency rules and retries. */
export type FunctionDefinition = {
  fn: AnyInngestFunction;
  id: string;
  /** Event names it is triggered by (a trailing `*` is a wildcard). */
  events: string[];
  crons: string[];
  concurrency: CompiledConcurrency[];
  debounce?: CompiledDebounce;
  retries: number;
};

/** Options whose absence would change what a function does, so the runner refuses them. */
const REFUSED_OPTIONS = [
  'batchEvents',
  'rateLimit',
  'idempotency',
  'singleton',
  'cancelOn',
] as const;
/** Options that only shape timing or ordering; the runner runs without them. */
const IGNORED_OPTIONS = ['throttle', 'priority', 'timeouts'] as const;

/**
 * Read what the runner needs from a function's options, refusing those it cannot honour: running
 * without them would silently change what the function does.
 */
export function defineFunction(
  fn: AnyInngestFunction,
  client: Inngest.Any,
  log: Logger,
): FunctionDefinition {
  assertSupportedSdk(fn);
  const id = fn.id();
  if (fn['client'].id !== client.id) {
    throw new Error(
      `Function '${id}' belongs to Inngest app '${fn['client'].id}', not '${client.id}'`,
    );
  }
  const opts = fn.opts;
  const refused: string[] = REFUSED_OPTIONS.filter((option) => opts[option] !== undefined);
  const triggers: InngestFunction.Trigger<string>[] = opts.triggers ?? [];
  if (triggers.some((trigger) => trigger.if !== undefined)) refused.push('an event trigger `if`');
  if (refused.length > 0) {
    throw new Error(
      `Function '${id}' uses ${refused.join(', ')}, which the local job runner does not ` +
        'implement; run it with Inngest (JOBS_RUNNER=inngest) or extend server/scheduler.',
    );
  }
  const ignored = IGNORED_OPTIONS.filter((option) => opts[option] !== undefined);
  if (ignored.length > 0) {
    log.warn({ fnId: id, ignored }, 'Local job runner ignores these function options');
  }

  const events: string[] = [];
  const crons: string[] = [];
  for (const trigger of triggers) {
    if (trigger.cron !== undefined) crons.push(trigger.cron);
    else if (trigger.event !== undefined) {
      const name = typeof trigger.event === 'string' ? trigger.event : trigger.event.name;
      if (name !== internalEvents.FunctionInvoked) events.push(name);
    }
  }
  return {
    fn,
    id,
    events,
    crons,
    concurrency: compileConcurrency(opts.concurrency),
    debounce: compileDebounce(opts.debounce as DebounceOption | undefined),
    retries: opts.retries ?? DEFAULT_RETRIES,
  };
}

/** Exact names, or Inngest's trailing wildcard (`market/*`). */
export function eventMatches(trigger: string, name: string): boolean {
  return trigger.endsWith('*') ? name.startsWith(trigger.slice(0, -1)) : trigger === name;
}
