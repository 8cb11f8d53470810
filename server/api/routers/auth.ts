import { signUpInput } from '@/server/users/schemas';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const services = await ctx.services();
    const user = await services.users.signUp(input, { ip: ctx.ip });
    ctx.log.info({ userId: user.id }, 'user signed up');
    return { id: user.id, email: user.email };
  }),
});
