import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { onShutdown } from '@/server/shutdown';
import { acquireDirectoryLock, type DirectoryLock } from './lock';
import { openFilePglite } from './pglite-template';

/**
 * The embedded database: a file-backed PGlite under a data directory, held with an exclusive lock
 * (see lock.ts). One instance per directory per process: opening it again in the same process
 * (a dev-server hot reload, a script sharing the app's modules) reuses it, and it is really closed
 * when the last opener closes it, or when the process exits.
 */

export type EmbeddedDatabase = {
  readonly pglite: PGlite;
  readonly dataDir: string;
  close(): Promise<void>;
};

type Entry = { pglite: PGlite; lock: DirectoryLock; refs: number };

const globalForEmbedded = globalThis as unknown as {
  stockvisEmbedded?: Map<string, Promise<Entry>>;
  /** Locks currently held, reachable synchronously for the 'exit' hook. */
  stockvisEmbeddedLocks?: Set<DirectoryLock>;
  stockvisEmbeddedExitHooks?: boolean;
};

function registry(): Map<string, Promise<Entry>> {
  return (globalForEmbedded.stockvisEmbedded ??= new Map());
}

function heldLocks(): Set<DirectoryLock> {
  return (globalForEmbedded.stockvisEmbeddedLocks ??= new Set());
}

export async function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const key = path.resolve(dataDir);
  const entries = registry();
  let pending = entries.get(key);
  if (!pending) {
    pending = start(key);
    entries.set(key, pending);
    pending.catch(() => entries.delete(key));
  }
  const entry = await pending;
  entry.refs += 1;
  let closed = false;
  return {
    pglite: entry.pglite,
    dataDir: key,
    async close() {
      if (closed) return;
      closed = true;
      entry.refs -= 1;
      if (entry.refs === 0) await shutdown(key, entry);
    },
  };
}

async function start(dataDir: string): Promise<Entry> {
  installExitHooks();
  const lock = await acquireDirectoryLock(dataDir);
  heldLocks().add(lock);
  try {
    const pglite = await openFilePglite(dataDir);
    return { pglite, lock, refs: 0 };
  } catch (error) {
    heldLocks().delete(lock);
    await lock.release();
    throw error;
  }
}

async function shutdown(dataDir: string, entry: Entry): Promise<void> {
  registry().delete(dataDir);
  try {
    if (!entry.pglite.closed) await entry.pglite.close();
  } finally {
    heldLocks().delete(entry.lock);
    await entry.lock.release();
  }
}

/** Close every embedded database of this process (signal handlers, tests). */
export async function closeAllEmbeddedDatabases(): Promise<void> {
  const entries = [...registry().entries()];
  await Promise.allSettled(
    entries.map(async ([dataDir, pending]) => shutdown(dataDir, await pending)),
  );
}

/**
 * Close PGlite and drop the lock when the process ends. PGlite keeps Node alive until closed, and
 * a lock left behind would only be cleared by the next start's stale-lock check.
 */
function installExitHooks(): void {
  if (globalForEmbedded.stockvisEmbeddedExitHooks) return;
  globalForEmbedded.stockvisEmbeddedExitHooks = true;

  process.once('exit', () => {
    // Only synchronous work runs here: PGlite cannot be closed, but the lock can be released.
    for (const lock of heldLocks()) lock.releaseSync();
  });

  // After tasks that still write (the live collector's flush), before the process ends.
  onShutdown('embedded-database', closeAllEmbeddedDatabases, 100);
}
