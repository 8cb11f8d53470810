import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/server/errors';
import { stockChannel, userChannel } from '@/server/realtime/channels';
import type { PusherConfig } from '@/server/realtime/config';
import { MAX_PAYLOAD_BYTES } from '@/server/realtime/message';
import { createPusherPublisher } from '@/server/realtime/publisher';
import {
  startPusherApiRecorder,
  type PusherApiRecorder,
} from '@/tests/helpers/pusher-api-recorder';

const app = { appId: '4242', key: 'test-key', secret: 'test-secret-0123456789' };
let api: PusherApiRecorder;

function configFor(overrides: Partial<PusherConfig> = {}): PusherConfig {
  return {
    ...app,
    cluster: 'ap3',
    host: api.host,
    port: api.port,
    useTLS: false,
    ...overrides,
  };
}

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'error' }, stream), lines };
}

async function rejectionOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeAll(async () => {
  api = await startPusherApiRecorder(app);
});
afterAll(async () => {
  await api.close();
});

describe('Pusher publisher against a signature-checking Pusher API', () => {
  it('sends a correctly signed trigger whose data round-trips', async () => {
    const publisher = createPusherPublisher(configFor());
    expect(publisher.transport).toBe('pusher');
    const before = api.triggers.length;
    const payload = {
      symbol: '005930.KS',
      price: '71200.00',
      at: '2026-11-22T00:00:00Z',
      한글: '삼성전자',
    };

    await publisher.publish(stockChannel('005930.KS'), 'tick', payload);

    expect(api.rejections).toEqual([]);
    const trigger = api.triggers[before];
    expect(trigger).toBeDefined();
    expect(trigger!.path).toBe(`/apps/${app.appId}/events`);
    expect(trigger!.query).toMatchObject({ auth_key: app.key, auth_version: '1.0' });
    expect(trigger!.body.name).toBe('tick');
    expect(trigger!.body.channels ?? [trigger!.body.channel]).toEqual(['stock-005930.KS']);
    expect(JSON.parse(trigger!.body.data)).toEqual(payload);
  });

  it('sends strings, numbers and null as JSON too, so pusher-js parses every payload alike', async () => {
    const publisher = createPusherPublisher(configFor());
    const before = api.triggers.length;
    await publisher.publish('system', 'heartbeat.recorded', 'hello');
    await publisher.publish('system', 'heartbeat.recorded', 42);
    await publisher.publish('system', 'heartbeat.recorded', undefined);
    expect(api.triggers.slice(before).map((t) => t.body.data)).toEqual(['"hello"', '42', 'null']);
  });

  it('is detected by the server when signed with the wrong secret, and throws UNAVAILABLE', async () => {
    const { logger, lines } = capturingLogger();
    const publisher = createPusherPublisher(configFor({ secret: 'not-the-secret' }), { logger });
    const before = api.triggers.length;

    const error = await rejectionOf(
      publisher.publish(userChannel('ckuser1'), 'watchlist.changed', { id: 1 }),
    );

    expect(error.code).toBe('UNAVAILABLE');
    expect(error.details.status).toBe(401);
    expect(api.triggers.length).toBe(before);
    expect(api.rejections.at(-1)).toMatchObject({ status: 401, reason: 'invalid signature' });
    const logged = lines.join('\n');
    expect(logged).toContain('Pusher trigger failed');
    expect(logged).toContain('private-user-ckuser1');
    expect(logged).not.toContain('not-the-secret');
    expect(logged).not.toContain('auth_signature');
  });

  it('throws UNAVAILABLE when the Pusher host cannot be reached', async () => {
    const closed = await startPusherApiRecorder(app);
    await closed.close();
    const publisher = createPusherPublisher(configFor({ port: closed.port }), {
      logger: capturingLogger().logger,
    });
    const error = await rejectionOf(publisher.publish('system', 'tick', null));
    expect(error.code).toBe('UNAVAILABLE');
  });

  it('refuses oversized payloads and bad names before any request is sent', async () => {
    const publisher = createPusherPublisher(configFor());
    const before = { triggers: api.triggers.length, rejections: api.rejections.length };

    const big = { blob: 'x'.repeat(MAX_PAYLOAD_BYTES) };
    const tooBig = await rejectionOf(publisher.publish('system', 'tick', big));
    expect(tooBig.code).toBe('INVALID');
    expect(tooBig.message).toMatch(/limit is 10240/);
    expect(tooBig.details).toMatchObject({ limit: MAX_PAYLOAD_BYTES });

    // Exactly at the limit is fine (the cap counts UTF-8 bytes of the JSON text).
    const exact = 'x'.repeat(MAX_PAYLOAD_BYTES - 2);
    await publisher.publish('system', 'tick', exact);

    expect((await rejectionOf(publisher.publish('private-admin', 'tick', 1))).code).toBe('INVALID');
    expect((await rejectionOf(publisher.publish('system', 'Bad Event', 1))).code).toBe('INVALID');
    expect((await rejectionOf(publisher.publish('system', 'tick', { n: 1n }))).code).toBe(
      'INVALID',
    );

    expect(api.triggers.length).toBe(before.triggers + 1);
    expect(api.rejections.length).toBe(before.rejections);
  });
});
