import {
  stockChartInput,
  stockSearchInput,
  stockStatementsInput,
  stockSymbolInput,
} from '@/server/market-data/api-schemas';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const stocksRouter = createTRPCRouter({
  search: protectedProcedure
    .input(stockSearchInput)
    .query(async ({ ctx, input }) =>
      (await ctx.services()).marketData.search(input.query, input.limit),
    ),
  get: protectedProcedure
    .input(stockSymbolInput)
    .query(async ({ ctx, input }) => (await ctx.services()).marketData.get(input.symbol)),
  chart: protectedProcedure
    .input(stockChartInput)
    .query(async ({ ctx, input }) => (await ctx.services()).marketData.chart(input)),
  overview: protectedProcedure
    .input(stockSymbolInput)
    .query(async ({ ctx, input }) => (await ctx.services()).marketData.overview(input.symbol)),
  statements: protectedProcedure
    .input(stockStatementsInput)
    .query(async ({ ctx, input }) => (await ctx.services()).marketData.statements(input)),
  collectionStatus: protectedProcedure
    .input(stockSymbolInput)
    .query(async ({ ctx, input }) =>
      (await ctx.services()).marketData.collectionStatus(input.symbol),
    ),
  marketOverview: protectedProcedure.query(async ({ ctx }) =>
    (await ctx.services()).marketData.marketOverview(),
  ),
  track: protectedProcedure
    .input(stockSymbolInput)
    .mutation(async ({ ctx, input }) => (await ctx.services()).marketData.track(input.symbol)),
});

/**
 * Seconds a browser may reuse a successful answer: the freshness windows of the data behind each
 * query (chart 60 s, overview 10 min, statements 1 h). Queries not listed are not cached.
 */
export const stocksCacheSeconds: Record<string, number> = {
  'stocks.chart': 60,
  'stocks.overview': 600,
  'stocks.statements': 3600,
  'stocks.search': 300,
};
