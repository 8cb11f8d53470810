import { authRouter } from './routers/auth';
import { stocksRouter } from './routers/stocks';
import { systemRouter } from './routers/system';
import { usersRouter } from './routers/users';
import { watchlistsRouter } from './routers/watchlists';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  users: usersRouter,
  watchlists: watchlistsRouter,
  stocks: stocksRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
