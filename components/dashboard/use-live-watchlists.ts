'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent } from '@/components/providers/realtime-provider';
import { useTRPC } from '@/components/providers/trpc-provider';
import { userChannel } from '@/server/realtime/channels';

/**
 * The user's watchlists, kept current across tabs: any `watchlist.changed` on the user's channel
 * (from this tab or another) marks the list stale and refetches it.
 */
export function useLiveWatchlists(userId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.watchlists.list.queryOptions());
  useRealtimeEvent(userChannel(userId), 'watchlist.changed', () => {
    void queryClient.invalidateQueries(trpc.watchlists.list.queryFilter());
  });
  return query;
}

/** After a successful mutation: show the server's answer at once, then refetch to be sure. */
export function useWatchlistCache() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.watchlists.list.queryKey();
  return {
    invalidate: () => queryClient.invalidateQueries(trpc.watchlists.list.queryFilter()),
    upsert(watchlist: {
      id: string;
      name: string;
      symbols: string[];
      createdAt: Date;
      updatedAt: Date;
    }) {
      queryClient.setQueryData(key, (lists) => {
        if (!lists) return lists;
        const exists = lists.some((list) => list.id === watchlist.id);
        return exists
          ? lists.map((list) => (list.id === watchlist.id ? watchlist : list))
          : [...lists, watchlist];
      });
    },
    remove(id: string) {
      queryClient.setQueryData(key, (lists) => lists?.filter((list) => list.id !== id));
    },
  };
}
