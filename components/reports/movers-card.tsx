'use client';

import Link from 'next/link';
import { useId } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { displayName } from '@/components/markets/display-name';
import { priceArrow, priceTone } from '@/components/stocks/price-colors';
import { stockHref } from '@/components/stocks/search/stock-href';
import { Card, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { ReportMover } from './types';
import { useReportFormat } from './use-report-format';

/** The day's best or worst holdings, each linking to its stock page. */
export function MoversCard({ kind, movers }: { kind: 'best' | 'worst'; movers: ReportMover[] }) {
  const t = useTranslations('reports.movers');
  const locale = useLocale();
  const fmt = useReportFormat();
  const id = useId();
  return (
    <Card aria-labelledby={`${id}-title`} data-testid={`report-${kind}`}>
      <CardHeader titleId={`${id}-title`} title={t(kind)} className="py-3" />
      {movers.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-muted">
          {t(kind === 'best' ? 'bestEmpty' : 'worstEmpty')}
        </p>
      ) : (
        <ol className="divide-y divide-border" aria-labelledby={`${id}-title`}>
          {movers.map((m) => (
            <li key={m.symbol} data-testid="report-mover" data-symbol={m.symbol}>
              <Link
                href={stockHref(m.symbol)}
                className="flex items-center gap-3 px-5 py-2.5 hover:bg-surface-muted"
              >
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium">
                    {displayName(m, locale)}
                  </span>
                  <span className="block font-mono text-xs text-muted">{m.symbol}</span>
                </span>
                <span className="shrink-0 text-right">
                  <span className="block text-sm font-medium tabular-nums">
                    {m.price ? fmt.money(m.price) : '–'}
                  </span>
                  <span
                    className={cn(
                      'block text-xs font-medium tabular-nums',
                      priceTone(m.dayChangeRate, locale),
                    )}
                  >
                    <span aria-hidden="true" className="mr-1 text-[0.7em]">
                      {priceArrow(m.dayChangeRate)}
                    </span>
                    {fmt.change(m.dayChangeRate)}
                  </span>
                  {m.dayChange ? (
                    <span className="block text-xs text-muted tabular-nums">
                      {t('positionChange', { amount: fmt.signedMoney(m.dayChange) })}
                    </span>
                  ) : null}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
