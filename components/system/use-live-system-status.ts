'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent } from '@/components/providers/realtime-provider';
import { useTRPC } from '@/components/providers/trpc-provider';
import { SYSTEM_CHANNEL } from '@/server/realtime/channels';
import { parseHeartbeatEvent, type HeartbeatRecorded } from './heartbeat-event';

/** How often the status is re-checked while the page is open (heartbeats also arrive live). */
const REFRESH_MS = 60_000;

/**
 * The health report, updated live: a `heartbeat.recorded` event patches the last heartbeat into
 * the cached report at once, then the report is refetched for everything the heartbeat affects.
 */
export function useLiveSystemStatus(onHeartbeat?: (event: HeartbeatRecorded) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({ ...trpc.system.status.queryOptions(), refetchInterval: REFRESH_MS });

  useRealtimeEvent(SYSTEM_CHANNEL, 'heartbeat.recorded', (payload) => {
    const event = parseHeartbeatEvent(payload);
    if (!event) return;
    queryClient.setQueryData(trpc.system.status.queryKey(), (report) =>
      report
        ? {
            ...report,
            scheduler: {
              ...report.scheduler,
              runner: event.runner,
              lastHeartbeatAt: event.recordedAt,
              ageSeconds: 0,
            },
          }
        : report,
    );
    void queryClient.invalidateQueries(trpc.system.status.queryFilter());
    onHeartbeat?.(event);
  });

  return query;
}
