'use client';

import Link from 'next/link';
import { useId } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { displayName } from '@/components/markets/display-name';
import { stockHref } from '@/components/stocks/search/stock-href';
import { Card, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import type { HoldingView } from './live-holdings';
import { SectionLoading } from './section-state';
import { SignedChange } from './summary-cards';
import { topMovers } from './top-movers';
import { usePortfolioFormat } from './use-portfolio-format';

/** The holdings that rose and fell most today (by rate), at live prices. */
export function TopMoversCard({ rows }: { rows: readonly HoldingView[] | undefined }) {
  const t = useTranslations('portfolio.movers');
  const id = useId();
  const movers = rows ? topMovers(rows) : null;
  return (
    <Card aria-labelledby={`${id}-title`} className="min-w-0">
      <CardHeader titleId={`${id}-title`} title={t('title')} description={t('description')} />
      {movers === null ? (
        <SectionLoading className="px-5 py-4">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} className="h-9 w-full" />
          ))}
        </SectionLoading>
      ) : (
        <div className="grid grid-cols-1 divide-y divide-border">
          <MoverList kind="up" rows={movers.up} />
          <MoverList kind="down" rows={movers.down} />
        </div>
      )}
    </Card>
  );
}

function MoverList({ kind, rows }: { kind: 'up' | 'down'; rows: HoldingView[] }) {
  const t = useTranslations('portfolio.movers');
  const locale = useLocale();
  const fmt = usePortfolioFormat();
  const id = useId();
  return (
    <section aria-labelledby={id} className="py-2" data-testid={`movers-${kind}`}>
      <h3 id={id} className="px-5 py-1 text-xs font-medium text-muted">
        {t(kind)}
      </h3>
      {rows.length === 0 ? (
        <p className="px-5 py-2 text-sm text-muted">{t(`${kind}Empty`)}</p>
      ) : (
        <ol>
          {rows.map((row) => (
            <li key={row.key} data-testid="mover" data-symbol={row.symbol}>
              <Link
                href={stockHref(row.symbol)}
                className="flex items-center gap-3 px-5 py-2 hover:bg-surface-muted"
              >
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium">
                    {displayName(row, locale)}
                  </span>
                  <span className="block font-mono text-xs text-muted">{row.symbol}</span>
                </span>
                <span className="shrink-0 text-right">
                  <span className="block text-sm font-medium tabular-nums">
                    {fmt.price(row.price, row.currency)}
                  </span>
                  <SignedChange
                    amount={null}
                    rate={row.dayChangeRate}
                    currency={row.currency}
                    className="text-xs font-medium"
                  />
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
