import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@/server/db/client';
import { openEmbeddedDatabase } from '@/server/db/embedded';
import { EmbeddedDatabaseLockedError, lockPathFor } from '@/server/db/lock';
import { applyMigrations } from '@/server/db/migrate';

const run = promisify(execFile);
const root = process.cwd();
const CHILD = path.join(root, 'tests/helpers/embedded-db-child.ts');
// Child processes must pick the embedded database, whatever the test environment says.
const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', NODE_ENV: 'test' };

type ChildResult = {
  code: number;
  output: { ok: boolean; name?: string; message?: string; users?: number };
};

async function child(mode: 'count', dataDir: string): Promise<ChildResult> {
  const outcome = await run(process.execPath, ['--import', 'tsx', CHILD, mode, dataDir], {
    cwd: root,
    env: childEnv,
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  return { code: outcome.code, output: JSON.parse(outcome.stdout.trim().split('\n').at(-1)!) };
}

/** A child process holding the embedded database open until signalled. */
async function startHolder(dataDir: string) {
  const holder = spawn(process.execPath, ['--import', 'tsx', CHILD, 'hold', dataDir], {
    cwd: root,
    env: childEnv,
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    holder.on('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    holder.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"ready":true')) resolve();
    });
    holder.on('exit', () => reject(new Error(`the holder exited before it was ready: ${output}`)));
  });
  return {
    pid: holder.pid!,
    /** Send the signal; resolves with the signal that ended the process. */
    async stop(signal: NodeJS.Signals) {
      holder.kill(signal);
      return exited;
    },
  };
}

/** The pid of a process that has certainly exited. */
async function deadPid(): Promise<number> {
  const exited = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => exited.on('exit', resolve));
  return exited.pid!;
}

describe('the embedded database (file-backed PGlite with an exclusive lock)', () => {
  let workDir: string;
  let dataDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'stockvis-embedded-'));
    dataDir = path.join(workDir, 'pglite');
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('keeps data across close and reopen, and across processes', async () => {
    const first = await createDatabase({ kind: 'embedded', dataDir });
    await applyMigrations(first.engineAdapter);
    await first.prisma.user.create({ data: { email: 'kept@example.com' } });
    await first.close();
    expect(existsSync(lockPathFor(dataDir))).toBe(false);

    expect(await child('count', dataDir)).toEqual({ code: 0, output: { ok: true, users: 1 } });

    const again = await createDatabase({ kind: 'embedded', dataDir });
    expect(
      await again.prisma.user.findUnique({ where: { email: 'kept@example.com' } }),
    ).toMatchObject({
      email: 'kept@example.com',
    });
    await again.close();
  });

  it('makes scripts/db.ts refuse with the same explanation while the app holds it', async () => {
    const held = await openEmbeddedDatabase(dataDir);
    try {
      const result = await run(process.execPath, ['--import', 'tsx', 'scripts/db.ts', 'deploy'], {
        cwd: root,
        env: { ...childEnv, STOCKVIS_DATA_DIR: workDir },
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`is in use by process ${process.pid}`);
      expect(result.stderr).toMatch(/Stop the running app/);
    } finally {
      await held.close();
    }
  });

  it('reuses the open database when the same process opens it again (dev-server reload)', async () => {
    const first = await openEmbeddedDatabase(dataDir);
    const second = await openEmbeddedDatabase(dataDir);
    expect(second.pglite).toBe(first.pglite);
    await first.close();
    // Still open for the second opener; closed and unlocked once both are done.
    await expect(second.pglite.query('SELECT 1 AS one')).resolves.toMatchObject({
      rows: [{ one: 1 }],
    });
    await second.close();
    expect(first.pglite.closed).toBe(true);
    expect(existsSync(lockPathFor(dataDir))).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const pid = await deadPid();
    await writeFile(
      lockPathFor(dataDir),
      JSON.stringify({
        pid,
        hostname: os.hostname(),
        startedAt: '2020-01-01T00:00:00.000Z',
        command: 'a crashed app',
        token: 'stale',
      }),
    );
    const db = await openEmbeddedDatabase(dataDir);
    try {
      expect(JSON.parse(await readFile(lockPathFor(dataDir), 'utf8'))).toMatchObject({
        pid: process.pid,
      });
    } finally {
      await db.close();
    }
  });

  it('refuses a second opener while another process holds it, saying who and what to do', async () => {
    const holder = await startHolder(dataDir);
    const lock = JSON.parse(await readFile(lockPathFor(dataDir), 'utf8'));
    expect(lock).toMatchObject({ pid: holder.pid, hostname: os.hostname() });

    const refused = await openEmbeddedDatabase(dataDir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(EmbeddedDatabaseLockedError);
    const { message } = refused as EmbeddedDatabaseLockedError;
    expect(message).toContain(`in use by process ${holder.pid} on ${os.hostname()}`);
    expect(message).toContain(`since ${lock.startedAt}`);
    expect(message).toMatch(/Stop the running app/);
    expect(message).toMatch(/DATABASE_URL/);

    // SIGTERM: the holder closes PGlite, drops the lock and still ends by the signal.
    expect(await holder.stop('SIGTERM')).toBe('SIGTERM');
    expect(existsSync(lockPathFor(dataDir))).toBe(false);
    const reopened = await openEmbeddedDatabase(dataDir);
    await reopened.close();
  });

  it('releases the lock when the holding process is interrupted (SIGINT)', async () => {
    const holder = await startHolder(dataDir);
    expect(existsSync(lockPathFor(dataDir))).toBe(true);
    expect(await holder.stop('SIGINT')).toBe('SIGINT');
    expect(existsSync(lockPathFor(dataDir))).toBe(false);
  });
});
