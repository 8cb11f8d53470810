import {
  accountIdInput,
  createAccountInput,
  createTransactionInput,
  exportInput,
  importCommitInput,
  importPreviewInput,
  listTransactionsInput,
  transactionIdInput,
  updateTransactionInput,
  updateAccountInput,
} from '@/server/portfolio/schemas';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/**
 * The ledger half of the `portfolios` router (accounts, transactions, CSV import, export); the
 * lead merges it with the analytics half. Every procedure is scoped to the signed-in user.
 */
export const portfolioLedgerRouter = {
  accounts: createTRPCRouter({
    list: protectedProcedure.query(async ({ ctx }) =>
      (await ctx.services()).portfolios.ledger.accounts.list(ctx.userId),
    ),
    create: protectedProcedure
      .input(createAccountInput)
      .mutation(async ({ ctx, input }) =>
        (await ctx.services()).portfolios.ledger.accounts.create(ctx.userId, input),
      ),
    update: protectedProcedure.input(updateAccountInput).mutation(async ({ ctx, input }) => {
      const { id, ...changes } = input;
      return (await ctx.services()).portfolios.ledger.accounts.update(ctx.userId, id, changes);
    }),
    delete: protectedProcedure
      .input(accountIdInput)
      .mutation(async ({ ctx, input }) =>
        (await ctx.services()).portfolios.ledger.accounts.delete(ctx.userId, input.id),
      ),
  }),
  transactions: createTRPCRouter({
    list: protectedProcedure
      .input(listTransactionsInput)
      .query(async ({ ctx, input }) =>
        (await ctx.services()).portfolios.ledger.transactions.list(ctx.userId, input),
      ),
    create: protectedProcedure
      .input(createTransactionInput)
      .mutation(async ({ ctx, input }) =>
        (await ctx.services()).portfolios.ledger.transactions.create(ctx.userId, input),
      ),
    update: protectedProcedure.input(updateTransactionInput).mutation(async ({ ctx, input }) => {
      const { id, ...fields } = input;
      return (await ctx.services()).portfolios.ledger.transactions.update(ctx.userId, id, fields);
    }),
    delete: protectedProcedure
      .input(transactionIdInput)
      .mutation(async ({ ctx, input }) =>
        (await ctx.services()).portfolios.ledger.transactions.delete(ctx.userId, input.id),
      ),
  }),
  importPreview: protectedProcedure
    .input(importPreviewInput)
    .mutation(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.imports.preview(ctx.userId, input),
    ),
  importCommit: protectedProcedure
    .input(importCommitInput)
    .mutation(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.imports.commit(ctx.userId, input),
    ),
  export: protectedProcedure
    .input(exportInput)
    .query(async ({ ctx, input }) =>
      (await ctx.services()).portfolios.exports.export(ctx.userId, input),
    ),
};
