import { dailyReports } from './functions/alerts-daily-report';
import { deliverNotification, planDeliveries } from './functions/alerts-deliver';
import {
  evaluatePriceAlerts,
  sweepAlerts,
  sweepPortfolioAlerts,
} from './functions/alerts-evaluate';
import { collectStockData } from './functions/collect-stock-data';
import { portfolioBackfillSnapshots } from './functions/portfolio-backfill-snapshots';
import { portfolioSnapshotsClose } from './functions/portfolio-snapshots-close';
import { portfolioValuationRefresh } from './functions/portfolio-valuation-refresh';
import { portfolioPriceMoved } from './functions/portfolio-price-moved';
import { portfolioValuationRequestedFn } from './functions/portfolio-valuation-requested';
import { pruneRateLimits } from './functions/prune-rate-limits';
import { marketDataRefreshes, pruneTicks } from './functions/refresh-market-data';
import { recordHeartbeat } from './functions/record-heartbeat';
import { refreshFxRates } from './functions/refresh-fx-rates';
import { runBacktestFunction } from './functions/run-backtest';

/** Every Inngest function: served at /api/inngest and run by the local runner. */
export const functions = [
  recordHeartbeat,
  pruneRateLimits,
  collectStockData,
  ...marketDataRefreshes,
  pruneTicks,
  runBacktestFunction,
  portfolioBackfillSnapshots,
  portfolioSnapshotsClose,
  portfolioValuationRefresh,
  portfolioValuationRequestedFn,
  portfolioPriceMoved,
  evaluatePriceAlerts,
  sweepAlerts,
  sweepPortfolioAlerts,
  planDeliveries,
  deliverNotification,
  dailyReports,
  refreshFxRates,
];
