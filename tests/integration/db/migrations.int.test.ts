import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '@/server/db/health';
import { applyMigrations, migrationStatus } from '@/server/db/migrate';
import { defaultMigrationsDir, migrationChecksum, readMigrations } from '@/server/db/migrations';
import { createTestDatabase, type TestDatabase } from '@/tests/helpers/test-db';

// Runs against PGlite, or PostgreSQL with TEST_DB=postgres (see tests/helpers/test-db.ts).
describe(`migrations on an empty database (${process.env.TEST_DB ?? 'pglite'})`, () => {
  let db: TestDatabase;
  let migrationNames: string[];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    migrationNames = (await readMigrations()).map((migration) => migration.name);
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('has at least the initial migration in the CLI layout', () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    for (const name of migrationNames) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it('reports every migration pending before the first deploy', async () => {
    expect(await checkDatabase(db.prisma)).toEqual({
      reachable: true,
      applied: 0,
      pending: migrationNames,
      failed: [],
    });
    expect(await migrationStatus(db.engineAdapter)).toEqual({
      applied: [],
      pending: migrationNames,
      failed: [],
      edited: [],
      missing: [],
    });
  });

  it('applies them all and records them like the Prisma CLI', async () => {
    expect(await applyMigrations(db.engineAdapter)).toEqual(migrationNames);

    const rows = await db.prisma.$queryRawUnsafe<
      {
        migration_name: string;
        checksum: string;
        finished: boolean;
        rolled_back: boolean;
        logs: string | null;
        applied_steps_count: number;
      }[]
    >(
      'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, ' +
        'rolled_back_at IS NOT NULL AS rolled_back, logs, applied_steps_count ' +
        'FROM _prisma_migrations ORDER BY migration_name',
    );
    const onDisk = await readMigrations();
    expect(rows).toEqual(
      onDisk.map((migration) => ({
        migration_name: migration.name,
        checksum: migrationChecksum(migration.sql),
        finished: true,
        rolled_back: false,
        logs: null,
        applied_steps_count: 1,
      })),
    );
    // The schema is really there: the client can use every model's table.
    await expect(db.prisma.user.count()).resolves.toBe(0);
    await expect(db.prisma.schedulerHeartbeat.count()).resolves.toBe(0);
  });

  it('reports everything applied afterwards', async () => {
    expect(await checkDatabase(db.prisma)).toEqual({
      reachable: true,
      applied: migrationNames.length,
      pending: [],
      failed: [],
    });
    expect(await migrationStatus(db.engineAdapter)).toMatchObject({
      applied: migrationNames,
      pending: [],
      failed: [],
    });
  });

  it('treats a second deploy as a no-op', async () => {
    expect(await applyMigrations(db.engineAdapter)).toEqual([]);
    const [{ count }] = await db.prisma.$queryRawUnsafe<[{ count: number }]>(
      'SELECT count(*)::int AS count FROM _prisma_migrations',
    );
    expect(count).toBe(migrationNames.length);
  });

  describe('with a new migration', () => {
    let migrationsDir: string;
    const brokenName = '29991231235959_broken';
    const addedName = '29991231235958_add_note';

    beforeAll(async () => {
      migrationsDir = await mkdtemp(path.join(os.tmpdir(), 'stockvis-migrations-'));
      await cp(defaultMigrationsDir(), migrationsDir, { recursive: true });
      await mkdir(path.join(migrationsDir, addedName));
      await writeFile(
        path.join(migrationsDir, addedName, 'migration.sql'),
        '-- AlterTable\nALTER TABLE "User" ADD COLUMN "note" TEXT;\n',
      );
    });
    afterAll(async () => {
      await rm(migrationsDir, { recursive: true, force: true });
    });

    it('shows it pending, then applies only it', async () => {
      expect((await checkDatabase(db.prisma, migrationsDir)).pending).toEqual([addedName]);
      expect(await applyMigrations(db.engineAdapter, { migrationsDir })).toEqual([addedName]);
      expect((await migrationStatus(db.engineAdapter, { migrationsDir })).pending).toEqual([]);
    });

    it('reports a failing migration as failed and keeps it from being recorded as applied', async () => {
      await mkdir(path.join(migrationsDir, brokenName));
      await writeFile(
        path.join(migrationsDir, brokenName, 'migration.sql'),
        'CREATE TABLE "Broken" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INT;\n',
      );
      await expect(applyMigrations(db.engineAdapter, { migrationsDir })).rejects.toThrow(
        /NoSuchTable/,
      );
      expect(await checkDatabase(db.prisma, migrationsDir)).toMatchObject({
        reachable: true,
        pending: [],
        failed: [brokenName],
      });
      expect((await migrationStatus(db.engineAdapter, { migrationsDir })).failed).toEqual([
        brokenName,
      ]);
      // The script ran as one transaction: its first statement was rolled back too.
      const [{ present }] = await db.prisma.$queryRawUnsafe<[{ present: boolean }]>(
        `SELECT to_regclass('"Broken"') IS NOT NULL AS present`,
      );
      expect(present).toBe(false);
      // Further deploys refuse until the failure is resolved, as with the CLI (P3009).
      await expect(applyMigrations(db.engineAdapter, { migrationsDir })).rejects.toThrow(
        /failed migrations/i,
      );
    });
  });
});

describe('checkDatabase on an unreachable database', () => {
  it('says so instead of throwing', async () => {
    const db = await createTestDatabase({ migrate: false });
    await db.dispose();
    const result = await checkDatabase(db.prisma);
    expect(result.reachable).toBe(false);
    expect(result.error).toEqual(expect.any(String));
  });
});
