import {
  createWatchlistInput,
  renameWatchlistInput,
  watchlistIdInput,
  watchlistSymbolInput,
} from '@/server/watchlists/schemas';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const watchlistsRouter = createTRPCRouter({
  list: protectedProcedure.query(async ({ ctx }) =>
    (await ctx.services()).watchlists.list(ctx.userId),
  ),
  create: protectedProcedure
    .input(createWatchlistInput)
    .mutation(async ({ ctx, input }) =>
      (await ctx.services()).watchlists.create(ctx.userId, input.name),
    ),
  rename: protectedProcedure
    .input(renameWatchlistInput)
    .mutation(async ({ ctx, input }) =>
      (await ctx.services()).watchlists.rename(ctx.userId, input.id, input.name),
    ),
  delete: protectedProcedure.input(watchlistIdInput).mutation(async ({ ctx, input }) => {
    await (await ctx.services()).watchlists.remove(ctx.userId, input.id);
    return { id: input.id };
  }),
  addSymbol: protectedProcedure
    .input(watchlistSymbolInput)
    .mutation(async ({ ctx, input }) =>
      (await ctx.services()).watchlists.addSymbol(ctx.userId, input.id, input.symbol),
    ),
  removeSymbol: protectedProcedure
    .input(watchlistSymbolInput)
    .mutation(async ({ ctx, input }) =>
      (await ctx.services()).watchlists.removeSymbol(ctx.userId, input.id, input.symbol),
    ),
});
