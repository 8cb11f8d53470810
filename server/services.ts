import type { PrismaClient } from '@/server/generated/prisma/client';
import { appEnv, type AppEnv } from '@/server/env';
import { resolveSecrets, type AppSecrets } from '@/server/config/secrets';
import { logger, type Logger } from '@/server/logger';
import { createDbRateLimiter, type RateLimiter } from '@/server/rate-limit/rate-limiter';
import { createUserService, type UserService } from '@/server/users/service';
import { createWatchlistService, type WatchlistService } from '@/server/watchlists/service';
import { createHeartbeatService, type HeartbeatService } from '@/server/system/heartbeat';
import {
  createHealthService,
  type DatabaseCheck,
  type HealthService,
  type ScheduledFunctionStatus,
} from '@/server/system/health';
import {
  createHeartbeatRequester,
  type HeartbeatRequester,
} from '@/server/system/heartbeat-requests';
import { appVersion } from '@/server/version';
import type { RealtimePublisher } from '@/server/realtime/publisher';
import { buildMarketData, type MarketDataLayer } from '@/server/market-data/wiring';
import type { MarketDataService } from '@/server/market-data/service';
import type { MarketDataProvider } from '@/server/market-data/types';
import type { Collector } from '@/server/market-data/live/collector';
import { createAnalysisService, type AnalysisService } from '@/server/analysis-service/service';
import { createLedgerService, type LedgerService } from '@/server/portfolio/ledger-service';
import { createCsvImporter, type CsvImporter } from '@/server/portfolio/csv-import';
import { createLedgerExporter, type LedgerExporter } from '@/server/portfolio/export';
import {
  createPortfolioAnalyticsService,
  type PortfolioAnalyticsService,
} from '@/server/portfolio/analytics-service';
import { createAlertsService, type AlertsService } from '@/server/alerts/service';

export type JobEvent = { name: string; data: Record<string, unknown>; id?: string };

/** Everything the transports (tRPC, routes, Inngest functions, scripts) call into. */
export type Services = {
  env: AppEnv;
  secrets: AppSecrets;
  log: Logger;
  db: PrismaClient;
  databaseKind: 'embedded' | 'postgres';
  rateLimiter: RateLimiter;
  realtime: RealtimePublisher;
  jobs: { runner: 'local' | 'inngest'; send(events: JobEvent | JobEvent[]): Promise<void> };
  users: UserService;
  watchlists: WatchlistService;
  marketData: MarketDataService;
  /** Providers, stores and the live collector factory behind `marketData`. */
  marketDataLayer: MarketDataLayer;
  system: HeartbeatService & HeartbeatRequester & { health: HealthService['check'] };
  analysis: AnalysisService;
  portfolios: {
    ledger: LedgerService;
    imports: CsvImporter;
    exports: LedgerExporter;
    analytics: PortfolioAnalyticsService;
  };
  alerts: AlertsService;
};

export type ServiceDeps = {
  env: AppEnv;
  secrets: AppSecrets;
  log: Logger;
  db: PrismaClient;
  databaseKind: 'embedded' | 'postgres';
  realtime: RealtimePublisher;
  checkDatabase: () => Promise<DatabaseCheck>;
  localFunctions?: () => Promise<ScheduledFunctionStatus[] | undefined>;
  realtimeConnections?: () => number | undefined;
  sendEvents: (events: JobEvent[]) => Promise<void>;
  /** Replace the configured market-data providers (tests). */
  marketDataProviders?: MarketDataProvider[];
  /** This process's live collector, once started. */
  liveCollector?: () => Collector | undefined;
  now?: () => number;
};

