'use client';

import { useEffect, useState } from 'react';

/**
 * The value, changing at most once per `intervalMs`: a screen reader's live region would
 * otherwise read out every tick (several a second).
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const [latest, setLatest] = useState(value);
  if (value !== latest) setLatest(value);
  useEffect(() => {
    if (Object.is(latest, shown)) return;
    const timer = setTimeout(() => setShown(latest), intervalMs);
    return () => clearTimeout(timer);
  }, [latest, shown, intervalMs]);
  return shown;
}
