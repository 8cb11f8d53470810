import type { Logger } from '@/server/logger';
import type { ProviderRouter } from './provider-router';
import type { BarQuality, BarStore } from './store/bars';
import type { Dataset, DatasetStore, DatasetState } from './store/datasets';
import type { FundamentalsStore } from './store/fundamentals';
import type { QuoteStore } from './store/quotes';
import type { Bar, Instrument, MarketDataProvider, StatementKind } from './types';

const statementKinds: readonly StatementKind[] = ['income', 'balance', 'cashflow'];

/** A refresh re-reads this many days before the last stored bar: late corrections land too. */
const REFRESH_OVERLAP_DAYS = 10;

export type CollectionDeps = {
  router: ProviderRouter;
  bars: BarStore;
  fundamentals: FundamentalsStore;
  quotes: QuoteStore;
  datasets: DatasetStore;
  /** Marks a provider's bars as real or simulated (the demo's continuation past its history). */
  qualityOf: (provider: MarketDataProvider, symbol: string) => (bar: Bar) => BarQuality;
  onProgress?: (symbol: string, state: DatasetState) => void | Promise<void>;
  log: Logger;
  now?: () => number;
};

/**
 * Fetch one dataset for one instrument from its providers and store it, recording progress
 * (running → complete with a row count, or failed with the reason) for the UI. Used by the
 * collection jobs and by reads that find their data stale.
 */
export function createCollection(deps: CollectionDeps) {
  const now = deps.now ?? Date.now;

  async function mark(
    symbol: string,
    dataset: Dataset,
    change: Parameters<DatasetStore['mark']>[2],
  ): Promise<void> {
    await deps.datasets.mark(symbol, dataset, change);
    if (deps.onProgress) {
      const state = (await deps.datasets.list(symbol)).find((s) => s.dataset === dataset);
      if (state) await deps.onProgress(symbol, state);
    }
  }

  async function fetchAndStore(
    instrument: Instrument,
    dataset: Dataset,
  ): Promise<{ rows: number; provider: string }> {
    const { symbol, market } = instrument;
    switch (dataset) {
      case 'quote': {
        const { value, provider } = await deps.router.call(market, (p) => p.quote(symbol));
        await deps.quotes.upsert(value);
        return { rows: 1, provider: provider.id };
      }
      case 'overview': {
        const { value, provider } = await deps.router.call(market, (p) => p.overview(symbol));
        await deps.fundamentals.upsertOverview(value, new Date(now()));
        return { rows: 1, provider: provider.id };
      }
      case 'daily':
      case 'weekly': {
        const table = dataset === 'daily' ? 'DailyBar' : 'WeeklyBar';
        const from = await overlapStart(table, symbol);
        const { value, provider } = await deps.router.call(market, (p) =>
          dataset === 'daily' ? p.dailyBars(symbol, { from }) : p.weeklyBars(symbol, { from }),
        );
        await deps.bars.upsert(table, symbol, value, provider.id, deps.qualityOf(provider, symbol));
        return { rows: await deps.bars.count(table, symbol), provider: provider.id };
      }
      case 'statements': {
        let rows = 0;
        let providerId = '';
        for (const kind of statementKinds) {
          const { value, provider } = await deps.router.call(market, (p) =>
            p.statements(symbol, kind),
          );
          rows += await deps.fundamentals.upsertStatements(value, new Date(now()));
          providerId = provider.id;
        }
        return { rows, provider: providerId };
      }
    }
  }

  async function overlapStart(table: 'DailyBar' | 'WeeklyBar', symbol: string) {
    const last = await deps.bars.lastDate(table, symbol);
    if (!last) return undefined; // nothing stored yet: the full history
    const start = new Date(`${last}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() - REFRESH_OVERLAP_DAYS * (table === 'WeeklyBar' ? 3 : 1));
    return start.toISOString().slice(0, 10);
  }

  return {
    async collect(instrument: Instrument, dataset: Dataset): Promise<{ rows: number }> {
      const { symbol } = instrument;
      await mark(symbol, dataset, { status: 'running', startedAt: new Date(now()), error: null });
      try {
        const result = await fetchAndStore(instrument, dataset);
        await mark(symbol, dataset, {
          status: 'complete',
          rows: result.rows,
          provider: result.provider,
          fetchedAt: new Date(now()),
          error: null,
        });
        return { rows: result.rows };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        deps.log.warn({ symbol, dataset, err: reason }, 'collection failed');
        await mark(symbol, dataset, { status: 'failed', error: reason }).catch(() => undefined);
        throw error;
      }
    },
  };
}

export type Collection = ReturnType<typeof createCollection>;