/** Wire the domain services from their adapters. Tests call this with a test database and fakes. */
export function buildServices(deps: ServiceDeps): Services {
  const rateLimiter = createDbRateLimiter(deps.db);
  const heartbeats = createHeartbeatService({ db: deps.db });
  const marketDataLayer = buildMarketData({
    db: deps.db,
    config: deps.env.marketData,
    rateLimiter,
    realtime: deps.realtime,
    log: deps.log,
    sendEvents: (events) => deps.sendEvents(events),
    liveCollector: deps.liveCollector,
    providers: deps.marketDataProviders,
    now: deps.now,
  });
  const health = createHealthService({
    databaseKind: deps.databaseKind,
    checkDatabase: deps.checkDatabase,
    heartbeats,
    runner: deps.env.jobs.runner,
    realtimeTransport: deps.realtime.transport,
    version: appVersion(),
    localFunctions: deps.localFunctions,
    realtimeConnections: deps.realtimeConnections,
    marketData: async () => ({
      providers: {
        KR: marketDataLayer.router.primary('KR')?.id ?? null,
        US: marketDataLayer.router.primary('US')?.id ?? null,
      },
      breakers: marketDataLayer.breakers(),
      collectors: await marketDataLayer.stores.collectorStats.list(),
    }),
    exposeErrors: !deps.env.production,
  });
  const sendEvents = (events: JobEvent | JobEvent[]) =>
    deps.sendEvents(Array.isArray(events) ? events : [events]);
  const analytics = createPortfolioAnalyticsService({
    db: deps.db,
    realtime: deps.realtime,
    liveQuote: (symbol) => deps.liveCollector?.()?.liveQuote(symbol),
    fxSource: marketDataLayer.fx,
    log: deps.log,
    now: deps.now,
  });
  const alerts = createAlertsService({
    db: deps.db,
    realtime: deps.realtime,
    liveQuote: (symbol) => deps.liveCollector?.()?.liveQuote(symbol),
    analytics,
    encryptionKey: deps.secrets.encryptionKey,
    deliverOptions: () => ({ smtp: deps.env.smtp }),
    appUrl: deps.env.auth.url ?? 'http://localhost:3000',
    requestDelivery: (ids) =>
      sendEvents(
        ids.map((notificationId) => ({
          name: 'alerts/notification.created',
          data: { notificationId },
        })),
      ),
    log: deps.log,
    now: deps.now,
  });
  const portfolioLedger = createLedgerService({
    db: deps.db,
    log: deps.log,
    trackSymbol: (symbol) => marketDataLayer.service.track(symbol),
    onLedgerChanged: async (data) => {
      // Holdings get the built-in alerts (day moves, target return) from their first trade.
      await alerts.rules.ensureBuiltins(data.userId);
      // Snapshots are backfilled from the changed date; the valuation refreshes (debounced).
      await sendEvents([
        { name: 'portfolio/transaction.changed', data: { ...data } },
        { name: 'portfolio/valuation.requested', data: { accountId: data.accountId } },
      ]);
    },
  });
  return {
    env: deps.env,
    secrets: deps.secrets,
    log: deps.log,
    db: deps.db,
    databaseKind: deps.databaseKind,
    rateLimiter,
    realtime: deps.realtime,
    jobs: {
      runner: deps.env.jobs.runner,
      send: sendEvents,
    },
    users: createUserService({ db: deps.db, rateLimiter }),
    watchlists: createWatchlistService({
      db: deps.db,
      realtime: deps.realtime,
      onSymbolAdded: async (symbol) => {
        await marketDataLayer.service.track(symbol);
      },
    }),
    marketData: marketDataLayer.service,
    marketDataLayer,
    system: {
      ...heartbeats,
      ...createHeartbeatRequester({ rateLimiter, send: sendEvents }),
      health: () => health.check(),
    },
    portfolios: {
      ledger: portfolioLedger,
      imports: createCsvImporter({ ledger: portfolioLedger }),
      exports: createLedgerExporter({ repo: portfolioLedger.repo }),
      analytics,
    },
    alerts,
    analysis: createAnalysisService({
      db: deps.db,
      marketData: marketDataLayer.service,
      realtime: deps.realtime,
      sendEvents,
      now: deps.now,
    }),
  };
}

const globalForServices = globalThis as unknown as {
  stockvisServices?: Promise<Services>;
  stockvisServicesOverride?: Services;
};

/**
 * The process's services, built once (the promise is shared so concurrent first requests don't
 * open the database twice). Kept on globalThis: Next bundles route handlers and instrumentation
 * separately, and dev hot reloads re-evaluate modules.
 */
export function getServices(): Promise<Services> {
  if (globalForServices.stockvisServicesOverride) {
    return Promise.resolve(globalForServices.stockvisServicesOverride);
  }
  globalForServices.stockvisServices ??= createProcessServices().catch((error: unknown) => {
    globalForServices.stockvisServices = undefined; // let the next call retry (e.g. DB back up)
    throw error;
  });
  return globalForServices.stockvisServices;
}

/** Replace the process services (tests of Inngest functions and route handlers). */
export function setServicesForTesting(services: Services | undefined): void {
  globalForServices.stockvisServicesOverride = services;
}

async function createProcessServices(): Promise<Services> {
  const env = appEnv();
  const secrets = resolveSecrets(env);
  const [
    { getDatabaseHandle, checkDatabase },
    { createRealtimePublisher },
    { inngest },
    { sseHub },
  ] = await Promise.all([
    import('@/server/db'),
    import('@/server/realtime/factory'),
    import('@/inngest/client'),
    import('@/server/realtime/sse-hub'),
  ]);
  const { processCollector } = await import('@/server/market-data/live/process-collector');
  const handle = await getDatabaseHandle();
  return buildServices({
    env,
    secrets,
    log: logger,
    db: handle.prisma,
    databaseKind: handle.kind,
    realtime: createRealtimePublisher(env.realtime),
    checkDatabase: () => checkDatabase(handle.prisma),
    localFunctions: async () => {
      // Imported lazily: the runner imports the Inngest functions, which import this module.
      const { localRunner } = await import('@/server/scheduler/process-runner');
      return localRunner()
        ?.status()
        .functions.map((fn) => ({
          id: fn.id,
          nextRunAt: fn.nextRunAt,
          lastRunAt: fn.lastRun?.finishedAt ?? null,
          lastOutcome: fn.lastRun?.outcome ?? null,
        }));
    },
    realtimeConnections: () =>
      env.realtime.transport === 'sse' ? sseHub().stats().connections : undefined,
    liveCollector: () => processCollector(),
    sendEvents: async (events) => {
      await inngest.send(events as Parameters<typeof inngest.send>[0]);
    },
  });
}
