import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import type { EngineAdapterFactory } from '../schema-engine';
import { OpenedResources, overrideAdapter, toDriverAdapterError } from './delegate';

/**
 * The schema engine's adapter for PostgreSQL, built on @prisma/adapter-pg 7.10.1 with its defects
 * for migration work patched:
 * - its shadow database inherits the URL's database name when given a connectionString, so shadow
 *   work hits the main database. We create the shadow database ourselves and connect to it with
 *   the URL's database replaced.
 * - its shadow `dispose` drops the database before closing the pool ("being accessed by other
 *   users"). Ours closes the pool first, then `DROP DATABASE … WITH (FORCE)`.
 * - the catalog type `"char"` (OID 18, array 1002) is unmapped ("could not be deserialized"). A
 *   client subclass reports it as text / text[].
 * - `executeScript` splits the script on every ";" (breaking quoted or dollar-quoted bodies) and
 *   runs the pieces outside a transaction. Ours sends it as one simple-protocol query, which runs
 *   a multi-statement script atomically, like the CLI.
 */
export function postgresEngineAdapter(connectionString: string): EngineAdapterFactory {
  const opened = new OpenedResources();

  const connectTo = async (url: string, afterClose?: () => Promise<void>) => {
    const factory = new PrismaPg({ connectionString: url, Client: CharAsTextClient, max: 2 });
    const inner: SqlDriverAdapter = await factory.connect();
    const pool = (inner as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
    const close = opened.track(async () => {
      await inner.dispose();
      await afterClose?.();
    });
    return overrideAdapter(inner, {
      executeScript: async (script) => {
        await pool.query(script).catch((error: unknown) => {
          throw toDriverAdapterError(error);
        });
      },
      dispose: close,
    });
  };

  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectTo(connectionString),
    async connectToShadowDb() {
      const shadowName = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${shadowName}"`);
      } catch (error) {
        await admin.end();
        throw error;
      }
      const dropShadow = async () => {
        try {
          await admin.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
        } finally {
          await admin.end();
        }
      };
      try {
        return await connectTo(withDatabase(connectionString, shadowName), dropShadow);
      } catch (error) {
        await dropShadow();
        throw error;
      }
    },
    close: () => opened.closeAll(),
  };
}

/** The same server and credentials, another database. */
export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  url.searchParams.delete('database');
  return url.toString();
}

const TEXT = pg.types.builtins.TEXT;
const TEXT_ARRAY = 1009;
const CHAR_ARRAY = 1002;
const retypedOids = new Map([
  [pg.types.builtins.CHAR, TEXT],
  [CHAR_ARRAY, TEXT_ARRAY],
]);
// pg has no parser for "char"[] (it would stay a '{a,b}' string); parse it as text[].
const parseTextArray = pg.types.getTypeParser(
  TEXT_ARRAY as Parameters<typeof pg.types.getTypeParser>[0],
  'text',
);

type TypesConfig = { getTypeParser: (oid: number, format?: string) => unknown };
type FieldsCarrier = { fields?: { dataTypeID: number }[] };

/** A pg client that presents "char" columns as text (see postgresEngineAdapter). */
class CharAsTextClient extends pg.Client {
  // Client.query has many overloads (callback, promise, submittable); this forwards all of them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const [first] = args;
    if (first && typeof first === 'object' && 'text' in first && !('submit' in first)) {
      args[0] = withTextArrayParser(first as { types?: TypesConfig });
    }
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        last(error, error ? result : retype(result));
      return super.query(...(args as Parameters<pg.Client['query']>));
    }
    const outcome: unknown = super.query(...(args as Parameters<pg.Client['query']>));
    return outcome instanceof Promise ? outcome.then(retype) : outcome;
  }
}

function withTextArrayParser<T extends { types?: TypesConfig }>(config: T): T {
  const base = config.types?.getTypeParser ?? pg.types.getTypeParser;
  return {
    ...config,
    types: {
      getTypeParser: (oid: number, format?: string) =>
        oid === CHAR_ARRAY && format !== 'binary'
          ? parseTextArray
          : (base as TypesConfig['getTypeParser'])(oid, format),
    },
  };
}

function retype(result: unknown): unknown {
  for (const each of Array.isArray(result) ? result : [result]) {
    for (const field of (each as FieldsCarrier | undefined)?.fields ?? []) {
      field.dataTypeID = retypedOids.get(field.dataTypeID) ?? field.dataTypeID;
    }
  }
  return result;
}
