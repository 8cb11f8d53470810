import os from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '@/server/generated/prisma/client';
import { parseEnv } from '@/server/env';
import { logger } from '@/server/logger';
import type { RealtimePublisher } from '@/server/realtime/publisher';
import { buildServices, type JobEvent, type ServiceDeps, type Services } from '@/server/services';

export type PublishedEvent = { channel: string; event: string; payload: unknown };

/** A publisher that records what would have been sent to browsers. */
export function createRecordingPublisher(): RealtimePublisher & { published: PublishedEvent[] } {
  const published: PublishedEvent[] = [];
  return {
    transport: 'sse',
    published,
    async publish(channel, event, payload) {
      published.push({ channel, event, payload });
    },
  };
}

/** Real domain services over a test database, with recording fakes for realtime and jobs. */
export function createTestServices(
  prisma: PrismaClient,
  kind: 'pglite' | 'postgres',
  overrides: Pick<ServiceDeps, 'marketDataProviders' | 'now'> = {},
) {
  const env = parseEnv({ NODE_ENV: 'test' }, path.join(os.tmpdir(), 'stockvis-test'));
  const realtime = createRecordingPublisher();
  const sentEvents: JobEvent[] = [];
  const services: Services = buildServices({
    env,
    secrets: {
      authSecret: 'x'.repeat(32),
      encryptionKey: Buffer.alloc(32).toString('base64'),
      source: 'generated',
    },
    log: logger,
    db: prisma,
    databaseKind: kind === 'pglite' ? 'embedded' : 'postgres',
    realtime,
    checkDatabase: async () => ({ reachable: true, applied: 1, pending: [], failed: [] }),
    sendEvents: async (events) => {
      sentEvents.push(...events);
    },
    ...overrides,
  });
  return { services, realtime, sentEvents };
}
