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

/** A user queued a backtest (a BacktestRun row in status "queued"): run it. */
export const backtestRequested = eventType('analysis/backtest.requested', {
  schema: z.object({
    runId: z.string().min(1).max(64),
  }),
});

/** A portfolio ledger changed: snapshots of the account from `fromDate` on are stale. */
export const portfolioTransactionChanged = eventType('portfolio/transaction.changed', {
  schema: z.object({
    accountId: z.string().min(1),
    userId: z.string().min(1),
    /** Earliest trade date affected (YYYY-MM-DD); for edits the earlier of old and new date. */
    fromDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
});

/** Recompute an account's current valuation (prices moved, or on a schedule). */
export const portfolioValuationRequested = eventType('portfolio/valuation.requested', {
  schema: z.object({
    accountId: z.string().min(1),
  }),
});

/** The live collector saved a new quote for a symbol (at most every few seconds per symbol). */
export const priceMoved = eventType('market/price.moved', {
  schema: z.object({
    symbol: z.string().min(1).max(32),
  }),
});

/** A notification was created for a user who has outbound channels: deliver it. */
export const notificationCreated = eventType('alerts/notification.created', {
  schema: z.object({
    notificationId: z.string().min(1).max(64),
  }),
});

/** One delivery (notification × channel) to send, retried on its own. */
export const deliveryRequested = eventType('alerts/delivery.requested', {
  schema: z.object({
    deliveryId: z.string().min(1).max(64),
  }),
});
