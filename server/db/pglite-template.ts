import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * PGlite instances started from a cached, freshly initialised data directory. A cold PGlite
 * spends most of its boot in initdb (4–18 s on two busy cores); loading the initdb result from a
 * tarball takes 1–5 s. The template is built once, kept for the process, and written to a cache
 * file keyed by the PGlite version so other processes (test files, scripts) reuse it.
 */

/** A new in-memory database (shadow databases, tests). */
export async function openMemoryPglite(): Promise<PGlite> {
  return createFromTemplate(undefined);
}

/** A file-backed database; a new (missing or empty) directory is filled from the template. */
export async function openFilePglite(dataDir: string): Promise<PGlite> {
  await mkdir(dataDir, { recursive: true });
  if ((await readdir(dataDir)).length > 0) return PGlite.create(dataDir);
  return createFromTemplate(dataDir);
}

async function createFromTemplate(dataDir: string | undefined): Promise<PGlite> {
  const template = await loadTemplate();
  if (template) {
    try {
      return await PGlite.create(dataDir, { loadDataDir: template });
    } catch {
      // A damaged cache file: forget it and start cold.
      globalForTemplate.stockvisPgliteTemplate = undefined;
      await rm(templatePath(), { force: true });
      if (dataDir) await emptyDirectory(dataDir);
    }
  }
  return PGlite.create(dataDir);
}

const globalForTemplate = globalThis as unknown as {
  stockvisPgliteTemplate?: Promise<Blob | null>;
};

function loadTemplate(): Promise<Blob | null> {
  globalForTemplate.stockvisPgliteTemplate ??= readOrBuildTemplate();
  return globalForTemplate.stockvisPgliteTemplate;
}

async function readOrBuildTemplate(): Promise<Blob | null> {
  const file = templatePath();
  const cached = await readFile(file).catch(() => null);
  if (cached && cached.byteLength > 0) return new Blob([cached]);
  try {
    const fresh = await PGlite.create();
    const dump = await fresh.dumpDataDir('none');
    await fresh.close();
    await writeAtomically(file, Buffer.from(await dump.arrayBuffer()));
    return dump;
  } catch {
    // Without a template every instance simply runs initdb itself.
    return null;
  }
}

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  } catch {
    // A read-only install (e.g. a serverless bundle) keeps the template in memory only.
    await rm(temporary, { force: true }).catch(() => {});
  }
}

async function emptyDirectory(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) {
    await rm(path.join(dir, entry), { recursive: true, force: true });
  }
}

function templatePath(): string {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  // The package does not export its package.json; its entry lives in <package>/dist/.
  const packageRoot = path.dirname(path.dirname(require.resolve('@electric-sql/pglite')));
  const { version } = require(path.join(packageRoot, 'package.json')) as { version: string };
  const base = existsSync(path.join(process.cwd(), 'node_modules'))
    ? path.join(process.cwd(), 'node_modules', '.cache', 'stockvis')
    : path.join(os.tmpdir(), 'stockvis-cache');
  return path.join(base, `pglite-${version}-initdb.tar`);
}
