'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { useRealtimeEvent } from '@/components/providers/realtime-provider';
import { useTRPC } from '@/components/providers/trpc-provider';
import { stockChannel } from '@/server/realtime/channels';

const progressSchema = z.object({
  dataset: z.enum(['overview', 'daily', 'weekly', 'statements', 'quote']),
  status: z.enum(['pending', 'running', 'complete', 'failed']),
  rows: z.number().int().nonnegative(),
  error: z.string().nullable(),
});

/**
 * A stock's collection progress per dataset, live: each `collection.progress` patches the list at
 * once (then refetches it), and a dataset that completes refreshes the queries that show it.
 */
export function useCollectionStatus(symbol: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.stocks.collectionStatus.queryOptions({ symbol }));
  const channel = stockChannel(symbol);

  useRealtimeEvent(channel, 'collection.progress', (payload) => {
    const parsed = progressSchema.safeParse(payload);
    if (!parsed.success) return;
    const progress = parsed.data;
    queryClient.setQueryData(trpc.stocks.collectionStatus.queryKey({ symbol }), (states) => {
      if (!states) return states;
      const now = new Date();
      const known = states.some((state) => state.dataset === progress.dataset);
      const patched = { ...progress, updatedAt: now };
      return known
        ? states.map((state) =>
            state.dataset === progress.dataset ? { ...state, ...patched } : state,
          )
        : [...states, { ...patched, provider: null, startedAt: null, fetchedAt: null }];
    });
    void queryClient.invalidateQueries(trpc.stocks.collectionStatus.queryFilter({ symbol }));
    if (progress.status !== 'complete') return;
    if (progress.dataset === 'daily' || progress.dataset === 'weekly') {
      void queryClient.invalidateQueries(trpc.stocks.chart.queryFilter({ symbol }));
    } else if (progress.dataset === 'overview') {
      void queryClient.invalidateQueries(trpc.stocks.overview.queryFilter({ symbol }));
    } else if (progress.dataset === 'statements') {
      void queryClient.invalidateQueries(trpc.stocks.statements.queryFilter({ symbol }));
    }
  });

  useRealtimeEvent(channel, 'collection.finished', () => {
    void queryClient.invalidateQueries(trpc.stocks.collectionStatus.queryFilter({ symbol }));
    void queryClient.invalidateQueries(trpc.stocks.chart.queryFilter({ symbol }));
    void queryClient.invalidateQueries(trpc.stocks.overview.queryFilter({ symbol }));
    void queryClient.invalidateQueries(trpc.stocks.statements.queryFilter({ symbol }));
  });

  return query;
}
