/**
 * Browser tests' global setup: builds the app (unless E2E_SKIP_BUILD=1, as CI builds first),
 * starts `next start` on a free port against a fresh embedded database (so the demo user is
 * seeded), waits for /api/health and hands the base URL to the tests. Without Chromium the tests
 * are skipped with a clear message, or fail when REQUIRE_BROWSER=1.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  cleanServerEnv,
  repoRoot,
  startNextServer,
  waitForHealthy,
} from '@/tests/helpers/next-server';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: { baseUrl: string; chromePath: string } | { skipReason: string };
  }
}

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'next'), ['build'], {
      cwd: repoRoot,
      env: cleanServerEnv({ NODE_ENV: 'production' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`next build exited with ${code}:\n${output.join('')}`)),
    );
  });
}

export default async function setup(project: TestProject) {
  const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(chromePath)) {
    if (process.env.REQUIRE_BROWSER === '1') {
      throw new Error(
        `Chromium not found at ${chromePath}, and REQUIRE_BROWSER=1 requires the browser tests ` +
          '(set CHROME_PATH or install chromium).',
      );
    }
    const message = `Chromium not found at ${chromePath}; skipping browser tests (set CHROME_PATH or install chromium)`;
    console.warn(message);
    project.provide('e2e', { skipReason: message });
    return;
  }

  mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
  if (process.env.E2E_SKIP_BUILD !== '1') {
    console.log('[e2e] next build … (set E2E_SKIP_BUILD=1 to reuse an existing build)');
    await build();
  }

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stockvis-e2e-'));
  const server = await startNextServer(
    cleanServerEnv({
      NODE_ENV: 'production',
      STOCKVIS_DATA_DIR: dataDir,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    }),
  );
  try {
    await waitForHealthy(server);
  } catch (error) {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  console.log(`[e2e] app ready at ${server.baseUrl} (data in ${dataDir})`);
  project.provide('e2e', { baseUrl: server.baseUrl, chromePath });

  return async () => {
    await server.stop();
    if (process.env.E2E_KEEP_LOG === '1') console.log(server.log());
    rmSync(dataDir, { recursive: true, force: true });
  };
}
