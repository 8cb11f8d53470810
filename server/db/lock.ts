import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * An exclusive, cross-process lock on a PGlite data directory. PGlite does not lock its directory,
 * and two processes on one directory lose writes or corrupt it, so the app takes this lock before
 * opening it and refuses a second opener with an explanation.
 *
 * The lock is a file next to the directory (`<dataDir>.lock`), created with O_EXCL, naming its
 * holder. A holder that died (same host, pid gone) is replaced; a live one is reported.
 */

const lockOwnerSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  startedAt: z.string(),
  command: z.string(),
  token: z.string(),
});

export type LockOwner = z.infer<typeof lockOwnerSchema>;

export class EmbeddedDatabaseLockedError extends Error {
  override readonly name = 'EmbeddedDatabaseLockedError';

  constructor(
    readonly dataDir: string,
    readonly lockPath: string,
    readonly owner: LockOwner | null,
  ) {
    const holder = owner
      ? `process ${owner.pid} on ${owner.hostname} ("${owner.command}"), since ${owner.startedAt}`
      : 'an unknown process (the lock file is unreadable)';
    super(
      `The embedded database at ${dataDir} is in use by ${holder}. ` +
        'Only one process may open an embedded (PGlite) database at a time. ' +
        'Stop the running app first (or run this through the app), or set DATABASE_URL to a ' +
        'PostgreSQL server, which any number of processes can share. ' +
        `If that process no longer exists, delete ${lockPath}.`,
    );
  }
}

export type DirectoryLock = {
  readonly lockPath: string;
  readonly owner: LockOwner;
  release(): Promise<void>;
  /** For `process.on('exit')`, where nothing asynchronous runs. */
  releaseSync(): void;
};

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** A lock file this old that is still empty or garbled was left by a crash mid-write. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

export async function acquireDirectoryLock(dataDir: string): Promise<DirectoryLock> {
  const lockPath = lockPathFor(dataDir);
  await mkdir(path.dirname(lockPath), { recursive: true });
  const owner: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.join(' ').slice(0, 300),
    token: randomUUID(),
  };
  const content = `${JSON.stringify(owner, null, 2)}\n`;

  // A few rounds: each failed round removed a stale lock (or lost a race to another starter).
  for (let round = 0; round < 5; round += 1) {
    try {
      await writeFile(lockPath, content, { flag: 'wx' });
      return heldLock(lockPath, owner);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const existing = await readLock(lockPath);
    if (existing.kind === 'gone') continue;
    if (existing.kind === 'unreadable') {
      if (existing.ageMs < UNREADABLE_LOCK_GRACE_MS) {
        throw new EmbeddedDatabaseLockedError(dataDir, lockPath, null);
      }
      await removeIfUnchanged(lockPath, existing.raw);
      continue;
    }
    const holder = existing.owner;
    if (holder.hostname === owner.hostname && holder.pid === process.pid) {
      // Our own lock, left by an earlier open in this process (e.g. before a dev-server reload).
      await writeFile(lockPath, content);
      return heldLock(lockPath, owner);
    }
    if (holder.hostname === owner.hostname && !isProcessAlive(holder.pid)) {
      await removeIfUnchanged(lockPath, existing.raw);
      continue;
    }
    throw new EmbeddedDatabaseLockedError(dataDir, lockPath, holder);
  }
  throw new EmbeddedDatabaseLockedError(dataDir, lockPath, null);
}

type ExistingLock =
  | { kind: 'gone' }
  | { kind: 'unreadable'; raw: string; ageMs: number }
  | { kind: 'held'; raw: string; owner: LockOwner };

async function readLock(lockPath: string): Promise<ExistingLock> {
  try {
    const [raw, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const owner = parseOwner(raw);
    return owner
      ? { kind: 'held', raw, owner }
      : { kind: 'unreadable', raw, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    throw error;
  }
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const parsed = lockOwnerSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Remove a stale lock unless someone replaced it since we read it. */
async function removeIfUnchanged(lockPath: string, raw: string): Promise<void> {
  const now = await readFile(lockPath, 'utf8').catch(() => null);
  if (now === raw) await unlink(lockPath).catch(() => {});
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function heldLock(lockPath: string, owner: LockOwner): DirectoryLock {
  const stillOurs = (raw: string | null) => raw !== null && parseOwner(raw)?.token === owner.token;
  let released = false;
  return {
    lockPath,
    owner,
    async release() {
      if (released) return;
      released = true;
      const raw = await readFile(lockPath, 'utf8').catch(() => null);
      if (stillOurs(raw)) await unlink(lockPath).catch(() => {});
    },
    releaseSync() {
      if (released) return;
      released = true;
      try {
        if (stillOurs(readFileSync(lockPath, 'utf8'))) unlinkSync(lockPath);
      } catch {
        // Already gone.
      }
    },
  };
}
