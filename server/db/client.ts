import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { AppEnv } from '@/server/env';
import { PrismaClient } from '@/server/generated/prisma/client';
import { openEmbeddedDatabase } from './embedded';
import { pgliteEngineAdapter } from './engine-adapters/pglite';
import { postgresEngineAdapter } from './engine-adapters/postgres';
import type { EngineAdapterFactory } from './schema-engine';

/** Named like the configuration (AppEnv['database']['kind']). */
export type DatabaseKind = AppEnv['database']['kind'];

export type DatabaseHandle = {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** The same database for the schema engine (migrations); see migrate.ts. */
  engineAdapter: EngineAdapterFactory;
  /** Disconnect Prisma and release the database (for PGlite: close it and drop the lock). */
  close(): Promise<void>;
};

/**
 * Open the configured database: PostgreSQL through @prisma/adapter-pg, or the embedded PGlite
 * (exclusive per data directory, see embedded.ts). Does not migrate; see server/db.ts.
 */
export async function createDatabase(config: AppEnv['database']): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.url }) });
    const engineAdapter = postgresEngineAdapter(config.url);
    return {
      prisma,
      kind: 'postgres',
      engineAdapter,
      async close() {
        await prisma.$disconnect();
        await engineAdapter.close();
      },
    };
  }
  const embedded = await openEmbeddedDatabase(config.dataDir);
  const prisma = new PrismaClient({ adapter: pgliteClientAdapter(embedded.pglite) });
  const engineAdapter = pgliteEngineAdapter(embedded.pglite);
  return {
    prisma,
    kind: 'embedded',
    engineAdapter,
    async close() {
      // $disconnect does not close PGlite: without embedded.close() Node would not exit.
      try {
        await prisma.$disconnect();
        await engineAdapter.close();
      } finally {
        await embedded.close();
      }
    },
  };
}

/** pglite-prisma-adapter brings a nested driver-adapter-utils (7.2); its factory fits 7.10's. */
export function pgliteClientAdapter(
  pglite: ConstructorParameters<typeof PrismaPGlite>[0],
): SqlDriverAdapterFactory {
  return new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory;
}
