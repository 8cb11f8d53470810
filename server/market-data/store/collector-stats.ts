import type { PrismaClient } from '@/server/generated/prisma/client';
import type { CollectorStats } from '../live/collector';

/** A collector not heard from for this long is shown as gone. */
const STALE_AFTER_MS = 60_000;

export type StoredCollectorStats = Omit<CollectorStats, 'state'> & {
  state: CollectorStats['state'] | 'gone';
  updatedAt: Date;
};

/** One row per collector process, rewritten every few seconds; the system page lists them. */
export function createCollectorStatsStore(db: PrismaClient, now: () => number = Date.now) {
  return {
    async save(stats: CollectorStats): Promise<void> {
      const data = {
        provider: stats.provider,
        symbols: stats.symbols,
        ticksPerSecond: stats.ticksPerSecond,
        totalTicks: BigInt(stats.totalTicks),
        bufferFill: stats.bufferFill,
        lastFlushAt: stats.lastFlushAt,
        lastFlushMs: stats.lastFlushMs,
        lagMs: stats.lagMs === null ? null : Math.round(stats.lagMs),
        reconnects: stats.reconnects,
        state: stats.state,
        startedAt: stats.startedAt,
      };
      await db.collectorStat.upsert({
        where: { id: stats.id },
        create: { id: stats.id, ...data },
        update: data,
      });
    },

    /** Recent collectors (a day), newest first; silent ones are marked gone. */
    async list(): Promise<StoredCollectorStats[]> {
      const rows = await db.collectorStat.findMany({
        where: { updatedAt: { gte: new Date(now() - 86_400_000) } },
        orderBy: { updatedAt: 'desc' },
      });
      return rows.map((row) => ({
        id: row.id,
        provider: row.provider,
        state:
          now() - row.updatedAt.getTime() > STALE_AFTER_MS
            ? 'gone'
            : (row.state as CollectorStats['state']),
        symbols: row.symbols,
        ticksPerSecond: row.ticksPerSecond,
        totalTicks: Number(row.totalTicks),
        bufferFill: row.bufferFill,
        lastFlushAt: row.lastFlushAt,
        lastFlushMs: row.lastFlushMs,
        lagMs: row.lagMs,
        reconnects: row.reconnects,
        startedAt: row.startedAt,
        updatedAt: row.updatedAt,
      }));
    },
  };
}

export type CollectorStatsStore = ReturnType<typeof createCollectorStatsStore>;
