import { z } from 'zod';
import { parseOrThrow } from '@/server/analysis/strategies/validate';

/**
 * How many shares an entry buys (or sells short). Always whole shares, never more than the cash
 * available (no leverage): an order the cash cannot cover is reduced, one share not affordable
 * is skipped.
 * - `all-in` (default): every unit of cash.
 * - `fixed-qty`: `quantity` shares.
 * - `fixed-cash`: as many shares as `amount` buys.
 * - `fraction`: as many shares as `fraction` × current equity buys.
 */
export const sizingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all-in') }),
  z.object({ mode: z.literal('fixed-qty'), quantity: z.number().int().positive() }),
  z.object({ mode: z.literal('fixed-cash'), amount: z.number().positive() }),
  z.object({ mode: z.literal('fraction'), fraction: z.number().gt(0).max(1) }),
]);
export type Sizing = z.infer<typeof sizingSchema>;

const sessionDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a YYYY-MM-DD date');

/**
 * Execution and accounting settings of a backtest (defaults in brackets):
 * - `initialCash` [10,000] in the instrument's currency.
 * - `commissionRate` [0]: fraction of each fill's value, charged on both sides.
 * - `slippageBps` [0]: buys fill this many basis points above the reference price, sells below.
 * - `sellTaxRate` [0]: tax on the value of every sell fill (the Korean securities transaction
 *   tax, e.g. 0.0015 or 0.0018 depending on market and year — pass the rate that applies).
 * - `fill` ['next-open']: a signal on bar t's close fills at bar t+1's open, or at t's close.
 * - `sizing` [all-in], `allowShort` [false]: a SELL signal exits a long; with shorts allowed it
 *   also opens a short (and a BUY covers it).
 * - `stopLoss` / `takeProfit`: fractions of the entry fill price (0.05 = 5%), checked against each
 *   bar's low/high; a gap through the level fills at the open; when both are touched in one bar
 *   the stop is assumed first.
 * - `barsPerYear` [252] and `riskFreeRate` [0, annual] for volatility, Sharpe and Sortino.
 * - `from` / `to`: trade only on bars whose date lies in [from, to]; earlier bars still feed the
 *   indicators, so a window starts with warmed-up signals.
 */
export const backtestOptionsSchema = z.object({
  initialCash: z.number().positive().default(10_000),
  commissionRate: z.number().min(0).max(0.2).default(0),
  slippageBps: z.number().min(0).max(5_000).default(0),
  sellTaxRate: z.number().min(0).max(0.2).default(0),
  fill: z.enum(['next-open', 'close']).default('next-open'),
  sizing: sizingSchema.default({ mode: 'all-in' }),
  allowShort: z.boolean().default(false),
  stopLoss: z.number().gt(0).lt(1).optional(),
  takeProfit: z.number().gt(0).optional(),
  barsPerYear: z.number().positive().default(252),
  riskFreeRate: z.number().min(-1).max(1).default(0),
  from: sessionDate.optional(),
  to: sessionDate.optional(),
});

export type BacktestOptionsInput = z.input<typeof backtestOptionsSchema>;
export type BacktestOptions = z.output<typeof backtestOptionsSchema>;

export function parseBacktestOptions(input: unknown): BacktestOptions {
  return parseOrThrow(backtestOptionsSchema, input ?? {}, 'backtest options');
}

/** Half-open bar window [start, end) the engine trades in. */
export interface BarRange {
  start: number;
  end: number;
}
