import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, pgliteClientAdapter } from '@/server/db/client';
import { pgliteEngineAdapter } from '@/server/db/engine-adapters/pglite';
import { withDatabase } from '@/server/db/engine-adapters/postgres';
import { applyMigrations } from '@/server/db/migrate';
import { openMemoryPglite } from '@/server/db/pglite-template';
import type { EngineAdapterFactory } from '@/server/db/schema-engine';
import { PrismaClient } from '@/server/generated/prisma/client';

export type TestDatabase = {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgres';
  /** The same database for the schema engine (migrate.ts functions). */
  engineAdapter: EngineAdapterFactory;
  /** PostgreSQL only: the database's URL. */
  url?: string;
  dispose(): Promise<void>;
};

export type TestDatabaseOptions = {
  /** Apply prisma/migrations (default true). */
  migrate?: boolean;
};

/**
 * A fresh, empty database with the migrations applied: an in-memory PGlite by default, or with
 * TEST_DB=postgres a new database on the server at TEST_DATABASE_URL, dropped by dispose().
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const database =
    process.env.TEST_DB === 'postgres'
      ? await createPostgresDatabase()
      : await createPgliteDatabase();
  if (options.migrate ?? true) {
    try {
      await applyMigrations(database.engineAdapter);
    } catch (error) {
      await database.dispose();
      throw error;
    }
  }
  return database;
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const pglite = await openMemoryPglite();
  const prisma = new PrismaClient({ adapter: pgliteClientAdapter(pglite) });
  const engineAdapter = pgliteEngineAdapter(pglite);
  return {
    prisma,
    kind: 'pglite',
    engineAdapter,
    async dispose() {
      try {
        await prisma.$disconnect();
        await engineAdapter.close();
      } finally {
        await pglite.close();
      }
    },
  };
}

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DB=postgres needs TEST_DATABASE_URL, a server where test databases may be created ' +
        '(e.g. postgresql://postgres@127.0.0.1:5432/test).',
    );
  }
  return url;
}

/** Run one statement on the test server's maintenance connection (CREATE / DROP DATABASE). */
export async function onTestServer(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `stockvis_test_${randomBytes(6).toString('hex')}`;
  await onTestServer(`CREATE DATABASE "${name}"`);
  const url = withDatabase(testServerUrl(), name);
  const drop = () => onTestServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  const handle = await createDatabase({ kind: 'postgres', url }).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  return {
    prisma: handle.prisma,
    kind: 'postgres',
    engineAdapter: handle.engineAdapter,
    url,
    async dispose() {
      try {
        await handle.close();
      } finally {
        await drop();
      }
    },
  };
}
