import { alertsRouter } from './routers/alerts';
import { authRouter } from './routers/auth';
import { indicatorsRouter } from './routers/indicators';
import { portfolioAnalyticsRouter } from './routers/portfolio-analytics';
import { portfolioLedgerRouter } from './routers/portfolio-ledger';
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
  portfolios: createTRPCRouter({ ...portfolioLedgerRouter, ...portfolioAnalyticsRouter }),
  system: systemRouter,
  indicators: indicatorsRouter,
  alerts: alertsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
