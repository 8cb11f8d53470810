'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'use-intl';
import { priceTone } from '@/components/stocks/price-colors';
import { stockHref } from '@/components/stocks/search/stock-href';
import { cn } from '@/components/ui/cn';
import { displayName } from './display-name';
import { PriceChange } from './price-change';
import type { MarketRow } from './types';
import { useLiveRow } from './use-live-row';
import { useMarketFormat } from './use-market-format';

/**
 * Stocks as a table: name (linking to the stock), live price, change, volume. On a phone the table
 * keeps its columns and scrolls sideways inside its own box, the name column staying in view.
 */
export function StockTable({ rows, caption }: { rows: MarketRow[]; caption: string }) {
  const t = useTranslations('markets.table');
  return (
    <div className="-mx-5 overflow-x-auto px-5">
      <table className="w-full min-w-[30rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-border text-xs text-muted">
            <th scope="col" className="sticky left-0 bg-surface py-2 pr-3 text-left font-medium">
              {t('name')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t('price')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t('change')}
            </th>
            <th scope="col" className="py-2 pl-3 text-right font-medium">
              {t('volume')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <StockTableRow key={row.symbol} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StockTableRow({ row }: { row: MarketRow }) {
  const locale = useLocale();
  const fmt = useMarketFormat();
  const live = useLiveRow(row);
  return (
    <tr data-testid="stock-row" data-symbol={row.symbol} className="group hover:bg-surface-muted">
      <th
        scope="row"
        className="sticky left-0 bg-surface py-2.5 pr-3 text-left font-normal group-hover:bg-surface-muted"
      >
        <Link
          href={stockHref(row.symbol)}
          className="block max-w-40 rounded-sm hover:text-accent sm:max-w-64"
        >
          <span className="block truncate font-medium">{displayName(row, locale)}</span>
          <span className="block font-mono text-xs text-muted">{row.symbol}</span>
        </Link>
      </th>
      <td
        data-testid="market-price"
        data-symbol={row.symbol}
        className={cn(
          'px-3 py-2.5 text-right font-medium whitespace-nowrap tabular-nums',
          priceTone(live.change ?? live.changePercent, locale),
        )}
      >
        {fmt.price(live.price, row)}
      </td>
      <td className="px-3 py-2.5 text-right whitespace-nowrap">
        <PriceChange
          change={live.change}
          changePercent={live.changePercent}
          currency={row.currency}
          kind={row.kind}
        />
      </td>
      <td className="py-2.5 pl-3 text-right whitespace-nowrap text-muted tabular-nums">
        {fmt.volume(live.volume)}
      </td>
    </tr>
  );
}
