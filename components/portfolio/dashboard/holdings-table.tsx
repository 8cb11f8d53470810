'use client';

import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { displayName } from '@/components/markets/display-name';
import { priceTone } from '@/components/stocks/price-colors';
import { stockHref } from '@/components/stocks/search/stock-href';
import { cn } from '@/components/ui/cn';
import {
  DEFAULT_HOLDING_SORT,
  ariaSort,
  nextSort,
  sortHoldings,
  type HoldingSort,
  type HoldingSortKey,
} from './holding-sort';
import type { HoldingView } from './live-holdings';
import { SignedChange } from './summary-cards';
import { usePortfolioFormat } from './use-portfolio-format';

type Column = { key: HoldingSortKey; align: 'left' | 'right' };

/**
 * Holdings with live prices: every column sorts (a button in its header, aria-sort on the
 * header). On a phone the table scrolls sideways inside its box, the name column staying put.
 */
export function HoldingsTable({
  rows,
  showAccount,
  caption,
}: {
  rows: readonly HoldingView[];
  showAccount: boolean;
  caption: string;
}) {
  const t = useTranslations('portfolio.holdings');
  const locale = useLocale();
  const [sort, setSort] = useState<HoldingSort>(DEFAULT_HOLDING_SORT);
  const sorted = sortHoldings(
    rows,
    sort,
    (row, key) => (key === 'name' ? displayName(row, locale) : row.accountName),
    locale,
  );
  const columns: Column[] = [
    { key: 'name', align: 'left' },
    ...(showAccount ? [{ key: 'account', align: 'left' } as const] : []),
    { key: 'quantity', align: 'right' },
    { key: 'averageCost', align: 'right' },
    { key: 'price', align: 'right' },
    { key: 'dayChange', align: 'right' },
    { key: 'marketValue', align: 'right' },
    { key: 'unrealizedPnl', align: 'right' },
    { key: 'weight', align: 'right' },
  ];

  return (
    <div className="-mx-5 overflow-x-auto px-5">
      <table
        data-testid="holdings-table"
        data-sort={`${sort.key}:${sort.direction}`}
        className="w-full min-w-[60rem] border-collapse text-sm"
      >
        <caption className="sr-only">
          {caption} {t('sortHint')}
        </caption>
        <thead>
          <tr className="border-b border-border text-xs text-muted">
            {columns.map((column, index) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={ariaSort(sort, column.key)}
                className={cn(
                  'py-1 font-medium whitespace-nowrap',
                  index === 0 ? 'sticky left-0 z-10 bg-surface pr-3' : 'px-2',
                  column.align === 'right' ? 'text-right' : 'text-left',
                )}
              >
                <SortButton
                  active={sort.key === column.key}
                  direction={sort.direction}
                  align={column.align}
                  onClick={() => setSort((current) => nextSort(current, column.key))}
                >
                  {t(`columns.${column.key}`)}
                </SortButton>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {sorted.map((row) => (
            <HoldingRow key={row.key} row={row} showAccount={showAccount} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortButton({
  active,
  direction,
  align,
  onClick,
  children,
}: {
  active: boolean;
  direction: 'asc' | 'desc';
  align: 'left' | 'right';
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      className={cn(
        'inline-flex h-8 items-center gap-1 rounded-md px-1 hover:text-foreground',
        align === 'right' && 'flex-row-reverse',
        active && 'text-foreground',
      )}
    >
      {children}
      <span aria-hidden="true" className={cn('w-3 text-[0.7rem]', !active && 'opacity-30')}>
        {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
      </span>
    </button>
  );
}

function HoldingRow({ row, showAccount }: { row: HoldingView; showAccount: boolean }) {
  const locale = useLocale();
  const fmt = usePortfolioFormat();
  const name = displayName(row, locale);
  const foreign = row.currency !== row.displayCurrency;
  const cell = 'px-2 py-2.5 text-right whitespace-nowrap tabular-nums';
  return (
    <tr
      data-testid={`holding-row-${row.symbol}`}
      data-symbol={row.symbol}
      data-account={row.accountId}
      className="group hover:bg-surface-muted"
    >
      <th
        scope="row"
        className="sticky left-0 z-10 bg-surface py-2.5 pr-3 text-left font-normal group-hover:bg-surface-muted"
      >
        <Link
          href={stockHref(row.symbol)}
          className="block max-w-36 rounded-sm hover:text-accent sm:max-w-56"
        >
          <span className="block truncate font-medium">{name}</span>
          <span className="block font-mono text-xs text-muted">{row.symbol}</span>
        </Link>
      </th>
      {showAccount ? (
        <td className="max-w-40 truncate px-2 py-2.5 text-left text-muted">{row.accountName}</td>
      ) : null}
      <td className={cell}>{fmt.quantity(row.quantity)}</td>
      <td className={cn(cell, 'text-muted')}>{fmt.price(row.averageCost, row.currency)}</td>
      <td
        data-testid={`holding-price-${row.symbol}`}
        data-price={row.price ?? ''}
        data-live={row.live}
        className={cn(cell, 'font-medium', priceTone(row.dayChangeRate, locale))}
      >
        {fmt.price(row.price, row.currency)}
      </td>
      <td className={cell}>
        <SignedChange
          amount={row.dayChange}
          rate={null}
          currency={row.displayCurrency}
          showArrow={false}
        />
        <span className="block text-xs">
          <SignedChange amount={null} rate={row.dayChangeRate} currency={row.displayCurrency} />
        </span>
      </td>
      <td className={cell}>
        <span className="block font-medium">{fmt.money(row.marketValue, row.displayCurrency)}</span>
        {foreign ? (
          <span className="block text-xs text-muted">
            {fmt.money(row.marketValueLocal, row.currency)}
          </span>
        ) : null}
      </td>
      <td className={cell}>
        <SignedChange
          amount={row.unrealizedPnl}
          rate={null}
          currency={row.displayCurrency}
          showArrow={false}
        />
        <span className="block text-xs">
          <SignedChange
            amount={null}
            rate={row.unrealizedReturnRate}
            currency={row.displayCurrency}
          />
        </span>
      </td>
      <td className={cn(cell, 'pr-0')}>{fmt.percent(row.weight)}</td>
    </tr>
  );
}
