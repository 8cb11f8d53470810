import { changePasswordInput, updatePreferencesInput } from '@/server/users/schemas';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const usersRouter = createTRPCRouter({
  me: protectedProcedure.query(async ({ ctx }) =>
    (await ctx.services()).users.getProfile(ctx.userId),
  ),
  updatePreferences: protectedProcedure
    .input(updatePreferencesInput)
    .mutation(async ({ ctx, input }) =>
      (await ctx.services()).users.updatePreferences(ctx.userId, input),
    ),
  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await (await ctx.services()).users.changePassword(ctx.userId, input);
    return { ok: true as const };
  }),
});
