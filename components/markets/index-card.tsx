'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'use-intl';
import { priceTone } from '@/components/stocks/price-colors';
import { stockHref } from '@/components/stocks/search/stock-href';
import { displayName } from './display-name';
import { PriceChange } from './price-change';
import { Sparkline } from './sparkline';
import type { MarketRow } from './types';
import { useLiveRow } from './use-live-row';
import { useMarketFormat } from './use-market-format';

/** One index: level, day change, a month's trend, and when that level was quoted. */
export function IndexCard({ row }: { row: MarketRow }) {
  const t = useTranslations('markets');
  const locale = useLocale();
  const fmt = useMarketFormat();
  const live = useLiveRow(row);
  const name = displayName(row, locale);
  return (
    <li className="min-w-0">
      <Link
        href={stockHref(row.symbol)}
        data-testid="index-card"
        data-symbol={row.symbol}
        className="flex h-full flex-col gap-3 rounded-xl border border-border bg-surface p-4 shadow-xs transition-colors hover:border-accent/50 hover:bg-surface-muted/40"
      >
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0">
            <h3 className="truncate text-sm font-semibold">{name}</h3>
            <p className="text-xs text-muted">{t(`marketName.${row.market}`)}</p>
          </div>
          <Sparkline
            values={row.spark}
            width={96}
            height={36}
            className={priceTone(live.change ?? live.changePercent, locale)}
          />
        </div>
        <div>
          <p
            data-testid="market-price"
            data-symbol={row.symbol}
            className="text-2xl font-semibold tracking-tight tabular-nums"
          >
            {fmt.price(live.price, row)}
          </p>
          <PriceChange
            change={live.change}
            changePercent={live.changePercent}
            currency={row.currency}
            kind={row.kind}
            className="text-sm font-medium"
          />
        </div>
        <p className="mt-auto text-xs text-muted">
          {t('asOf', { time: fmt.asOf(row.market, live.asOf), zone: t(`zone.${row.market}`) })}
        </p>
      </Link>
    </li>
  );
}
