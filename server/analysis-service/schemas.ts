import { z } from 'zod';
import { sizingSchema } from '@/server/analysis/backtest/options';
import { indicatorNames } from '@/server/analysis/indicators/registry';
import { chartIntervals, chartPeriods } from '@/server/market-data/chart-range';
import { symbolSchema } from '@/server/market-data/symbols';

/** tRPC inputs of the indicators router (also validated again inside the service). */

const sessionDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a calendar date');

export const indicatorRequestSchema = z.object({
  name: z.enum(indicatorNames),
  /** Validated per indicator by its registry schema (unknown names rejected, defaults filled). */
  params: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
});

export const MAX_INDICATORS_PER_REQUEST = 12;

export const computeIndicatorsInput = z.object({
  symbol: symbolSchema,
  indicators: z.array(indicatorRequestSchema).min(1).max(MAX_INDICATORS_PER_REQUEST),
  interval: z.enum(chartIntervals).default('daily'),
  period: z.enum(chartPeriods).default('1y'),
});
export type ComputeIndicatorsInput = z.output<typeof computeIndicatorsInput>;

export const signalsInput = z.object({ symbol: symbolSchema });

export const backtestRequestInput = z
  .object({
    symbol: symbolSchema,
    strategy: z.string().min(1).max(64),
    /** Validated against the strategy's parameter specs (bounds, integers, cross-field rules). */
    params: z.record(z.string(), z.number()).default({}),
    from: sessionDate.optional(),
    to: sessionDate.optional(),
    initialCash: z.number().positive().max(1e13),
    commissionRate: z.number().min(0).max(0.2).default(0),
    slippageBps: z.number().min(0).max(5_000).default(0),
    sellTaxRate: z.number().min(0).max(0.2).default(0),
    fill: z.enum(['next-open', 'close']).default('next-open'),
    sizing: sizingSchema.default({ mode: 'all-in' }),
    allowShort: z.boolean().default(false),
    stopLoss: z.number().gt(0).lt(1).optional(),
    takeProfit: z.number().gt(0).max(100).optional(),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type BacktestRequest = z.output<typeof backtestRequestInput>;

export const backtestRunIdInput = z.object({ id: z.string().min(1).max(64) });
