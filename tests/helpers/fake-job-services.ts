import type { Heartbeat } from '@/server/system/heartbeat';
import type { JobEvent, Services } from '@/server/services';
import { createRecordingPublisher } from './test-services';

/**
 * The services Inngest functions use, without a database: an in-memory heartbeat store, a
 * recording realtime publisher and a recording job sender. Members that are not faked throw when
 * touched, so a function reaching for something new fails loudly instead of reading undefined.
 */
export function createFakeJobServices({
  runner = 'local',
  now = () => new Date(),
}: { runner?: 'local' | 'inngest'; now?: () => Date } = {}) {
  const heartbeats: Heartbeat[] = [];
  const calls = { record: 0, prune: [] as Date[] };
  /** Errors the next `recordHeartbeat` calls throw, in order (for retry tests). */
  const recordFailures: Error[] = [];
  let nextId = 1;

  const system: Services['system'] = {
    async recordHeartbeat(input) {
      calls.record += 1;
      const failure = recordFailures.shift();
      if (failure) throw failure;
      const heartbeat: Heartbeat = { id: String(nextId++), recordedAt: now(), ...input };
      heartbeats.push(heartbeat);
      return heartbeat;
    },
    async latestHeartbeat() {
      return heartbeats.at(-1) ?? null;
    },
    async pruneHeartbeats(olderThan) {
      calls.prune.push(olderThan);
      const kept = heartbeats.filter((heartbeat) => heartbeat.recordedAt >= olderThan);
      const removed = heartbeats.length - kept.length;
      heartbeats.splice(0, heartbeats.length, ...kept);
      return removed;
    },
    health: () => Promise.reject(new Error('health is not faked')),
    requestHeartbeat: () => Promise.reject(new Error('requestHeartbeat is not faked')),
  };

  const realtime = createRecordingPublisher();
  const sentEvents: JobEvent[] = [];
  const services = partialServices({
    realtime,
    system,
    jobs: {
      runner,
      send: async (events) => {
        sentEvents.push(...(Array.isArray(events) ? events : [events]));
      },
    },
  });
  return { services, heartbeats, calls, recordFailures, published: realtime.published, sentEvents };
}

function partialServices(members: Partial<Services>): Services {
  return new Proxy(members, {
    get(target, property) {
      if (property in target) return Reflect.get(target, property);
      // getServices() resolves a promise with this object, which probes `then`.
      if (property === 'then' || typeof property === 'symbol') return undefined;
      throw new Error(`services.${property} is not faked in createFakeJobServices`);
    },
  }) as Services;
}
