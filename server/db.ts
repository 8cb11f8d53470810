import { createDatabase, type DatabaseHandle } from '@/server/db/client';
import { applyMigrations } from '@/server/db/migrate';
import { appEnv } from '@/server/env';
import type { PrismaClient } from '@/server/generated/prisma/client';
import { logger } from '@/server/logger';

export { checkDatabase, type DatabaseCheck } from '@/server/db/health';
export type { DatabaseHandle, DatabaseKind } from '@/server/db/client';

/**
 * The process's database: PostgreSQL when DATABASE_URL is set, else the embedded PGlite. Opened
 * on first use, migrated (pending migrations applied) before anyone gets it, and kept on
 * globalThis so a dev-server hot reload does not open a second one.
 */

const globalForDb = globalThis as unknown as { stockvisDb?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.stockvisDb ??= openAndMigrate().catch((error: unknown) => {
    globalForDb.stockvisDb = undefined;
    throw error;
  });
  return globalForDb.stockvisDb;
}

export async function getDb(): Promise<PrismaClient> {
  return (await getDatabaseHandle()).prisma;
}

/** Disconnect and release the database (the embedded one's lock too). Safe to call twice. */
export async function closeDb(): Promise<void> {
  const pending = globalForDb.stockvisDb;
  globalForDb.stockvisDb = undefined;
  const handle = await pending?.catch(() => undefined);
  await handle?.close();
}

async function openAndMigrate(): Promise<DatabaseHandle> {
  const config = appEnv().database;
  const log = logger.child({
    module: 'db',
    database:
      config.kind === 'embedded'
        ? { kind: 'embedded', dataDir: config.dataDir }
        : { kind: 'postgres' },
  });
  const started = Date.now();
  const handle = await createDatabase(config);
  try {
    const applied = await applyMigrations(handle.engineAdapter, {
      log: (line) => log.trace({ engine: parseEngineLog(line) }, 'schema engine'),
    });
    log.info(
      { applied, ms: Date.now() - started },
      applied.length > 0
        ? `applied ${applied.length} migration(s)`
        : 'database ready, schema up to date',
    );
    return handle;
  } catch (error) {
    log.error({ err: error }, 'could not migrate the database');
    await handle.close().catch(() => {});
    throw error;
  }
}

function parseEngineLog(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return line;
  }
}
