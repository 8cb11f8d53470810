/**
 * Database command line: `tsx scripts/db.ts <command>` (npm run db:migrate | db:diff | db:status |
 * db:seed). Thin: the work is in server/db/*.
 */
import path from 'node:path';
import { createDatabase, type DatabaseHandle } from '@/server/db/client';
import { EmbeddedDatabaseLockedError } from '@/server/db/lock';
import {
  applyMigrations,
  createMigration,
  diffSchemaAgainstMigrations,
  MigrationNameError,
  migrationStatus,
  NothingToMigrateError,
} from '@/server/db/migrate';
import { SchemaEngineError } from '@/server/db/schema-engine';
import { seedDemoData, DEMO_USER } from '@/server/db/seed';
import { EnvError, parseEnv, type AppEnv } from '@/server/env';

const HELP = `Usage: tsx scripts/db.ts <command>

Commands:
  deploy         Apply pending migrations (npm run db:migrate).
  diff <name>    Write prisma/migrations/<timestamp>_<name>/migration.sql from the changes in
                 prisma/schema.prisma (npm run db:diff -- <name>). Needs no database server.
  check          Exit 1 if prisma/schema.prisma and the migrations disagree (drift), printing the SQL.
  status         List applied, pending and failed migrations; exit 1 unless all are applied.
  seed           Apply pending migrations, then create the demo user (${DEMO_USER.email}) if missing.

The database is PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite database under
STOCKVIS_DATA_DIR (default .data). The embedded database can only be opened by one process: stop
the running app before using deploy, status or seed on it.`;

function databaseConfig(): AppEnv['database'] {
  // Only the database settings: a migration must not require the app's secrets.
  return parseEnv({
    DATABASE_URL: process.env.DATABASE_URL,
    STOCKVIS_DATA_DIR: process.env.STOCKVIS_DATA_DIR,
  }).database;
}

function describe(config: AppEnv['database']): string {
  if (config.kind === 'embedded') {
    const relative = path.relative(process.cwd(), config.dataDir);
    return `embedded database at ${relative.startsWith('..') ? config.dataDir : relative}`;
  }
  const url = new URL(config.url);
  return `PostgreSQL database "${url.pathname.slice(1)}" on ${url.host}`;
}

async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const config = databaseConfig();
  console.log(`Using the ${describe(config)}.`);
  const handle = await createDatabase(config);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function deploy(): Promise<number> {
  return withDatabase(async (handle) => {
    const applied = await applyMigrations(handle.engineAdapter);
    if (applied.length === 0) console.log('No pending migrations: the database is up to date.');
    else console.log(`Applied ${applied.length} migration(s):\n${bullets(applied)}`);
    return 0;
  });
}

async function diff(name: string | undefined): Promise<number> {
  if (!name) {
    console.error('Give the migration a name: npm run db:diff -- <name>   (e.g. add_portfolios)');
    return 2;
  }
  const created = await createMigration(name);
  console.log(`Wrote ${path.relative(process.cwd(), created.directory)}/migration.sql:\n`);
  console.log(created.sql);
  console.log(
    'Review it, then apply it with npm run db:migrate (the app also applies it at start).',
  );
  return 0;
}

async function check(): Promise<number> {
  const result = await diffSchemaAgainstMigrations();
  if (result.empty) {
    console.log('prisma/schema.prisma and prisma/migrations agree: no drift.');
    return 0;
  }
  console.error(
    'prisma/schema.prisma has changes no migration contains (npm run db:diff -- <name>):',
  );
  console.error(result.sql);
  return 1;
}

async function status(): Promise<number> {
  return withDatabase(async (handle) => {
    const history = await migrationStatus(handle.engineAdapter);
    const sections: [string, string[]][] = [
      ['Applied', history.applied],
      ['Pending', history.pending],
      ['Failed (resolve before anything else applies)', history.failed],
      ['Edited after being applied', history.edited],
      ['Applied but missing from prisma/migrations', history.missing],
    ];
    for (const [title, names] of sections) {
      if (names.length > 0 || title === 'Applied' || title === 'Pending') {
        console.log(`${title}: ${names.length}${names.length ? `\n${bullets(names)}` : ''}`);
      }
    }
    const clean =
      history.pending.length + history.failed.length + history.edited.length === 0 &&
      history.missing.length === 0;
    console.log(clean ? 'The database is up to date.' : 'The database is not up to date.');
    return clean ? 0 : 1;
  });
}

async function seed(): Promise<number> {
  return withDatabase(async (handle) => {
    const applied = await applyMigrations(handle.engineAdapter);
    if (applied.length > 0) console.log(`Applied ${applied.length} pending migration(s) first.`);
    const result = await seedDemoData(handle.prisma);
    console.log(
      result.created
        ? `Created the demo user ${DEMO_USER.email} (password ${DEMO_USER.password}).`
        : `The demo user ${DEMO_USER.email} already exists; nothing to do.`,
    );
    return 0;
  });
}

function bullets(names: string[]): string {
  return names.map((name) => `  - ${name}`).join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'deploy':
      return deploy();
    case 'diff':
      return diff(rest[0]);
    case 'check':
      return check();
    case 'status':
      return status();
    case 'seed':
      return seed();
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

/** Errors users can act on get their message only; anything else gets the stack too. */
const expectedErrors = [
  EmbeddedDatabaseLockedError,
  MigrationNameError,
  NothingToMigrateError,
  SchemaEngineError,
  EnvError,
];

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const expected = expectedErrors.some((type) => error instanceof type);
  console.error(expected ? (error as Error).message : error);
  process.exitCode = 1;
}
