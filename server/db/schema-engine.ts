import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import type * as SchemaEngineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';

/**
 * Prisma's WebAssembly schema engine (the migrate/diff engine behind `prisma migrate`), driven
 * through a driver adapter. The CLI's native engine cannot be downloaded here; this one ships in
 * an npm package and speaks to PostgreSQL or PGlite through the adapter we hand it.
 */

export type { SchemaEngine };
type Bindings = typeof SchemaEngineBindings;

const globalForEngine = globalThis as unknown as { stockvisSchemaEngineWasm?: Promise<Bindings> };

/**
 * Instantiate the wasm module once per process. The package's own entry imports the .wasm file as
 * an ES module, which Node cannot do; so we load the JS glue by file URL and wire the instance in
 * ourselves. Cached on globalThis so a dev-server hot reload does not re-instantiate it.
 */
export function loadSchemaEngineWasm(): Promise<Bindings> {
  globalForEngine.stockvisSchemaEngineWasm ??= instantiate().catch((error: unknown) => {
    globalForEngine.stockvisSchemaEngineWasm = undefined;
    throw error;
  });
  return globalForEngine.stockvisSchemaEngineWasm;
}

async function instantiate(): Promise<Bindings> {
  const gluePath = resolveFromProject('@prisma/schema-engine-wasm/schema_engine_bg');
  const bindings = (await import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(gluePath).href
  )) as Bindings;
  const wasmBytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(wasmBytes, {
    './schema_engine_bg.js': withUnrefTimers(bindings),
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bindings;
}

/** Resolve from the project root (where the app runs), else from this module. */
function resolveFromProject(specifier: string): string {
  try {
    return createRequire(path.join(process.cwd(), 'package.json')).resolve(specifier);
  } catch {
    return createRequire(import.meta.url).resolve(specifier);
  }
}

/**
 * The engine arms 10 s timers (e.g. around its migration advisory lock) and never clears them, so
 * a finished `db:migrate` would linger 10 s. Its timers only bound I/O that keeps the process alive
 * anyway, so they are unref'd.
 */
function withUnrefTimers(bindings: Bindings): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = {
    ...(bindings as unknown as WebAssembly.ModuleImports),
  };
  for (const [name, value] of Object.entries(imports)) {
    if (name.startsWith('__wbg_setTimeout_') && typeof value === 'function') {
      imports[name] = (...args: unknown[]) => {
        const timer = (value as (...args: unknown[]) => unknown)(...args);
        (timer as { unref?: () => void } | undefined)?.unref?.();
        return timer;
      };
    }
  }
  return imports;
}

export type SchemaFile = { path: string; content: string };

/** The project's Prisma schema, resolved from the project root (where the app and scripts run). */
export function defaultSchemaPath(): string {
  return path.resolve(process.cwd(), 'prisma', 'schema.prisma');
}

export async function readSchemaFile(
  schemaPath: string = defaultSchemaPath(),
): Promise<SchemaFile> {
  return {
    path: schemaPath,
    content: await readFile(/*turbopackIgnore: true*/ schemaPath, 'utf8'),
  };
}

/** An adapter factory the engine can use, plus a way to release whatever it opened. */
export type EngineAdapterFactory = SqlMigrationAwareDriverAdapterFactory & {
  close(): Promise<void>;
};

export type EngineLog = (line: string) => void;

/**
 * Run `work` with a fresh engine bound to `adapter` and the given schema; the engine is freed and
 * every connection the adapter opened is closed afterwards, whatever happens.
 */
export async function withSchemaEngine<T>(
  options: { adapter: EngineAdapterFactory; schema: SchemaFile; log?: EngineLog },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine: Engine } = await loadSchemaEngineWasm();
  const log = options.log ?? (() => {});
  try {
    const engine = await Engine.new(
      { datamodels: [[options.schema.path, options.schema.content]] },
      (line: string) => log(line),
      bindMigrationAwareSqlAdapterFactory(options.adapter),
    ).catch((error: unknown) => {
      throw engineError('Connecting the schema engine to the database failed', error);
    });
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await options.adapter.close();
  }
}

/** A failure reported by the schema engine (unreachable database, failed migration, …). */
export class SchemaEngineError extends Error {
  override readonly name = 'SchemaEngineError';
}

/** The engine reports errors as objects or JSON strings; turn them into a readable Error. */
export function engineError(context: string, error: unknown): SchemaEngineError {
  return new SchemaEngineError(`${context}: ${describeEngineError(error)}`, { cause: error });
}

function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const record = error as Record<string, unknown>;
    if (typeof record.message === 'string') return record.message;
    return JSON.stringify(error);
  }
  return String(error);
}
