'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent } from '@/components/providers/realtime-provider';
import { useTRPC } from '@/components/providers/trpc-provider';
import { userChannel } from '@/server/realtime/channels';

function unreadOf(payload: unknown): number | null {
  const unread = (payload as { unread?: unknown } | null)?.unread;
  return typeof unread === 'number' && Number.isInteger(unread) && unread >= 0 ? unread : null;
}

/**
 * The unread count, live: `notification.created` (a new alert) and `notification.read` (read in
 * another tab) carry the new count, so the bell changes without a round trip; lists refetch.
 */
export function useLiveUnreadCount(userId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.alerts.unreadCount.queryOptions());
  const onChange = (payload: unknown) => {
    const unread = unreadOf(payload);
    if (unread !== null) queryClient.setQueryData(trpc.alerts.unreadCount.queryKey(), unread);
    void queryClient.invalidateQueries(trpc.alerts.list.pathFilter());
  };
  useRealtimeEvent(userChannel(userId), 'notification.created', onChange);
  useRealtimeEvent(userChannel(userId), 'notification.read', onChange);
  return query;
}

/** Mark some or all notifications read; the count and lists follow. */
export function useMarkRead() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return {
    onSuccess: (result: { unread: number }) => {
      queryClient.setQueryData(trpc.alerts.unreadCount.queryKey(), result.unread);
      void queryClient.invalidateQueries(trpc.alerts.list.pathFilter());
    },
  };
}
