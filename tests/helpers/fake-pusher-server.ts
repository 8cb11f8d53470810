import { createHash, createHmac, randomInt } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { startPusherApiRecorder, type PusherApiRecorder } from './pusher-api-recorder';

/**
 * A small Pusher-protocol server for tests, since none installs here: the signature-checking HTTP
 * API of pusher-api-recorder.ts plus the WebSocket side pusher-js talks to (protocol 7). It
 * verifies private-channel signatures like Pusher ("<key>:" + HMAC-SHA256(secret,
 * "<socket_id>:<channel>")) and fans verified triggers out to subscribed sockets. Only what the
 * tests need: unfragmented text frames under 64 KB, no extensions, no presence or client events.
 */
export type FakePusherServer = PusherApiRecorder & {
  /** Subscriptions the server accepted, as "<socket_id> <channel>". */
  subscriptions: string[];
  /** Subscriptions refused for a bad signature. */
  refusedSubscriptions: string[];
};

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

type Socket = { id: string; stream: Duplex; channels: Set<string> };

function encodeTextFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header =
    payload.length < 126
      ? Buffer.from([0x81, payload.length])
      : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([header, payload]);
}

/** Client frames are masked (RFC 6455 §5.3). Returns the frames found and the unread rest. */
function decodeFrames(buffer: Buffer): {
  frames: { opcode: number; payload: Buffer }[];
  rest: Buffer;
} {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const opcode = buffer[offset]! & 0x0f;
    let length = buffer[offset + 1]! & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length < cursor + 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      throw new Error('fake Pusher server: frames over 64 KB are not supported');
    }
    if (buffer.length < cursor + 4 + length) break;
    const mask = buffer.subarray(cursor, cursor + 4);
    const payload = Buffer.from(buffer.subarray(cursor + 4, cursor + 4 + length));
    for (let i = 0; i < payload.length; i += 1) payload[i] = payload[i]! ^ mask[i % 4]!;
    frames.push({ opcode, payload });
    offset = cursor + 4 + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

export async function startFakePusherServer(app: {
  appId: string;
  key: string;
  secret: string;
}): Promise<FakePusherServer> {
  const sockets = new Set<Socket>();
  const subscriptions: string[] = [];
  const refusedSubscriptions: string[] = [];
  const send = (socket: Socket, message: Record<string, unknown>) =>
    socket.stream.write(encodeTextFrame(JSON.stringify(message)));

  const api = await startPusherApiRecorder({
    ...app,
    onTrigger: ({ body }) => {
      for (const channel of body.channels ?? (body.channel ? [body.channel] : [])) {
        for (const socket of sockets) {
          if (socket.channels.has(channel))
            send(socket, { event: body.name, channel, data: body.data });
        }
      }
    },
  });

  const handleMessage = (socket: Socket, text: string) => {
    const message = JSON.parse(text) as {
      event: string;
      data?: { channel?: string; auth?: string };
    };
    const channel = message.data?.channel ?? '';
    switch (message.event) {
      case 'pusher:ping':
        return send(socket, { event: 'pusher:pong', data: '{}' });
      case 'pusher:subscribe': {
        if (channel.startsWith('private-')) {
          const signature = createHmac('sha256', app.secret)
            .update(`${socket.id}:${channel}`)
            .digest('hex');
          if (message.data?.auth !== `${app.key}:${signature}`) {
            refusedSubscriptions.push(`${socket.id} ${channel}`);
            return send(socket, {
              event: 'pusher:error',
              data: { code: null, message: `Invalid signature for ${channel}` },
            });
          }
        }
        socket.channels.add(channel);
        subscriptions.push(`${socket.id} ${channel}`);
        return send(socket, {
          event: 'pusher_internal:subscription_succeeded',
          channel,
          data: '{}',
        });
      }
      case 'pusher:unsubscribe':
        socket.channels.delete(channel);
        return;
    }
  };

  api.server.on('upgrade', (request, stream: Duplex) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const key = request.headers['sec-websocket-key'];
    if (url.pathname !== `/app/${app.key}` || typeof key !== 'string') {
      stream.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const accept = createHash('sha1')
      .update(key + WS_GUID)
      .digest('base64');
    stream.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    const socket: Socket = {
      id: `${randomInt(1e6)}.${randomInt(1e6)}`,
      stream,
      channels: new Set(),
    };
    sockets.add(socket);
    send(socket, {
      event: 'pusher:connection_established',
      data: JSON.stringify({ socket_id: socket.id, activity_timeout: 120 }),
    });

    let pending: Buffer = Buffer.alloc(0);
    stream.on('data', (chunk: Buffer) => {
      const { frames, rest } = decodeFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const frame of frames) {
        if (frame.opcode === 0x1) handleMessage(socket, frame.payload.toString('utf8'));
        else if (frame.opcode === 0x8) stream.end(Buffer.from([0x88, 0]));
        else if (frame.opcode === 0x9)
          stream.write(Buffer.concat([Buffer.from([0x8a, frame.payload.length]), frame.payload]));
      }
    });
    stream.on('close', () => sockets.delete(socket));
    stream.on('error', () => sockets.delete(socket));
  });

  return {
    ...api,
    subscriptions,
    refusedSubscriptions,
    close: async () => {
      for (const socket of sockets) socket.stream.destroy();
      await api.close();
    },
  };
}
