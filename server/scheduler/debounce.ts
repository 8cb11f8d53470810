import { compileKey, evaluateKey, type KeyTerm } from './concurrency';
import { sleepDurationMs } from './timing';
import type { RunEvent } from './sdk';

/**
 * Inngest's `debounce` for the local runner: a function runs once, with the latest event, after
 * `period` passes without another event of the same key; `timeout` caps how long a steady stream
 * of events can postpone the run (measured from the first event).
 */
export type DebounceOption = { key?: string; period: string; timeout?: string };

export type CompiledDebounce = { key?: KeyTerm[]; periodMs: number; timeoutMs?: number };

export function compileDebounce(option: DebounceOption | undefined): CompiledDebounce | undefined {
  if (!option) return undefined;
  const duration = (value: string, field: string) => {
    if (!/^(\d+[wdhms])+$/.test(value)) {
      throw new Error(`Unsupported debounce ${field} '${value}': use durations such as 10s or 1m`);
    }
    return sleepDurationMs(value, new Date(0));
  };
  return {
    key: option.key === undefined ? undefined : compileKey(option.key),
    periodMs: duration(option.period, 'period'),
    timeoutMs: option.timeout === undefined ? undefined : duration(option.timeout, 'timeout'),
  };
}

type Pending = { event: RunEvent; firstAt: number; timer: NodeJS.Timeout };

/** Holds the latest event per key and releases it when the key has been quiet for the period. */
export function createDebouncer(
  config: CompiledDebounce,
  fire: (event: RunEvent) => void,
  now: () => number = Date.now,
) {
  const pending = new Map<string, Pending>();

  function arm(key: string, entry: Omit<Pending, 'timer'>): void {
    const elapsed = now() - entry.firstAt;
    const wait =
      config.timeoutMs === undefined
        ? config.periodMs
        : Math.max(0, Math.min(config.periodMs, config.timeoutMs - elapsed));
    const timer = setTimeout(() => {
      pending.delete(key);
      fire(entry.event);
    }, wait);
    timer.unref?.();
    pending.set(key, { ...entry, timer });
  }

  return {
    push(event: RunEvent): void {
      const key = config.key ? evaluateKey(config.key, event) : '';
      const existing = pending.get(key);
      if (existing) clearTimeout(existing.timer);
      arm(key, { event, firstAt: existing?.firstAt ?? now() });
    },
    /** Drop what is waiting (the runner is stopping; like every local run, nothing persists). */
    clear(): void {
      for (const entry of pending.values()) clearTimeout(entry.timer);
      pending.clear();
    },
    get size(): number {
      return pending.size;
    },
  };
}
