'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useRealtimeEvent } from '@/components/providers/realtime-provider';
import { useTRPC } from '@/components/providers/trpc-provider';
import { userChannel } from '@/server/realtime/channels';

function runIdOf(payload: unknown): string | null {
  const runId = (payload as { runId?: unknown } | null)?.runId;
  return typeof runId === 'string' ? runId : null;
}

/**
 * Live progress of the user's backtests from their private channel: the latest progress per run,
 * and a refetch of the run and the saved list when one finishes (here or in another tab).
 */
export function useBacktestEvents(userId: string): Record<string, number> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<Record<string, number>>({});
  const channel = userChannel(userId);

  useRealtimeEvent(channel, 'backtest.progress', (payload) => {
    const runId = runIdOf(payload);
    const value = (payload as { progress?: unknown }).progress;
    if (!runId || typeof value !== 'number') return;
    setProgress((current) =>
      (current[runId] ?? 0) >= value ? current : { ...current, [runId]: value },
    );
  });
  useRealtimeEvent(channel, 'backtest.finished', (payload) => {
    const runId = runIdOf(payload);
    if (!runId) return;
    void queryClient.invalidateQueries(trpc.indicators.backtestRuns.queryFilter());
    void queryClient.invalidateQueries(trpc.indicators.backtestRun.queryFilter({ id: runId }));
  });
  return progress;
}
