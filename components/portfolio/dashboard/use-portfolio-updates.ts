'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent } from '@/components/providers/realtime-provider';
import { useTRPC } from '@/components/providers/trpc-provider';
import { userChannel } from '@/server/realtime/channels';

/**
 * Refetches every portfolio query when the server announces `portfolio.updated` on the user's
 * channel (a ledger change in any tab, the valuation refresh, new snapshots).
 */
export function usePortfolioUpdates(userId: string): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useRealtimeEvent(userChannel(userId), 'portfolio.updated', () => {
    void queryClient.invalidateQueries(trpc.portfolios.pathFilter());
  });
}
