import { collectStockData } from './functions/collect-stock-data';
import { pruneRateLimits } from './functions/prune-rate-limits';
import { marketDataRefreshes, pruneTicks } from './functions/refresh-market-data';
import { recordHeartbeat } from './functions/record-heartbeat';

/** Every Inngest function: served at /api/inngest and run by the local runner. */
export const functions = [
  recordHeartbeat,
  pruneRateLimits,
  collectStockData,
  ...marketDataRefreshes,
  pruneTicks,
];
