import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';

export const systemRouter = createTRPCRouter({
  /** The same report as GET /api/health, for the status card and the system page. */
  status: publicProcedure.query(async ({ ctx }) => (await ctx.services()).system.health()),
  /** Ask the scheduler for a heartbeat now; the result arrives on the `system` channel. */
  requestHeartbeat: protectedProcedure.mutation(async ({ ctx }) => {
    await (await ctx.services()).system.requestHeartbeat(ctx.userId);
    return { sent: true as const };
  }),
});
