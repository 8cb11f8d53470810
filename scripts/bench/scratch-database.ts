import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '@/server/db/client';
import { withDatabase } from '@/server/db/engine-adapters/postgres';
import { applyMigrations } from '@/server/db/migrate';

export type ScratchDatabase = {
  handle: DatabaseHandle;
  /** e.g. `127.0.0.1:5432 (scratch database stockvis_bench_1a2b3c4d5e)` */
  label: string;
  /** Close the connection and drop the database. */
  dispose(): Promise<void>;
};

/**
 * A fresh, migrated database for a benchmark on the PostgreSQL server at BENCH_DATABASE_URL /
 * TEST_DATABASE_URL (default: the local trust-auth server's `test` database), dropped by dispose().
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const server =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgresql://postgres@127.0.0.1:5432/test';
  const name = `stockvis_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const drop = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  try {
    const handle = await createDatabase({ kind: 'postgres', url: withDatabase(server, name) });
    await applyMigrations(handle.engineAdapter);
    return {
      handle,
      label: `${new URL(server).host} (scratch database ${name})`,
      async dispose() {
        try {
          await handle.close();
        } finally {
          await drop();
        }
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}
