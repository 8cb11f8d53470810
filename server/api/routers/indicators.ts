import {
  backtestRequestInput,
  backtestRunIdInput,
  computeIndicatorsInput,
  signalsInput,
} from '@/server/analysis-service/schemas';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** Technical analysis: chart indicators, signals and the signed-in user's saved backtests. */
export const indicatorsRouter = createTRPCRouter({
  strategies: protectedProcedure.query(async ({ ctx }) =>
    (await ctx.services()).analysis.strategies(),
  ),
  compute: protectedProcedure
    .input(computeIndicatorsInput)
    .query(async ({ ctx, input }) => (await ctx.services()).analysis.compute(input)),
  signals: protectedProcedure
    .input(signalsInput)
    .query(async ({ ctx, input }) => (await ctx.services()).analysis.signals(input.symbol)),
  backtest: protectedProcedure
    .input(backtestRequestInput)
    .mutation(async ({ ctx, input }) =>
      (await ctx.services()).analysis.requestBacktest(ctx.userId, input),
    ),
  backtestRuns: protectedProcedure.query(async ({ ctx }) =>
    (await ctx.services()).analysis.listRuns(ctx.userId),
  ),
  backtestRun: protectedProcedure
    .input(backtestRunIdInput)
    .query(async ({ ctx, input }) => (await ctx.services()).analysis.getRun(ctx.userId, input.id)),
  deleteBacktestRun: protectedProcedure
    .input(backtestRunIdInput)
    .mutation(async ({ ctx, input }) => {
      await (await ctx.services()).analysis.deleteRun(ctx.userId, input.id);
      return { id: input.id };
    }),
});
