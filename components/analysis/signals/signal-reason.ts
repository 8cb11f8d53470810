'use client';

import { useTranslations } from 'use-intl';
import type { StrategySignal } from '../types';

/**
 * A signal's reason in the reader's language: the phrase for its reasonKey (the part after the
 * strategy id, shared by strategies that mean the same thing), filled with reasonParams; the
 * engine's English sentence when no phrase exists.
 */
export function useSignalReason() {
  const t = useTranslations('analysis.reasons');
  return (signal: Pick<StrategySignal, 'reasonKey' | 'reasonParams' | 'reason'>): string => {
    const suffix = signal.reasonKey.slice(signal.reasonKey.indexOf('.') + 1);
    return t.has(suffix as 'none')
      ? t(suffix as 'partial', signal.reasonParams as { passed: number })
      : signal.reason;
  };
}
