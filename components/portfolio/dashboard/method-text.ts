'use client';

import { useTranslations } from 'use-intl';

/** How each return and risk figure is computed, in the reader's language. */
export function useMethodText() {
  const t = useTranslations('portfolio.methods');
  const of = (
    key: 'twr' | 'xirr' | 'periodSimple' | 'maxDrawdown' | 'volatility' | 'benchmark',
  ) => ({
    name: t(`${key}.name`),
    description: t(`${key}.description`),
  });
  return {
    /** The summary's total return; a method this page does not know shows the server's words. */
    totalReturn: (method: string, serverDescription: string) =>
      method === 'simple'
        ? { name: t('totalSimple.name'), description: t('totalSimple.description') }
        : method === 'cost-basis'
          ? { name: t('totalCostBasis.name'), description: t('totalCostBasis.description') }
          : { name: method, description: serverDescription },
    twr: of('twr'),
    xirr: of('xirr'),
    periodSimple: of('periodSimple'),
    maxDrawdown: of('maxDrawdown'),
    volatility: of('volatility'),
    benchmark: of('benchmark'),
  };
}
