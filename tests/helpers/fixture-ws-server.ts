import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/**
 * A local websocket server for stream tests: records every text message clients send, lets the
 * test push frames (fixtures) to connected clients, and can drop every connection to exercise
 * reconnects. `onMessage` answers client messages (e.g. a subscribe success per subscription).
 */
export interface FixtureWsServer {
  url: string;
  /** Every text message received, across connections, in order. */
  received: string[];
  /** Connections accepted so far (a reconnect adds one). */
  connectionCount(): number;
  openClients(): WebSocket[];
  /** Sends to every open client. */
  broadcast(text: string): void;
  /** Kills every connection without a closing handshake, like a network drop. */
  dropAll(): void;
  close(): Promise<void>;
}

export async function startFixtureWsServer(
  options: { onMessage?: (text: string, socket: WebSocket) => void } = {},
): Promise<FixtureWsServer> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const received: string[] = [];
  let connections = 0;
  server.on('connection', (socket) => {
    connections += 1;
    socket.on('message', (data) => {
      const text = data.toString();
      received.push(text);
      options.onMessage?.(text, socket);
    });
  });
  const { port } = server.address() as AddressInfo;
  const open = () => [...server.clients].filter((c) => c.readyState === WebSocket.OPEN);
  return {
    url: `ws://127.0.0.1:${port}`,
    received,
    connectionCount: () => connections,
    openClients: open,
    broadcast(text) {
      for (const client of open()) client.send(text);
    },
    dropAll() {
      for (const client of server.clients) client.terminate();
    },
    close() {
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
