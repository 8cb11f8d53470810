import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SchemaFilter } from '@prisma/schema-engine-wasm';
import { pgliteEngineAdapter } from './engine-adapters/pglite';
import {
  compareMigrationHistory,
  MIGRATION_RECORDS_SQL,
  MIGRATIONS_TABLE_EXISTS_SQL,
  type MigrationHistory,
  type MigrationRecord,
} from './migration-history';
import {
  defaultMigrationsDir,
  LOCKFILE,
  LOCKFILE_CONTENT,
  loadMigrationList,
  MIGRATION_FILE,
  readMigrations,
} from './migrations';
import {
  engineError,
  readSchemaFile,
  withSchemaEngine,
  type EngineAdapterFactory,
  type EngineLog,
} from './schema-engine';

/**
 * Migrations through Prisma's wasm schema engine: deploy, diff, create and status, with the same
 * files and `_prisma_migrations` bookkeeping as the Prisma CLI.
 */

export type MigrateOptions = {
  /** Defaults to prisma/migrations under the working directory. */
  migrationsDir?: string;
  /** Defaults to prisma/schema.prisma under the working directory. */
  schemaPath?: string;
  log?: EngineLog;
};

const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };

/** What the engine prints for a diff with no steps. */
export const EMPTY_MIGRATION_MARKER = '-- This is an empty migration.';

/**
 * Apply every pending migration to the target database (`prisma migrate deploy`). Returns the
 * names just applied (empty when up to date). The target factory is closed afterwards.
 */
export async function applyMigrations(
  target: EngineAdapterFactory,
  options: MigrateOptions = {},
): Promise<string[]> {
  const migrationsList = await loadMigrationList(options.migrationsDir);
  const schema = await readSchemaFile(options.schemaPath);
  return withSchemaEngine({ adapter: target, schema, log: options.log }, async (engine) => {
    try {
      const output = await engine.applyMigrations({ migrationsList, filters: noFilters });
      return output.appliedMigrationNames;
    } catch (error) {
      throw engineError('Applying migrations failed', error);
    }
  });
}

export type SchemaDiff = { sql: string; empty: boolean };

/**
 * The SQL that would bring a database built from the migrations up to the schema. The migrations
 * are replayed on a shadow database: by default an in-memory PGlite, so no server is needed (or
 * the shadow database of `engineAdapter`). `empty` means no drift.
 */
export async function diffSchemaAgainstMigrations(
  options: MigrateOptions & { schemaText?: string; engineAdapter?: EngineAdapterFactory } = {},
): Promise<SchemaDiff> {
  const migrationsList = await loadMigrationList(options.migrationsDir);
  const schema =
    options.schemaText === undefined
      ? await readSchemaFile(options.schemaPath)
      : { path: options.schemaPath ?? 'schema.prisma', content: options.schemaText };
  return withSchemaEngine(
    { adapter: options.engineAdapter ?? pgliteEngineAdapter(), schema, log: options.log },
    async (engine) => {
      try {
        const result = await engine.diff({
          from: { tag: 'migrations', ...migrationsList },
          to: { tag: 'schemaDatamodel', files: [schema] },
          script: true,
          exitCode: null,
          filters: noFilters,
        });
        const sql = result.stdout ?? '';
        return { sql, empty: isEmptyMigration(sql) };
      } catch (error) {
        throw engineError('Comparing the schema with the migrations failed', error);
      }
    },
  );
}

function isEmptyMigration(sql: string): boolean {
  const trimmed = sql.trim();
  return trimmed === '' || trimmed === EMPTY_MIGRATION_MARKER;
}

export class MigrationNameError extends Error {
  override readonly name = 'MigrationNameError';
}

export class NothingToMigrateError extends Error {
  override readonly name = 'NothingToMigrateError';
}

const MIGRATION_NAME = /^[a-z0-9][a-z0-9_]{0,99}$/;

export type CreatedMigration = { name: string; directory: string; sql: string };

/**
 * Write the diff between the migrations and the schema as a new migration
 * (`<UTC yyyymmddHHMMss>_<name>/migration.sql`), like `prisma migrate dev --create-only`.
 */
export async function createMigration(
  name: string,
  options: MigrateOptions & { now?: Date } = {},
): Promise<CreatedMigration> {
  if (!MIGRATION_NAME.test(name)) {
    throw new MigrationNameError(
      `Invalid migration name "${name}": use lower-case letters, digits and underscores ` +
        '(start with a letter or digit, at most 100 characters), e.g. add_portfolios.',
    );
  }
  const migrationsDir = path.resolve(
    /*turbopackIgnore: true*/ options.migrationsDir ?? defaultMigrationsDir(),
  );
  const diff = await diffSchemaAgainstMigrations({ ...options, migrationsDir });
  if (diff.empty) {
    throw new NothingToMigrateError(
      'No changes: prisma/schema.prisma already matches the migrations, so there is nothing to ' +
        'write. Change the schema first, then create the migration.',
    );
  }
  const existing = await readMigrations(migrationsDir);
  const directoryName = migrationDirectoryName(
    name,
    options.now ?? new Date(),
    existing.at(-1)?.name,
  );
  const directory = path.join(migrationsDir, directoryName);
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, MIGRATION_FILE), diff.sql, { flag: 'wx' });
  await writeFile(path.join(/*turbopackIgnore: true*/ migrationsDir, LOCKFILE), LOCKFILE_CONTENT, {
    flag: 'wx',
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return { name: directoryName, directory, sql: diff.sql };
}

/**
 * `<UTC yyyymmddHHMMss>_<name>`, the timestamp bumped past the latest existing migration (a clock
 * behind it, or two migrations in one second) so directory order stays creation order.
 */
export function migrationDirectoryName(
  name: string,
  now: Date,
  latestExisting: string | undefined,
): string {
  const latest = latestExisting ? parseTimestamp(latestExisting.slice(0, 14)) : undefined;
  const second = Math.floor(now.getTime() / 1000) * 1000;
  const at = latest !== undefined && latest >= second ? latest + 1000 : second;
  return `${new Date(at).toISOString().replace(/\D/g, '').slice(0, 14)}_${name}`;
}

function parseTimestamp(digits: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(digits);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
}

/**
 * Applied / pending / failed migrations of the target database, from `_prisma_migrations`
 * compared with the directory (what `prisma migrate status` reports). The target is closed after.
 */
export async function migrationStatus(
  target: EngineAdapterFactory,
  options: Pick<MigrateOptions, 'migrationsDir'> = {},
): Promise<MigrationHistory> {
  const onDisk = await readMigrations(options.migrationsDir);
  try {
    const connection = await target.connect();
    const query = (sql: string) => connection.queryRaw({ sql, args: [], argTypes: [] });
    const [present] = (await query(MIGRATIONS_TABLE_EXISTS_SQL)).rows;
    const records: MigrationRecord[] = present?.[0]
      ? (await query(MIGRATION_RECORDS_SQL)).rows.map((row) => ({
          name: String(row[0]),
          checksum: String(row[1]),
          finished: Boolean(row[2]),
          rolledBack: Boolean(row[3]),
        }))
      : [];
    return compareMigrationHistory(onDisk, records);
  } finally {
    await target.close();
  }
}
