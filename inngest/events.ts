import { eventType } from 'inngest';
import { z } from 'zod';

/**
 * Typed events, named `domain/noun.past-verb`. Use them as function triggers and to send:
 * `inngest.send(heartbeatRequested.create({ reason: 'manual', requestedBy: user.id }))` validates
 * the data before it leaves the process; functions validate it again when they run.
 */

/** Ask for a heartbeat now instead of waiting for the next minute (startup, health page). */
export const heartbeatRequested = eventType('system/heartbeat.requested', {
  schema: z.object({
    reason: z.enum(['startup', 'manual']),
    /** The signed-in user who asked, for manual requests. */
    requestedBy: z.string().min(1).optional(),
  }),
});

/** A user started following a stock nobody followed before: collect its data. */
export const stockTracked = eventType('market/stock.tracked', {
  schema: z.object({
    symbol: z.string().min(1).max(32),
  }),
});
