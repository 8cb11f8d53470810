import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutboundMessage } from '@/server/alerts/channels/types';

/** One request as the provider would have received it. */
export type ReceivedRequest = {
  method: string;
  /** Path and query, e.g. `/bot123:abc/sendMessage`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
};

export type Reply = (request: ReceivedRequest, response: ServerResponse) => void;

export type LocalServer = {
  origin: string;
  requests: ReceivedRequest[];
  /** How the next requests are answered (a reply that never ends the response simulates a hang). */
  reply: (handler: Reply) => void;
  close: () => Promise<void>;
};

/** A plain HTTP server on 127.0.0.1 standing in for a provider's API. */
export async function startLocalServer(): Promise<LocalServer> {
  const requests: ReceivedRequest[] = [];
  let handler: Reply = (_, response) => response.writeHead(500).end();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const received: ReceivedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(received);
    handler(received, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    reply: (next) => {
      handler = next;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (_, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return (_, response) => {
    response.writeHead(status, { 'content-type': 'text/plain', ...headers });
    response.end(body);
  };
}

/** Accepts the request and never answers. */
export const hang: Reply = () => {};

/** A port nothing listens on: a server started and closed again. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A warning with markup-significant characters, a link and structured data. */
export const sampleMessage: OutboundMessage = {
  id: 'alert_01JD8ZQ4T7',
  kind: 'alert',
  severity: 'warning',
  title: 'Samsung Electronics <005930> up 5.2%',
  body: 'Price 81,200 KRW & rising\nDay change +5.2% (rule: day change beyond ±5%)',
  url: 'https://stockvis.example/stocks/005930.KS',
  occurredAt: '2026-11-23T01:30:00.000Z',
  data: { symbol: '005930.KS', changePct: 5.2, ruleId: null },
};
