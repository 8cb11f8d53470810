import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A local HTTP server replaying provider fixtures: each request is recorded and answered by the
 * test's handler (a status and body, or `hang` to never answer, for timeouts). Port 0, so tests
 * run in parallel.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export type FixtureReply =
  { status?: number; body: string; headers?: Record<string, string> } | { hang: true };

export type FixtureHandler = (request: RecordedRequest) => FixtureReply | Promise<FixtureReply>;

export interface FixtureHttpServer {
  url: string;
  requests: RecordedRequest[];
  setHandler(handler: FixtureHandler): void;
  close(): Promise<void>;
}

const fixturesRoot = path.resolve(import.meta.dirname, '../fixtures/market-data');

/** A fixture's text, by its path under tests/fixtures/market-data. */
export function readFixture(relativePath: string): string {
  return readFileSync(path.join(fixturesRoot, relativePath), 'utf8');
}

export function fixtureReply(relativePath: string, status = 200): FixtureReply {
  return {
    status,
    body: readFixture(relativePath),
    headers: { 'content-type': 'application/json' },
  };
}

export async function startFixtureHttpServer(handler: FixtureHandler): Promise<FixtureHttpServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fixture.local');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve(current(recorded)).then(
        (reply) => {
          if ('hang' in reply) return;
          res.writeHead(reply.status ?? 200, reply.headers ?? {});
          res.end(reply.body);
        },
        (error: unknown) => {
          res.writeHead(599);
          res.end(`fixture handler failed: ${String(error)}`);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setHandler(next) {
      current = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
