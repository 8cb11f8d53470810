'use client';

import { useEffect } from 'react';

/**
 * Marks <html data-hydrated> once React has hydrated the page, so browser tests (and anything
 * else scripted) interact only after event handlers are attached.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
