import type { MigrationOnDisk } from './migrations';

/** One row of Prisma Migrate's `_prisma_migrations` table, reduced to what status needs. */
export type MigrationRecord = {
  name: string;
  checksum: string;
  finished: boolean;
  rolledBack: boolean;
};

export type MigrationHistory = {
  /** On disk and recorded as finished, in directory order. */
  applied: string[];
  /** On disk, never started (or only rolled back). */
  pending: string[];
  /** Started but not finished and not rolled back: needs attention before anything else applies. */
  failed: string[];
  /** Applied, but the file on disk no longer matches the recorded checksum. */
  edited: string[];
  /** Recorded as applied but missing from the directory (another branch, or a deleted file). */
  missing: string[];
};

/** The table check and the history query, shared by every reader (engine adapter or Prisma). */
export const MIGRATIONS_TABLE_EXISTS_SQL =
  "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present";
export const MIGRATION_RECORDS_SQL =
  'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, ' +
  'rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations ORDER BY started_at';

/** Compare the directory with the recorded history, as `prisma migrate status` does. */
export function compareMigrationHistory(
  onDisk: readonly Pick<MigrationOnDisk, 'name' | 'checksum'>[],
  records: readonly MigrationRecord[],
): MigrationHistory {
  const live = records.filter((record) => !record.rolledBack);
  const finished = new Map(live.filter((r) => r.finished).map((r) => [r.name, r.checksum]));
  const failed = [...new Set(live.filter((r) => !r.finished).map((r) => r.name))].filter(
    (name) => !finished.has(name),
  );
  const diskNames = new Set(onDisk.map((migration) => migration.name));

  const applied: string[] = [];
  const pending: string[] = [];
  const edited: string[] = [];
  for (const migration of onDisk) {
    const recorded = finished.get(migration.name);
    if (recorded === undefined) {
      if (!failed.includes(migration.name)) pending.push(migration.name);
      continue;
    }
    applied.push(migration.name);
    if (!checksumMatches(recorded, migration.checksum)) edited.push(migration.name);
  }
  const missing = [...finished.keys()].filter((name) => !diskNames.has(name));
  return { applied, pending, failed, edited, missing };
}

function checksumMatches(recorded: string, onDisk: string): boolean {
  return recorded.toLowerCase() === onDisk.toLowerCase();
}
