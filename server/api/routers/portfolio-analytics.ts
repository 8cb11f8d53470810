import { z } from 'zod';
import { allocationBySchema, performanceRangeSchema } from '@/server/portfolio/analytics-service';
import { isCalendarDate } from '@/server/portfolio/calc-dates';
import { protectedProcedure } from '../trpc';

const optionalDate = z
  .string()
  .refine(isCalendarDate, { message: 'must be a date YYYY-MM-DD' })
  .optional();

/** Every analytics query covers all the user's accounts, or one with `accountId`. */
const accountScope = z.object({ accountId: z.string().min(1).max(64).optional() });

/**
 * The analytics half of the `portfolios` router (valuation, performance, history, allocation,
 * FX); the lead merges it with the ledger half. Every figure is the signed-in user's; an account
 * id of another user answers NOT_FOUND. Money is exact decimal strings, rates are fractions.
 */
export const portfolioAnalyticsRouter = {
  summary: protectedProcedure
    .input(accountScope.optional())
    .query(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.analytics.summary(ctx.userId, input ?? {}),
    ),
  holdings: protectedProcedure
    .input(accountScope.optional())
    .query(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.analytics.holdings(ctx.userId, input ?? {}),
    ),
  performance: protectedProcedure
    .input(accountScope.extend({ range: performanceRangeSchema }))
    .query(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.analytics.performance(ctx.userId, input),
    ),
  history: protectedProcedure
    .input(accountScope.extend({ range: performanceRangeSchema }))
    .query(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.analytics.history(ctx.userId, input),
    ),
  allocation: protectedProcedure
    .input(accountScope.extend({ by: allocationBySchema }))
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
