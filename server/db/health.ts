import type { PrismaClient } from '@/server/generated/prisma/client';
import {
  compareMigrationHistory,
  MIGRATION_RECORDS_SQL,
  MIGRATIONS_TABLE_EXISTS_SQL,
  type MigrationRecord,
} from './migration-history';
import { readMigrations } from './migrations';

export type DatabaseCheck = {
  reachable: boolean;
  /** Migrations from the directory recorded as applied. */
  applied: number;
  pending: string[];
  failed: string[];
  error?: string;
};

/**
 * Is the database reachable, and are all migrations applied? Two cheap queries against
 * `_prisma_migrations` compared with the migrations directory; no schema engine involved.
 */
export async function checkDatabase(
  prisma: PrismaClient,
  migrationsDir?: string,
): Promise<DatabaseCheck> {
  let records: MigrationRecord[];
  try {
    const [table] = await prisma.$queryRawUnsafe<{ present: boolean }[]>(
      MIGRATIONS_TABLE_EXISTS_SQL,
    );
    records = table?.present
      ? (
          await prisma.$queryRawUnsafe<
            { migration_name: string; checksum: string; finished: boolean; rolled_back: boolean }[]
          >(MIGRATION_RECORDS_SQL)
        ).map((row) => ({
          name: row.migration_name,
          checksum: row.checksum,
          finished: row.finished,
          rolledBack: row.rolled_back,
        }))
      : [];
  } catch (error) {
    return { reachable: false, applied: 0, pending: [], failed: [], error: messageOf(error) };
  }
  try {
    const history = compareMigrationHistory(await readMigrations(migrationsDir), records);
    return {
      reachable: true,
      applied: history.applied.length,
      pending: history.pending,
      failed: history.failed,
    };
  } catch (error) {
    return { reachable: true, applied: 0, pending: [], failed: [], error: messageOf(error) };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
