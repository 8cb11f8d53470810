'use client';

import { useFormatter, useNow, useTranslations } from 'use-intl';
import { cn } from '@/components/ui/cn';

export type Staleness = { fetchedAt: Date | null; stale: boolean; lastError: string | null };

/** Whether to warn: the stored copy is past its freshness window and the last refresh failed. */
export function isProviderOutage(state: Staleness | undefined): boolean {
  return Boolean(state?.stale && state.lastError);
}

/**
 * "Showing data from 12 minutes ago — provider unavailable", when a refresh failed and the stored
 * copy is what the user sees. Renders nothing otherwise.
 */
export function StaleNotice({
  state,
  className,
}: {
  state: Staleness | undefined;
  className?: string;
}) {
  const t = useTranslations('stocks.stale');
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  if (!state || !isProviderOutage(state)) return null;
  return (
    <p
      role="status"
      title={state.lastError ?? undefined}
      className={cn(
        'rounded-lg border border-warning/30 bg-warning-subtle px-3 py-2 text-sm text-warning',
        className,
      )}
    >
      {state.fetchedAt
        ? t('since', { age: format.relativeTime(state.fetchedAt, now) })
        : t('never')}
    </p>
  );
}
