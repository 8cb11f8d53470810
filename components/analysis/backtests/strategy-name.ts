'use client';

import { useTranslations } from 'use-intl';

/** The strategy's name in the reader's language (the registry's English name otherwise). */
export function useStrategyName() {
  const t = useTranslations('analysis.strategies');
  return (id: string, fallback?: string) =>
    t.has(id as 'sma-cross') ? t(id as 'sma-cross') : (fallback ?? id);
}
