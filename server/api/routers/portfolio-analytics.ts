import { z } from 'zod';
import { allocationBySchema, performanceRangeSchema } from '@/server/portfolio/analytics-service';
import { isCalendarDate } from '@/server/portfolio/calc-dates';
import { protectedProcedure } from '../trpc';

const optionalDate = z
  .string()
  .refine(isCalendarDate, { message: 'must be a date YYYY-MM-DD' })
  .optional();

/**
 * The analytics half of the `portfolios` router (valuation, performance, history, allocation,
 * FX); the lead merges it with the ledger half. Every figure is the signed-in user's; an account
 * id of another user answers NOT_FOUND. Money is exact decimal strings, rates are fractions.
 */
export const portfolioAnalyticsRouter = {
  summary: protectedProcedure.query(async ({ ctx }) =>
    (await ctx.services()).portfolios.analytics.summary(ctx.userId),
  ),
  holdings: protectedProcedure
    .input(z.object({ accountId: z.string().min(1).optional() }).optional())
    .query(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.analytics.holdings(ctx.userId, input ?? {}),
    ),
  performance: protectedProcedure
    .input(z.object({ range: performanceRangeSchema }))
    .query(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.analytics.performance(ctx.userId, input),
    ),
  history: protectedProcedure
    .input(z.object({ range: performanceRangeSchema }))
    .query(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.analytics.history(ctx.userId, input),
    ),
  allocation: protectedProcedure
    .input(z.object({ by: allocationBySchema }))
    .query(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.analytics.allocation(ctx.userId, input),
    ),
  fxRates: protectedProcedure
    .input(
      z
        .object({ from: optionalDate, to: optionalDate })
        .refine((r) => !r.from || !r.to || r.from <= r.to, {
          message: 'from must not be after to',
          path: ['from'],
        })
        .optional(),
    )
    .query(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.analytics.fxRates(input ?? {}),
    ),
};
