import { DomainError } from '@/server/errors';
import type { RateLimiter } from '@/server/rate-limit/rate-limiter';

/** Manual heartbeats per user: enough to check the system, too few to flood the job queue. */
export const HEARTBEAT_REQUEST_LIMIT = { limit: 5, windowMs: 60_000 } as const;

type SendEvent = (event: { name: string; data: Record<string, unknown> }) => Promise<void>;

export function createHeartbeatRequester(deps: { rateLimiter: RateLimiter; send: SendEvent }) {
  return {
    /** Ask the scheduler for a heartbeat now; the result arrives on the `system` channel. */
    async requestHeartbeat(userId: string): Promise<void> {
      const limit = await deps.rateLimiter.hit([
        { key: `heartbeat-request:user:${userId}`, ...HEARTBEAT_REQUEST_LIMIT },
      ]);
      if (!limit.allowed) {
        throw new DomainError('RATE_LIMITED', 'Too many heartbeat requests; try again shortly.', {
          retryAfterMs: limit.resetAt.getTime() - Date.now(),
        });
      }
      await deps.send({
        name: 'system/heartbeat.requested',
        data: { reason: 'manual', requestedBy: userId },
      });
    },
  };
}

export type HeartbeatRequester = ReturnType<typeof createHeartbeatRequester>;
