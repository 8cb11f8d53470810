'use client';

import { useFormatter, useNow } from 'use-intl';

/**
 * "12 seconds ago", ticking; the exact time (in the user's zone) is in the tooltip and the
 * machine-readable `dateTime`.
 */
export function RelativeTime({
  date,
  testId,
  future = false,
}: {
  date: Date;
  testId?: string;
  /** A scheduled time ("in 40 seconds"); otherwise the date is a past event. */
  future?: boolean;
}) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 5_000 });
  // A past event newer than our clock (skew, or `now` from before it arrived) reads as "now".
  const reference = !future && now.getTime() < date.getTime() ? date : now;
  return (
    <time
      dateTime={date.toISOString()}
      title={format.dateTime(date, { dateStyle: 'medium', timeStyle: 'medium' })}
      data-testid={testId}
    >
      {format.relativeTime(date, reference)}
    </time>
  );
}
