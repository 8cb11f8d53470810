import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Pusher's HTTP API on 127.0.0.1 that verifies each request's signature the way
 * Pusher documents it, computed here independently of the SDK:
 *   body_md5       = md5(body)
 *   auth_signature = HMAC-SHA256(secret, "POST\n<path>\n<query without auth_signature, keys sorted>")
 * Valid triggers are recorded; anything else is answered 401/404 (as Pusher does) and recorded as a
 * rejection with the reason.
 */
export type RecordedTrigger = {
  path: string;
  query: Record<string, string>;
  body: { name: string; channels?: string[]; channel?: string; data: string; socket_id?: string };
};

export type RejectedRequest = { path: string; status: number; reason: string };

export type PusherApiRecorder = {
  /** The underlying server, e.g. to also accept WebSocket upgrades (fake-pusher-server.ts). */
  server: Server;
  host: string;
  port: number;
  triggers: RecordedTrigger[];
  rejections: RejectedRequest[];
  close(): Promise<void>;
};

export function pusherSignature(secret: string, method: string, path: string, query: string) {
  return createHmac('sha256', secret).update(`${method}\n${path}\n${query}`).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startPusherApiRecorder(app: {
  appId: string;
  key: string;
  secret: string;
  /** Seconds a request's auth_timestamp may differ from now (Pusher allows 600). */
  maxClockSkewSeconds?: number;
  /** Called for each verified trigger, after it is recorded. */
  onTrigger?: (trigger: RecordedTrigger) => void;
}): Promise<PusherApiRecorder> {
  const triggers: RecordedTrigger[] = [];
  const rejections: RejectedRequest[] = [];
  const eventsPath = `/apps/${app.appId}/events`;

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(request);
    const reject = (status: number, reason: string) => {
      rejections.push({ path: url.pathname, status, reason });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(reason);
    };

    if (request.method !== 'POST' || url.pathname !== eventsPath) {
      return reject(404, `unexpected ${request.method} ${url.pathname}`);
    }
    const query = Object.fromEntries(url.searchParams);
    const { auth_signature: signature, ...signed } = query;
    if (signed.auth_key !== app.key) return reject(401, 'unknown auth_key');
    if (signed.auth_version !== '1.0') return reject(401, 'auth_version must be 1.0');
    const timestamp = Number(signed.auth_timestamp);
    const skew = Math.abs(Date.now() / 1000 - timestamp);
    if (!Number.isFinite(timestamp) || skew > (app.maxClockSkewSeconds ?? 600)) {
      return reject(401, 'auth_timestamp out of range');
    }
    if (signed.body_md5 !== createHash('md5').update(body, 'utf8').digest('hex')) {
      return reject(401, 'body_md5 mismatch');
    }
    const canonicalQuery = Object.keys(signed)
      .sort()
      .map((key) => `${key}=${signed[key]}`)
      .join('&');
    const expected = pusherSignature(app.secret, 'POST', url.pathname, canonicalQuery);
    if (!signature || !sameHex(signature, expected)) return reject(401, 'invalid signature');

    const trigger = {
      path: url.pathname,
      query,
      body: JSON.parse(body) as RecordedTrigger['body'],
    };
    triggers.push(trigger);
    app.onTrigger?.(trigger);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    host: '127.0.0.1',
    port,
    triggers,
    rejections,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
