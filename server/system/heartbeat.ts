import type { PrismaClient } from '@/server/generated/prisma/client';

export type HeartbeatRunner = 'local' | 'inngest';
export type HeartbeatTrigger = 'cron' | 'event' | 'startup';

export type Heartbeat = {
  id: string;
  runner: HeartbeatRunner;
  trigger: HeartbeatTrigger;
  runId: string;
  recordedAt: Date;
};

/** A heartbeat younger than this means the scheduler is alive (the job runs every minute). */
export const HEARTBEAT_FRESH_MS = 150_000;

export type HeartbeatService = ReturnType<typeof createHeartbeatService>;

export function createHeartbeatService({ db }: { db: PrismaClient }) {
  return {
    async recordHeartbeat(input: {
      runner: HeartbeatRunner;
      trigger: HeartbeatTrigger;
      runId: string;
    }): Promise<Heartbeat> {
      const row = await db.schedulerHeartbeat.create({ data: input });
      return toHeartbeat(row);
    },

    async latestHeartbeat(): Promise<Heartbeat | null> {
      const row = await db.schedulerHeartbeat.findFirst({ orderBy: { recordedAt: 'desc' } });
      return row ? toHeartbeat(row) : null;
    },

    /** Keeps the table small: the health check only ever needs the latest row. */
    async pruneHeartbeats(olderThan: Date): Promise<number> {
      const { count } = await db.schedulerHeartbeat.deleteMany({
        where: { recordedAt: { lt: olderThan } },
      });
      return count;
    },
  };
}

function toHeartbeat(row: {
  id: bigint;
  runner: string;
  trigger: string;
  runId: string;
  recordedAt: Date;
}): Heartbeat {
  return {
    id: row.id.toString(),
    runner: row.runner as HeartbeatRunner,
    trigger: row.trigger as HeartbeatTrigger,
    runId: row.runId,
    recordedAt: row.recordedAt,
  };
}
