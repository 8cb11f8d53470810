import type { DatabaseCheck } from '@/server/db/health';
import type { CircuitSnapshot } from '@/server/market-data/circuit-breaker';
import type { StoredCollectorStats } from '@/server/market-data/store/collector-stats';
import { HEARTBEAT_FRESH_MS, type HeartbeatService } from './heartbeat';

export type { DatabaseCheck };

export type HealthReport = {
  status: 'ok' | 'degraded' | 'down';
  version: string;
  checkedAt: Date;
  database: {
    ok: boolean;
    kind: 'embedded' | 'postgres';
    reachable: boolean;
    migrations: { applied: number; pending: string[]; failed: string[] };
    error?: string;
  };
  scheduler: {
    ok: boolean;
    runner: 'local' | 'inngest';
    lastHeartbeatAt: Date | null;
    ageSeconds: number | null;
    /** Only with the in-process runner: what it runs and when. */
    functions?: ScheduledFunctionStatus[];
  };
  realtime: { ok: boolean; transport: 'sse' | 'pusher'; connections?: number };
  marketData?: MarketDataHealth;
};

/** Providers per market, their circuit breakers (open = failing) and the live collectors. */
export type MarketDataHealth = {
  ok: boolean;
  providers: { KR: string | null; US: string | null };
  breakers: CircuitSnapshot[];
  collectors: StoredCollectorStats[];
};

export type ScheduledFunctionStatus = {
  id: string;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  lastOutcome: 'completed' | 'failed' | 'cancelled' | null;
};

export type HealthService = ReturnType<typeof createHealthService>;

export function createHealthService(deps: {
  databaseKind: 'embedded' | 'postgres';
  checkDatabase: () => Promise<DatabaseCheck>;
  heartbeats: Pick<HeartbeatService, 'latestHeartbeat'>;
  runner: 'local' | 'inngest';
  realtimeTransport: 'sse' | 'pusher';
  version: string;
  now?: () => Date;
  /** The in-process runner's functions, when this process runs them. */
  localFunctions?: () => Promise<ScheduledFunctionStatus[] | undefined>;
  /** Open SSE streams in this process (SSE transport only). */
  realtimeConnections?: () => number | undefined;
  /** Providers, breakers and collectors (omitted when the database is down). */
  marketData?: () => Promise<Omit<MarketDataHealth, 'ok'>>;
  /** Include database error text (it can name hosts and users): off in production mode. */
  exposeErrors?: boolean;
}) {
  const now = deps.now ?? (() => new Date());
  return {
    async check(): Promise<HealthReport> {
      const checkedAt = now();
      const db = await deps.checkDatabase().catch((error: unknown): DatabaseCheck => ({
        reachable: false,
        applied: 0,
        pending: [],
        failed: [],
        error: error instanceof Error ? error.message : String(error),
      }));
      const databaseOk = db.reachable && db.pending.length === 0 && db.failed.length === 0;
      const latest = db.reachable
        ? await deps.heartbeats.latestHeartbeat().catch(() => null)
        : null;
      const ageMs = latest ? checkedAt.getTime() - latest.recordedAt.getTime() : null;
      const schedulerOk = ageMs !== null && ageMs <= HEARTBEAT_FRESH_MS;
      const functions = await deps.localFunctions?.().catch(() => undefined);
      const connections = deps.realtimeConnections?.();
      const marketData = db.reachable
        ? await deps.marketData?.().catch(() => undefined)
        : undefined;
      return {
        status: !db.reachable ? 'down' : databaseOk && schedulerOk ? 'ok' : 'degraded',
        version: deps.version,
        checkedAt,
        database: {
          ok: databaseOk,
          kind: deps.databaseKind,
          reachable: db.reachable,
          migrations: { applied: db.applied, pending: db.pending, failed: db.failed },
          ...(db.error ? { error: deps.exposeErrors === false ? 'unavailable' : db.error } : {}),
        },
        scheduler: {
          ok: schedulerOk,
          runner: deps.runner,
          lastHeartbeatAt: latest?.recordedAt ?? null,
          ageSeconds: ageMs === null ? null : Math.max(0, Math.round(ageMs / 1000)),
          ...(functions ? { functions } : {}),
        },
        realtime: {
          ok: true,
          transport: deps.realtimeTransport,
          ...(connections === undefined ? {} : { connections }),
        },
        ...(marketData
          ? {
              marketData: {
                ...marketData,
                ok: marketData.breakers.every((breaker) => breaker.state !== 'open'),
              },
            }
          : {}),
      };
    },
  };
}
