import { functions } from '@/inngest';
import { inngest } from '@/inngest/client';
import { logger } from '@/server/logger';
import { createLocalRunner, type LocalRunner, type LocalRunnerOptions } from './local-runner';

/**
 * The process's local runner, kept on globalThis: instrumentation starts it (server/boot.ts), while
 * the health page reads its status from a route bundle that has its own copy of this module.
 */
const globalForRunner = globalThis as unknown as { stockvisLocalRunner?: LocalRunner };

/**
 * Start the app's functions on the in-process runner, or return the runner already running.
 * Options default to the app's client, every function in inngest/index.ts and the app logger.
 */
export async function startLocalRunner(
  options: Partial<LocalRunnerOptions> = {},
): Promise<LocalRunner> {
  if (!globalForRunner.stockvisLocalRunner) {
    const runner = createLocalRunner({ client: inngest, functions, logger, ...options });
    runner.start();
    globalForRunner.stockvisLocalRunner = runner;
  }
  return globalForRunner.stockvisLocalRunner;
}

/** The running local runner, if this process has one (undefined with Inngest Cloud). */
export function localRunner(): LocalRunner | undefined {
  return globalForRunner.stockvisLocalRunner;
}

/** Stop the process's runner (graceful shutdown); a later start creates a new one. */
export async function stopLocalRunner(options?: { timeoutMs?: number }): Promise<void> {
  const runner = globalForRunner.stockvisLocalRunner;
  globalForRunner.stockvisLocalRunner = undefined;
  await runner?.stop(options);
}
