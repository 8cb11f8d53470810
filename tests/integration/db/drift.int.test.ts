import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresEngineAdapter } from '@/server/db/engine-adapters/postgres';
import {
  createMigration,
  diffSchemaAgainstMigrations,
  MigrationNameError,
  NothingToMigrateError,
} from '@/server/db/migrate';
import { defaultMigrationsDir } from '@/server/db/migrations';
import { defaultSchemaPath } from '@/server/db/schema-engine';
import { onTestServer, testServerUrl } from '@/tests/helpers/test-db';

/** The project schema with one more column: a change no migration contains. */
async function changedSchema(): Promise<string> {
  const schema = await readFile(defaultSchemaPath(), 'utf8');
  const changed = schema.replace(
    /model Watchlist \{\n/,
    'model Watchlist {\n  description String?\n',
  );
  expect(changed).not.toBe(schema);
  return changed;
}

describe('schema drift (shadow database: in-memory PGlite)', () => {
  it('finds none between prisma/schema.prisma and prisma/migrations', async () => {
    const diff = await diffSchemaAgainstMigrations();
    expect(diff).toMatchObject({ empty: true });
  });

  it('detects a schema change no migration contains', async () => {
    const diff = await diffSchemaAgainstMigrations({ schemaText: await changedSchema() });
    expect(diff.empty).toBe(false);
    expect(diff.sql).toContain('ALTER TABLE "Watchlist" ADD COLUMN     "description" TEXT;');
  });
});

describe('createMigration', () => {
  let migrationsDir: string;
  let schemaPath: string;

  beforeAll(async () => {
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'stockvis-create-migration-'));
    migrationsDir = path.join(workDir, 'migrations');
    schemaPath = path.join(workDir, 'schema.prisma');
    await cp(defaultMigrationsDir(), migrationsDir, { recursive: true });
    await writeFile(schemaPath, await changedSchema());
  });
  afterAll(async () => {
    await rm(path.dirname(migrationsDir), { recursive: true, force: true });
  });

  it('rejects names that are not lower_snake_case before doing any work', async () => {
    for (const name of ['', 'Add-Things', 'add things', '../escape', '_leading']) {
      await expect(createMigration(name, { migrationsDir, schemaPath })).rejects.toBeInstanceOf(
        MigrationNameError,
      );
    }
  });

  it('writes the diff as <UTC timestamp>_<name>/migration.sql after the existing ones', async () => {
    const before = (await readdir(migrationsDir)).filter((entry) => /^\d{14}_/.test(entry)).sort();
    // A clock behind the newest migration must still produce a later directory name.
    const created = await createMigration('add_watchlist_description', {
      migrationsDir,
      schemaPath,
      now: new Date('2001-01-01T00:00:00Z'),
    });
    expect(created.name).toMatch(/^\d{14}_add_watchlist_description$/);
    expect(created.name > before.at(-1)!).toBe(true);
    const written = await readFile(path.join(created.directory, 'migration.sql'), 'utf8');
    expect(written).toBe(created.sql);
    expect(written).toContain('"description" TEXT');

    // The schema and the migrations now agree, so a second attempt refuses.
    expect(await diffSchemaAgainstMigrations({ migrationsDir, schemaPath })).toMatchObject({
      empty: true,
    });
    await expect(createMigration('again', { migrationsDir, schemaPath })).rejects.toBeInstanceOf(
      NothingToMigrateError,
    );
  });
});

// PostgreSQL as the shadow database, through @prisma/adapter-pg and our fixes for it.
describe.runIf(process.env.TEST_DB === 'postgres')(
  'schema drift (shadow database: PostgreSQL)',
  () => {
    const shadowDatabases = async () =>
      (
        await onTestServer(
          "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
        )
      ).rows.length;

    it('finds none, detects a change, and drops its shadow databases', async () => {
      const before = await shadowDatabases();
      const clean = await diffSchemaAgainstMigrations({
        engineAdapter: postgresEngineAdapter(testServerUrl()),
      });
      expect(clean.empty).toBe(true);
      const drifted = await diffSchemaAgainstMigrations({
        engineAdapter: postgresEngineAdapter(testServerUrl()),
        schemaText: await changedSchema(),
      });
      expect(drifted.sql).toContain('"description" TEXT');
      expect(await shadowDatabases()).toBe(before);
    });
  },
);
