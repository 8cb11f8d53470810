import { cron } from 'inngest';
import { getServices } from '@/server/services';
import { SYSTEM_CHANNEL } from '@/server/realtime/channels';
import { inngest } from '../client';
import { callService } from '../errors';
import { heartbeatRequested } from '../events';

/** Heartbeats older than this are deleted; the health check only reads the latest one. */
const HEARTBEAT_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Proves the scheduler is alive: every minute (and on request) it records a heartbeat, tells
 * connected browsers, and prunes old rows. The health page reads the latest heartbeat.
 */
export const recordHeartbeat = inngest.createFunction(
  {
    id: 'record-heartbeat',
    name: 'Record scheduler heartbeat',
    triggers: [cron('* * * * *'), { event: heartbeatRequested }],
    concurrency: { limit: 1 },
    retries: 3,
  },
  async ({ event, step, runId }) => {
    // Heartbeats record how they were triggered; a manual request is stored as 'event'.
    const trigger =
      event.name === heartbeatRequested.name
        ? event.data.reason === 'startup'
          ? 'startup'
          : 'event'
        : 'cron';

    const heartbeat = await step.run('record-heartbeat', async () => {
      const services = await getServices();
      return callService(() =>
        services.system.recordHeartbeat({ runner: services.jobs.runner, trigger, runId }),
      );
    });

    await step.run('publish-heartbeat', async () => {
      const services = await getServices();
      await callService(() =>
        services.realtime.publish(SYSTEM_CHANNEL, 'heartbeat.recorded', {
          // A Date if the step ran in this same call (tests, checkpointing), else its JSON string.
          recordedAt: new Date(heartbeat.recordedAt).toISOString(),
          runner: heartbeat.runner,
          trigger: heartbeat.trigger,
        }),
      );
    });

    const pruned = await step.run('prune-heartbeats', async () => {
      const services = await getServices();
      const olderThan = new Date(Date.now() - HEARTBEAT_RETENTION_MS);
      return callService(() => services.system.pruneHeartbeats(olderThan));
    });

    return { heartbeatId: heartbeat.id, pruned };
  },
);
