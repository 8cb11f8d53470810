import type { Logger } from '@/server/logger';
import type { Dataset, DatasetStore } from './store/datasets';

/** How long stored data counts as fresh before a read triggers a refresh (issue: 60 s / 10 min / 1 h). */
export const freshnessMs: Record<Dataset, number> = {
  quote: 60_000,
  daily: 60_000,
  weekly: 60_000,
  overview: 10 * 60_000,
  statements: 60 * 60_000,
};

export type Freshness = {
  /** When the stored data was last fetched from a provider (null: never). */
  fetchedAt: Date | null;
  /** Older than its freshness window: a background refresh was started. */
  stale: boolean;
  /** Why the last refresh failed, while the stored data is what we have (provider outage). */
  lastError: string | null;
};

/**
 * Serve from the database, refresh when stale. Never fetched → fetch now (the caller waits; an
 * error reaches it). Fetched but stale → refresh in the background and answer with what is
 * stored (stale-while-revalidate), so a slow or failing provider never blocks a page that has
 * data; a provider outage shows the stored data with its age. Refreshes of one key are shared.
 */
export function createFreshnessGate(deps: {
  datasets: DatasetStore;
  log: Logger;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const inflight = new Map<string, Promise<void>>();

  function refresh(key: string, run: () => Promise<void>): Promise<void> {
    let promise = inflight.get(key);
    if (!promise) {
      promise = run().finally(() => inflight.delete(key));
      inflight.set(key, promise);
    }
    return promise;
  }

  return {
    async ensure(
      symbol: string,
      dataset: Dataset,
      run: () => Promise<void>,
      options: { key?: string; maxAgeMs?: number } = {},
    ): Promise<Freshness> {
      const key = `${symbol}:${options.key ?? dataset}`;
      const state = await deps.datasets.get(symbol, dataset);
      const fetchedAt = state?.fetchedAt ?? null;
      const lastError = state?.status === 'failed' ? state.error : null;
      const maxAge = options.maxAgeMs ?? freshnessMs[dataset];
      if (fetchedAt && now() - fetchedAt.getTime() < maxAge) {
        return { fetchedAt, stale: false, lastError };
      }
      if (!fetchedAt) {
        await refresh(key, run);
        return {
          fetchedAt: await deps.datasets.fetchedAt(symbol, dataset),
          stale: false,
          lastError: null,
        };
      }
      refresh(key, run).catch((error: unknown) => {
        deps.log.warn({ symbol, dataset, err: String(error) }, 'background refresh failed');
      });
      return { fetchedAt, stale: true, lastError };
    },
    /** Wait for background refreshes (tests, shutdown). */
    async settle(): Promise<void> {
      await Promise.allSettled([...inflight.values()]);
    },
  };
}

export type FreshnessGate = ReturnType<typeof createFreshnessGate>;
