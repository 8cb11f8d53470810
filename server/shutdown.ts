import { logger } from '@/server/logger';

type ShutdownTask = { name: string; order: number; run: () => Promise<void> };

const globalForShutdown = globalThis as unknown as {
  stockvisShutdownTasks?: ShutdownTask[];
  stockvisShutdownInstalled?: boolean;
};

/** Longest a single task may hold up the exit. */
const TASK_TIMEOUT_MS = 15_000;

/**
 * Work to finish when the process is asked to stop (SIGTERM/SIGINT), in `order` (lowest first):
 * the live collector flushes its ticks (10) before the embedded database closes (100). One signal
 * handler runs them all, then lets the signal take its course: if nothing else (such as Next.js)
 * handles it, the default behaviour (exit) is restored and the signal re-raised.
 */
export function onShutdown(name: string, run: () => Promise<void>, order = 50): void {
  const tasks = (globalForShutdown.stockvisShutdownTasks ??= []);
  if (tasks.some((task) => task.name === name)) return;
  tasks.push({ name, order, run });
  installHandlers();
}

export async function runShutdownTasks(): Promise<void> {
  const tasks = [...(globalForShutdown.stockvisShutdownTasks ?? [])].sort(
    (a, b) => a.order - b.order,
  );
  globalForShutdown.stockvisShutdownTasks = [];
  for (const task of tasks) {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        task.run(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out')), TASK_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      logger.error({ task: task.name, err: String(error) }, 'shutdown task failed');
    } finally {
      clearTimeout(timer);
    }
  }
}

function installHandlers(): void {
  if (globalForShutdown.stockvisShutdownInstalled) return;
  globalForShutdown.stockvisShutdownInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = () => {
      process.removeListener(signal, onSignal);
      void runShutdownTasks().finally(() => {
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    };
    process.on(signal, onSignal);
  }
}
