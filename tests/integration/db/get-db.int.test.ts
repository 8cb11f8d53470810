import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase, closeDb, getDatabaseHandle, getDb } from '@/server/db';
import { withDatabase } from '@/server/db/engine-adapters/postgres';
import { lockPathFor } from '@/server/db/lock';
import { onTestServer, testServerUrl } from '@/tests/helpers/test-db';

const usePostgres = process.env.TEST_DB === 'postgres';

describe(`getDb / closeDb (${usePostgres ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  let workDir: string;
  let databaseName: string | undefined;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'stockvis-get-db-'));
    process.env.STOCKVIS_DATA_DIR = workDir;
    if (usePostgres) {
      databaseName = `stockvis_test_${randomBytes(6).toString('hex')}`;
      await onTestServer(`CREATE DATABASE "${databaseName}"`);
      process.env.DATABASE_URL = withDatabase(testServerUrl(), databaseName);
    } else {
      delete process.env.DATABASE_URL;
    }
    // appEnv() caches the parsed environment on globalThis; start from this file's settings.
    (globalThis as { stockvisEnv?: unknown }).stockvisEnv = undefined;
  });
  afterAll(async () => {
    await closeDb();
    (globalThis as { stockvisEnv?: unknown }).stockvisEnv = undefined;
    if (databaseName) await onTestServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await rm(workDir, { recursive: true, force: true });
  });

  it('opens one migrated database per process', async () => {
    const [first, second] = await Promise.all([getDb(), getDb()]);
    expect(second).toBe(first);
    const handle = await getDatabaseHandle();
    expect(handle.kind).toBe(usePostgres ? 'postgres' : 'embedded');
    expect(await checkDatabase(first)).toMatchObject({ reachable: true, pending: [], failed: [] });
    expect((await checkDatabase(first)).applied).toBeGreaterThan(0);
  });

  it('closes it (releasing the embedded lock) and reopens it on the next call', async () => {
    const before = await getDb();
    await before.user.create({ data: { email: 'singleton@example.com' } });
    await closeDb();
    await closeDb();
    if (!usePostgres) expect(existsSync(lockPathFor(path.join(workDir, 'pglite')))).toBe(false);

    const after = await getDb();
    expect(after).not.toBe(before);
    expect(await after.user.count({ where: { email: 'singleton@example.com' } })).toBe(1);
  });
});
