'use client';

import { useTranslations } from 'use-intl';
import { RelativeTime } from './relative-time';

/** The last heartbeat as a ticking relative time, or "no heartbeat yet". Tests read `dateTime`. */
export function LastHeartbeat({ at }: { at: Date | null }) {
  const t = useTranslations('status');
  if (!at) {
    return (
      <span data-testid="last-heartbeat" className="text-muted">
        {t('noHeartbeat')}
      </span>
    );
  }
  return <RelativeTime date={at} testId="last-heartbeat" />;
}
