/**
 * The live tick collector as a standalone worker (`npm run collector`), for hosts where the web
 * app cannot keep a long-lived connection (serverless). It runs the same pipeline the server runs
 * in-process: provider streams → buffered tick writer (PostgreSQL) → realtime (Pusher).
 * Run the web app with COLLECTOR=off beside it so only one process streams.
 */
import { appEnv, EnvError } from '@/server/env';
import { logger } from '@/server/logger';
import {
  startProcessCollector,
  stopProcessCollector,
} from '@/server/market-data/live/process-collector';
import { getServices } from '@/server/services';
import { onShutdown } from '@/server/shutdown';

async function main(): Promise<void> {
  let env;
  try {
    env = appEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (env.database.kind === 'embedded') {
    console.error(
      'The standalone collector needs a shared PostgreSQL database (DATABASE_URL). With the ' +
        'embedded database the app runs the collector itself (npm run dev / npm start).',
    );
    process.exit(1);
  }
  if (env.realtime.transport === 'sse') {
    logger.warn(
      'REALTIME_TRANSPORT is sse: ticks are stored, but browsers connected to another process ' +
        'will not see them live. Configure Pusher for a separate collector.',
    );
  }
  const services = await getServices();
  const collector = await startProcessCollector(
    () => services.marketDataLayer.collector({ id: `worker-${process.pid}` }),
    logger,
  );
  onShutdown('live-collector', stopProcessCollector, 10);
  onShutdown('database', async () => services.db.$disconnect(), 100);
  // Not unref'd: this timer keeps the worker alive between ticks.
  setInterval(() => logger.info(collector.stats(), 'collector'), 30_000);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'collector failed to start');
  process.exit(1);
});
