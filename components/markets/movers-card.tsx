'use client';

import Link from 'next/link';
import { useId } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { stockHref } from '@/components/stocks/search/stock-href';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { displayName } from './display-name';
import { PriceChange } from './price-change';
import type { MarketRow } from './types';
import { useLiveRow } from './use-live-row';
import { useMarketFormat } from './use-market-format';

/**
 * Today's biggest risers or fallers across both markets, ranked when the overview was fetched
 * (every minute); the prices beside them move live.
 */
export function MoversCard({ kind, rows }: { kind: 'gainers' | 'losers'; rows: MarketRow[] }) {
  const t = useTranslations('markets.movers');
  const id = useId();
  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardHeader titleId={`${id}-title`} title={t(`${kind}.title`)} className="py-3" />
      {rows.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-muted">{t(`${kind}.empty`)}</p>
      ) : (
        <ol className="divide-y divide-border" aria-labelledby={`${id}-title`}>
          {rows.map((row, index) => (
            <MoverItem key={row.symbol} row={row} rank={index + 1} />
          ))}
        </ol>
      )}
    </Card>
  );
}

function MoverItem({ row, rank }: { row: MarketRow; rank: number }) {
  const t = useTranslations('markets');
  const locale = useLocale();
  const fmt = useMarketFormat();
  const live = useLiveRow(row);
  return (
    <li data-testid="mover-row" data-symbol={row.symbol}>
      <Link
        href={stockHref(row.symbol)}
        className="flex items-center gap-3 px-5 py-2.5 hover:bg-surface-muted"
      >
        <span aria-hidden="true" className="w-4 shrink-0 text-xs text-muted tabular-nums">
          {rank}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium">{displayName(row, locale)}</span>
          <span className="flex items-center gap-1.5 text-xs text-muted">
            <span className="font-mono">{row.symbol}</span>
            <Badge className="px-1.5 py-0 text-[10px]">{t(`marketShort.${row.market}`)}</Badge>
          </span>
        </span>
        <span className="shrink-0 text-right">
          <span
            data-testid="market-price"
            data-symbol={row.symbol}
            className="block text-sm font-medium tabular-nums"
          >
            {fmt.price(live.price, row)}
          </span>
          <PriceChange
            change={live.change}
            changePercent={live.changePercent}
            currency={row.currency}
            kind={row.kind}
            showAmount={false}
            className="text-xs font-medium"
          />
        </span>
      </Link>
    </li>
  );
}
