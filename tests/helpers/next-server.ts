import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** Starting and stopping `next start` for tests that need the built app. */

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const nextBin = path.join(repoRoot, 'node_modules', '.bin', 'next');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The developer's environment without anything that selects a deployment shape, so each test
 * states the shape it runs (embedded unless it passes DATABASE_URL and friends).
 */
export function cleanServerEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      /^(DATABASE_URL|REALTIME_TRANSPORT|JOBS_RUNNER|NEXTAUTH_\w+|ENCRYPTION_KEY|GITHUB_(ID|SECRET)|STOCKVIS_DATA_DIR)$/.test(
        key,
      ) ||
      /^(PUSHER|INNGEST)_/.test(key)
    ) {
      delete env[key];
    }
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...overrides };
}

export type NextServer = {
  baseUrl: string;
  process: ChildProcess;
  /** Everything the server printed so far (last 20 kB). */
  log(): string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
};

/** `next start` on a free port, in its own process group so stop() also ends its workers. */
export async function startNextServer(env: NodeJS.ProcessEnv): Promise<NextServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const child = spawn(nextBin, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, NEXTAUTH_URL: env.NEXTAUTH_URL ?? baseUrl },
  });
  child.stdout?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    baseUrl,
    process: child,
    log: () => lines.join('').slice(-20_000),
    exited,
    stop: () => stopProcessGroup(child, exited),
  };
}

async function stopProcessGroup(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Poll /api/health until it answers 200 (or the server dies, or time runs out). */
export async function waitForHealthy(server: NextServer, timeoutMs = 120_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) {
      throw new Error(
        `next start exited with ${server.process.exitCode} before becoming healthy.\n${server.log()}`,
      );
    }
    try {
      const response = await fetch(`${server.baseUrl}/api/health`, {
        signal: AbortSignal.timeout(5_000),
      });
      const body: unknown = await response.json().catch(() => null);
      if (response.status === 200) return body;
      last = `HTTP ${response.status}: ${JSON.stringify(body)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `No 200 from /api/health within ${timeoutMs / 1000} s (last: ${last}).\nServer log:\n${server.log()}`,
  );
}
