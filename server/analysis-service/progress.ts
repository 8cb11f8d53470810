/** Smallest gap between two progress writes (database row + realtime event). */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * Throttled, monotonic progress reporting: a value is written when it is forced (phase changes)
 * or when PROGRESS_INTERVAL_MS passed since the last write; lower or equal values are dropped.
 */
export function createProgressReporter(options: {
  write: (progress: number) => Promise<void>;
  now?: () => number;
  intervalMs?: number;
}) {
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  let last = -1;
  let lastAt = -Infinity;
  return async (progress: number, { force = false }: { force?: boolean } = {}): Promise<void> => {
    const value = Math.min(1, Math.max(0, progress));
    if (value <= last) return;
    const at = now();
    if (!force && at - lastAt < interval) return;
    last = value;
    lastAt = at;
    await options.write(value);
  };
}
