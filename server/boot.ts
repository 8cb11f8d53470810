import { appEnv, EnvError } from '@/server/env';
import { resolveSecrets } from '@/server/config/secrets';
import { logger } from '@/server/logger';
import { getServices } from '@/server/services';

const globalForBoot = globalThis as unknown as { stockvisBooted?: Promise<void> };

/**
 * Server start (from instrumentation.ts): validate the configuration, open and migrate the
 * database, seed the embedded default, and start the in-process job runner when Inngest Cloud is
 * not configured. A configuration error stops the process with a readable message.
 */
export function startServer(): Promise<void> {
  return (globalForBoot.stockvisBooted ??= boot());
}

async function boot(): Promise<void> {
  let env;
  try {
    env = appEnv();
    resolveSecrets(env);
  } catch (error) {
    if (error instanceof EnvError) stopWith(error.message);
    throw error;
  }

  // Sent once the job runner is up: snapshot backfills for freshly seeded demo accounts.
  const pendingEvents: { name: string; data: Record<string, unknown> }[] = [];
  let services;
  try {
    services = await getServices();
  } catch (error) {
    // Another process holds the embedded database: starting anyway would risk corrupting it.
    if ((error as Error).name === 'EmbeddedDatabaseLockedError') stopWith((error as Error).message);
    // Anything else (PostgreSQL down, say) is logged; /api/health answers 503 until it recovers.
    logger.error({ err: error }, 'could not open the database at start');
  }
  if (services && env.database.kind === 'embedded') {
    const { seedDemoData } = await import('@/server/db/seed');
    const seeded = await seedDemoData(services.db);
    pendingEvents.push(
      ...seeded.accounts.map(({ accountId, fromDate }) => ({
        name: 'portfolio/transaction.changed',
        data: { accountId, userId: seeded.userId, fromDate },
      })),
    );
  }

  if (env.jobs.runner === 'local') {
    const { startLocalRunner } = await import('@/server/scheduler/process-runner');
    await startLocalRunner();
    const { inngest } = await import('@/inngest/client');
    await inngest.send({ name: 'system/heartbeat.requested', data: { reason: 'startup' } });
  }

  if (services && pendingEvents.length > 0) {
    await services.jobs.send(pendingEvents).catch((error: unknown) => {
      logger.error({ err: error }, 'could not start the demo portfolio backfill');
    });
  }

  if (services && env.marketData.collector === 'in-process') {
    const layer = services.marketDataLayer;
    const started = await layer.trackDemoUniverse().catch((error: unknown) => {
      logger.error({ err: error }, 'could not start collecting the demo universe');
      return [];
    });
    if (started.length > 0) logger.info({ symbols: started }, 'collecting demo market history');
    const { startProcessCollector, stopProcessCollector } =
      await import('@/server/market-data/live/process-collector');
    const { onShutdown } = await import('@/server/shutdown');
    await startProcessCollector(() => layer.collector(), logger).catch((error: unknown) => {
      logger.error({ err: error }, 'the live collector did not start');
    });
    onShutdown('live-collector', stopProcessCollector, 10);
  }

  logger.info(
    {
      database: env.database.kind,
      jobs: env.jobs.runner,
      realtime: env.realtime.transport,
      collector: env.marketData.collector,
      production: env.production,
    },
    'Stockvis server ready',
  );
}

function stopWith(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}
