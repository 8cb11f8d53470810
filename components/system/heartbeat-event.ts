import { z } from 'zod';

/** Payload of `heartbeat.recorded` on the `system` channel, checked before it touches the UI. */
export const heartbeatRecordedEvent = z.object({
  recordedAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  runner: z.enum(['local', 'inngest']),
  trigger: z.enum(['cron', 'event', 'startup']),
});

export type HeartbeatRecorded = z.output<typeof heartbeatRecordedEvent>;

export function parseHeartbeatEvent(payload: unknown): HeartbeatRecorded | null {
  const parsed = heartbeatRecordedEvent.safeParse(payload);
  return parsed.success ? parsed.data : null;
}
