import type { ConcurrencyOption } from 'inngest/types';
import { RunnerStoppedError } from './timing';

/**
 * Inngest's `concurrency` option for the local runner: at most `limit` runs of a group execute at
 * once, extra runs queue in arrival order. A group is the function (no key) or, with a key, each
 * value of the key expression; `scope: 'env' | 'account'` groups share the key across functions.
 */

type Event = { name: string; data: Record<string, unknown> };
export type KeyTerm = { literal: string } | { path: string[] };

/** A concurrency rule of one function, with its key expression compiled. */
export type CompiledConcurrency = {
  limit: number;
  scope: 'fn' | 'env' | 'account';
  key?: KeyTerm[];
};

/** One group a run must hold a slot in. */
export type ConcurrencySlot = { group: string; limit: number };

type ConcurrencyConfig = number | ConcurrencyOption | readonly ConcurrencyOption[] | undefined;

/**
 * Compile a function's concurrency config; throws on key expressions the runner cannot evaluate.
 * Supported keys: `event.<path>` (e.g. `event.data.accountId`), quoted string literals, and their
 * concatenation with `+` — the forms Inngest's documentation uses.
 */
export function compileConcurrency(config: ConcurrencyConfig): CompiledConcurrency[] {
  const options =
    config === undefined ? [] : typeof config === 'number' ? [{ limit: config }] : [config].flat();
  return options
    .filter((option) => option.limit > 0) // 0 means "no limit" in Inngest
    .map((option) => ({
      limit: option.limit,
      scope: option.scope ?? 'fn',
      key: option.key === undefined ? undefined : compileKey(option.key),
    }));
}

/** Compile a key expression (also used by debounce keys). */
export function compileKey(expression: string): KeyTerm[] {
  const unsupported = () =>
    new Error(
      `Unsupported concurrency key expression '${expression}': the local runner evaluates ` +
        `event.<path>, quoted strings and '+' only`,
    );
  // term ('+' term)*, where a term is a quoted string or a bare word such as event.data.accountId
  const term = /\s*("[^"]*"|'[^']*'|[^\s+"']+)\s*(\+|$)/y;
  const terms: KeyTerm[] = [];
  let separator: string | undefined = '+';
  while (separator === '+') {
    const match = term.exec(expression);
    if (!match) throw unsupported();
    const text = match[1] ?? '';
    if (/^["']/.test(text)) terms.push({ literal: text.slice(1, -1) });
    else if (/^event(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(text)) {
      terms.push({ path: text.split('.').slice(1) });
    } else throw unsupported();
    separator = match[2];
  }
  if (term.lastIndex < expression.length) throw unsupported();
  return terms;
}

export function evaluateKey(terms: KeyTerm[], event: Event): string {
  return terms
    .map((term) => {
      if ('literal' in term) return term.literal;
      let value: unknown = event;
      for (const segment of term.path) {
        value =
          value !== null && typeof value === 'object' ? Reflect.get(value, segment) : undefined;
      }
      return typeof value === 'string' ? value : JSON.stringify(value ?? null);
    })
    .join('');
}

/** The groups a run of function `fnId` triggered by `event` must hold a slot in. */
export function concurrencySlots(
  fnId: string,
  rules: CompiledConcurrency[],
  event: Event,
): ConcurrencySlot[] {
  return rules.map((rule) => {
    const keyValue = rule.key ? evaluateKey(rule.key, event) : undefined;
    const group =
      rule.scope === 'fn'
        ? `fn:${fnId}${keyValue === undefined ? '' : `:${keyValue}`}`
        : `${rule.scope}:${keyValue ?? ''}`;
    return { group, limit: rule.limit };
  });
}

type Waiter = {
  slots: ConcurrencySlot[];
  resolve: (release: () => void) => void;
  reject: (error: Error) => void;
};

/** Counts slots per group and hands them out in arrival order. */
export class ConcurrencyGate {
  private readonly active = new Map<string, number>();
  private readonly waiters: Waiter[] = [];

  /**
   * Wait for a slot in every group; resolves with the release function. `resume` puts the run at
   * the front of the queue: a run coming back from a sleep or retry wait was admitted before.
   */
  acquire(slots: ConcurrencySlot[], { resume = false } = {}): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const waiter = { slots, resolve, reject };
      if (resume) this.waiters.unshift(waiter);
      else this.waiters.push(waiter);
      this.admit();
    });
  }

  get queued(): number {
    return this.waiters.length;
  }

  /** Reject every queued run (the runner is stopping). */
  rejectAll(): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(new RunnerStoppedError());
  }

  private admit(): void {
    const blocked = new Set<string>();
    for (let index = 0; index < this.waiters.length;) {
      const waiter = this.waiters[index]!;
      const fits = waiter.slots.every(
        ({ group, limit }) => !blocked.has(group) && (this.active.get(group) ?? 0) < limit,
      );
      if (!fits) {
        // Later runs of the same group must not overtake this one.
        for (const { group } of waiter.slots) blocked.add(group);
        index += 1;
        continue;
      }
      this.waiters.splice(index, 1);
      for (const { group } of waiter.slots)
        this.active.set(group, (this.active.get(group) ?? 0) + 1);
      waiter.resolve(this.releaser(waiter.slots));
    }
  }

  private releaser(slots: ConcurrencySlot[]): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const { group } of slots) {
        const count = (this.active.get(group) ?? 1) - 1;
        if (count > 0) this.active.set(group, count);
        else this.active.delete(group);
      }
      this.admit();
    };
  }
}
