import { pruneRateLimits } from './functions/prune-rate-limits';
import { recordHeartbeat } from './functions/record-heartbeat';

/** Every Inngest function: served at /api/inngest and run by the local runner. */
export const functions = [recordHeartbeat, pruneRateLimits];
