import type { Logger } from '@/server/logger';
import type { Collector } from './collector';

const globalForCollector = globalThis as unknown as { stockvisCollector?: Collector };

/** The collector this process runs, if any (kept on globalThis: Next bundles routes separately). */
export function processCollector(): Collector | undefined {
  return globalForCollector.stockvisCollector;
}

/**
 * Start the live collector in this process (the embedded default and `next start`; serverless
 * hosts run `npm run collector` instead) and persist what it buffered on SIGTERM/SIGINT.
 */
export async function startProcessCollector(
  create: () => Collector,
  log: Logger,
): Promise<Collector> {
  if (globalForCollector.stockvisCollector) return globalForCollector.stockvisCollector;
  const collector = create();
  globalForCollector.stockvisCollector = collector;
  await collector.start();
  log.info(collector.stats(), 'live collector started');
  return collector;
}

/** Stop it (flushes every buffered tick); safe to call when none runs. */
export async function stopProcessCollector(): Promise<void> {
  const collector = globalForCollector.stockvisCollector;
  globalForCollector.stockvisCollector = undefined;
  await collector?.stop();
}
