import type { PrismaClient } from '@/server/generated/prisma/client';

export const datasets = ['overview', 'daily', 'weekly', 'statements', 'quote'] as const;
export type Dataset = (typeof datasets)[number];
export type DatasetStatus = 'pending' | 'running' | 'complete' | 'failed';

export type DatasetState = {
  dataset: Dataset;
  status: DatasetStatus;
  rows: number;
  error: string | null;
  provider: string | null;
  startedAt: Date | null;
  fetchedAt: Date | null;
  updatedAt: Date;
};

/** Per (symbol, dataset) progress and freshness: collection jobs write it, the UI reads it. */
export function createDatasetStore(db: PrismaClient) {
  return {
    async mark(
      symbol: string,
      dataset: Dataset,
      change: {
        status: DatasetStatus;
        rows?: number;
        error?: string | null;
        provider?: string | null;
        startedAt?: Date;
        fetchedAt?: Date;
      },
    ): Promise<void> {
      const data = {
        status: change.status,
        ...(change.rows !== undefined && { rows: change.rows }),
        ...(change.error !== undefined && { error: change.error }),
        ...(change.provider !== undefined && { provider: change.provider }),
        ...(change.startedAt && { startedAt: change.startedAt }),
        ...(change.fetchedAt && { fetchedAt: change.fetchedAt }),
      };
      await db.stockDataset.upsert({
        where: { symbol_dataset: { symbol, dataset } },
        create: { symbol, dataset, ...data },
        update: data,
      });
    },

    async list(symbol: string): Promise<DatasetState[]> {
      const rows = await db.stockDataset.findMany({ where: { symbol } });
      return rows.map((row) => ({
        dataset: row.dataset as Dataset,
        status: row.status as DatasetStatus,
        rows: row.rows,
        error: row.error,
        provider: row.provider,
        startedAt: row.startedAt,
        fetchedAt: row.fetchedAt,
        updatedAt: row.updatedAt,
      }));
    },

    async get(
      symbol: string,
      dataset: Dataset,
    ): Promise<{ status: DatasetStatus; fetchedAt: Date | null; error: string | null } | null> {
      const row = await db.stockDataset.findUnique({
        where: { symbol_dataset: { symbol, dataset } },
        select: { status: true, fetchedAt: true, error: true },
      });
      return row ? { ...row, status: row.status as DatasetStatus } : null;
    },

    async fetchedAt(symbol: string, dataset: Dataset): Promise<Date | null> {
      const row = await db.stockDataset.findUnique({
        where: { symbol_dataset: { symbol, dataset } },
        select: { fetchedAt: true },
      });
      return row?.fetchedAt ?? null;
    },
  };
}

export type DatasetStore = ReturnType<typeof createDatasetStore>;
