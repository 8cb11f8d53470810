import type { PGlite } from '@electric-sql/pglite';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { EngineAdapterFactory } from '../schema-engine';
import { openMemoryPglite } from '../pglite-template';
import { OpenedResources, overrideAdapter, toDriverAdapterError } from './delegate';

/**
 * The schema engine's adapter for PGlite, fixing two defects of pglite-prisma-adapter 0.7.2:
 * - `executeScript` does not await `exec`, so a failing migration is recorded as applied and its
 *   error escapes as an unhandled rejection;
 * - the shadow database (a fresh in-memory PGlite) is never closed.
 *
 * `db` is the database to migrate; it stays open (its owner closes it). Without `db`, the factory
 * works on throwaway in-memory databases: enough for diffs, which only need a shadow database.
 */
export function pgliteEngineAdapter(db?: PGlite): EngineAdapterFactory {
  const opened = new OpenedResources();

  const connectTo = async (pglite: PGlite, dispose: () => Promise<void>) => {
    // pglite-prisma-adapter brings its own copy of driver-adapter-utils (7.2); the shapes agree.
    const factory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
    const inner: SqlDriverAdapter = await factory.connect();
    return overrideAdapter(inner, {
      executeScript: (script) => executeScript(pglite, script),
      dispose,
    });
  };

  const openInMemory = async () => {
    const pglite = await openMemoryPglite();
    return { pglite, close: opened.track(() => pglite.close()) };
  };
  // Without `db` the engine only asks the main connection for the server version, so the first
  // shadow database doubles as it (one PGlite boot instead of two). It stays open until close().
  let scratch: Promise<PGlite> | undefined;
  const scratchDatabase = () => (scratch ??= openInMemory().then(({ pglite }) => pglite));
  let scratchLent = false;

  return {
    provider: 'postgres',
    adapterName: 'pglite-prisma-adapter',
    async connect() {
      return connectTo(db ?? (await scratchDatabase()), async () => {});
    },
    async connectToShadowDb() {
      if (!db && !scratchLent) {
        scratchLent = true;
        return connectTo(await scratchDatabase(), async () => {});
      }
      const shadow = await openInMemory();
      return connectTo(shadow.pglite, shadow.close);
    },
    async close() {
      scratch = undefined;
      scratchLent = false;
      await opened.closeAll();
    },
  };
}

async function executeScript(pglite: PGlite, script: string): Promise<void> {
  try {
    await pglite.exec(script);
  } catch (error) {
    throw toDriverAdapterError(error);
  }
}
