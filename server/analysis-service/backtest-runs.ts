import type { BacktestMetrics } from '@/server/analysis/backtest/metrics';
import { DomainError } from '@/server/errors';
import type { Prisma, PrismaClient } from '@/server/generated/prisma/client';

export type BacktestRunStatus = 'queued' | 'running' | 'complete' | 'failed';

export type BacktestRunSummary = {
  id: string;
  symbol: string;
  strategy: string;
  params: Record<string, number>;
  config: Record<string, unknown>;
  status: BacktestRunStatus;
  progress: number;
  error: string | null;
  metrics: BacktestMetrics | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

const summaryFields = {
  id: true,
  symbol: true,
  strategy: true,
  params: true,
  config: true,
  status: true,
  progress: true,
  error: true,
  metrics: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

type SummaryRow = Prisma.BacktestRunGetPayload<{ select: typeof summaryFields }>;

function toSummary(row: SummaryRow): BacktestRunSummary {
  return {
    ...row,
    params: row.params as Record<string, number>,
    config: row.config as Record<string, unknown>,
    status: row.status as BacktestRunStatus,
    metrics: (row.metrics as BacktestMetrics | null) ?? null,
  };
}

/** JSON columns cannot hold NaN or ±Infinity: they become null, as JSON.stringify does. */
export function toJsonValue(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Saved backtests, always scoped by user: another user's id is NOT_FOUND, never FORBIDDEN. */
export function createBacktestRunStore(db: PrismaClient) {
  return {
    async create(input: {
      userId: string;
      symbol: string;
      strategy: string;
      params: Record<string, number>;
      config: Record<string, unknown>;
    }): Promise<BacktestRunSummary> {
      const row = await db.backtestRun.create({
        data: {
          ...input,
          params: toJsonValue(input.params),
          config: toJsonValue(input.config),
          status: 'queued',
        },
        select: summaryFields,
      });
      return toSummary(row);
    },

    async list(userId: string, limit = 100): Promise<BacktestRunSummary[]> {
      const rows = await db.backtestRun.findMany({
        where: { userId },
        select: summaryFields,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit,
      });
      return rows.map(toSummary);
    },

    async get(userId: string, id: string): Promise<BacktestRunSummary & { result: unknown }> {
      const row = await db.backtestRun.findFirst({
        where: { id, userId },
        select: { ...summaryFields, result: true },
      });
      if (!row) throw new DomainError('NOT_FOUND', 'Backtest run not found.', { field: 'id' });
      return { ...toSummary(row), result: row.result };
    },

    async delete(userId: string, id: string): Promise<void> {
      const { count } = await db.backtestRun.deleteMany({ where: { id, userId } });
      if (count === 0) {
        throw new DomainError('NOT_FOUND', 'Backtest run not found.', { field: 'id' });
      }
    },

    /** For the job: the run by id alone (null when the user deleted it meanwhile). */
    async forJob(id: string) {
      return db.backtestRun.findUnique({
        where: { id },
        select: {
          id: true,
          userId: true,
          symbol: true,
          strategy: true,
          params: true,
          config: true,
          status: true,
        },
      });
    },

    async markRunning(id: string, startedAt: Date): Promise<void> {
      await db.backtestRun.updateMany({
        where: { id },
        data: { status: 'running', progress: 0, error: null, startedAt, finishedAt: null },
      });
    },

    async setProgress(id: string, progress: number): Promise<void> {
      await db.backtestRun.updateMany({ where: { id, status: 'running' }, data: { progress } });
    },

    async complete(
      id: string,
      outcome: { metrics: BacktestMetrics; result: unknown; finishedAt: Date },
    ): Promise<boolean> {
      const { count } = await db.backtestRun.updateMany({
        where: { id },
        data: {
          status: 'complete',
          progress: 1,
          error: null,
          metrics: toJsonValue(outcome.metrics),
          result: toJsonValue(outcome.result),
          finishedAt: outcome.finishedAt,
        },
      });
      return count > 0;
    },

    async fail(id: string, reason: string, finishedAt: Date): Promise<boolean> {
      const { count } = await db.backtestRun.updateMany({
        where: { id },
        data: { status: 'failed', error: reason.slice(0, 2_000), finishedAt },
      });
      return count > 0;
    },
  };
}

export type BacktestRunStore = ReturnType<typeof createBacktestRunStore>;
