'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc-provider';

/**
 * After a ledger write: every portfolio query (accounts, transactions, holdings, summary,
 * performance …) is stale, since a past transaction can change all of them.
 */
export function useInvalidatePortfolios(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.portfolios.pathFilter());
}
