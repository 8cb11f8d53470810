'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'use-intl';
import { stockHref } from '@/components/stocks/search/stock-href';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { PencilIcon, TrashIcon } from '@/components/ui/icons';
import type { TransactionDto } from '@/server/portfolio/schemas';
import { formatMoney, formatQuantity, grossAmount } from './ledger-format';
import type { TransactionType } from './transaction-fields';

const typeTone: Partial<Record<TransactionType, 'info' | 'warning' | 'success'>> = {
  buy: 'info',
  sell: 'warning',
  dividend: 'success',
  interest: 'success',
};

/**
 * The ledger rows. On a phone the table keeps its columns and scrolls sideways in its own box,
 * the date column staying in view.
 */
export function TransactionTable({
  items,
  onEdit,
  onDelete,
}: {
  items: TransactionDto[];
  onEdit: (transaction: TransactionDto) => void;
  onDelete: (transaction: TransactionDto) => void;
}) {
  const t = useTranslations('ledger');
  const head = 'px-3 py-2 font-medium whitespace-nowrap';
  return (
    <div className="-mx-5 overflow-x-auto px-5">
      <table className="w-full min-w-[56rem] border-collapse text-sm">
        <caption className="sr-only">{t('history.caption')}</caption>
        <thead>
          <tr className="border-b border-border text-xs text-muted">
            <th scope="col" className={`${head} sticky left-0 bg-surface pl-0 text-left`}>
              {t('columns.date')}
            </th>
            <th scope="col" className={`${head} text-left`}>
              {t('columns.type')}
            </th>
            <th scope="col" className={`${head} text-left`}>
              {t('columns.symbol')}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t('columns.quantity')}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t('columns.price')}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t('columns.amount')}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t('columns.fees')}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t('columns.taxes')}
            </th>
            <th scope="col" className={`${head} text-left`}>
              {t('columns.note')}
            </th>
            <th scope="col" className={`${head} pr-0 text-right`}>
              <span className="sr-only">{t('columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {items.map((tx) => (
            <TransactionRow
              key={tx.id}
              tx={tx}
              onEdit={() => onEdit(tx)}
              onDelete={() => onDelete(tx)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TransactionRow({
  tx,
  onEdit,
  onDelete,
}: {
  tx: TransactionDto;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations('ledger');
  const locale = useLocale();
  const money = (value: string | null) =>
    value === null ? '—' : formatMoney(locale, value, tx.currency);
  const zeroDash = (value: string) => (/^0(\.0*)?$/.test(value) ? '—' : money(value));
  const amount = grossAmount(tx);
  const label = t('history.rowLabel', { type: t(`types.${tx.type}`), date: tx.tradeDate });
  const cell = 'px-3 py-2.5 whitespace-nowrap';

  return (
    <tr
      data-testid="transaction-row"
      data-type={tx.type}
      data-symbol={tx.symbol ?? ''}
      className="group hover:bg-surface-muted"
    >
      <th
        scope="row"
        className={`${cell} sticky left-0 bg-surface pl-0 text-left font-normal tabular-nums group-hover:bg-surface-muted`}
      >
        {tx.tradeDate}
      </th>
      <td className={cell}>
        <span className="inline-flex items-center gap-1.5">
          <Badge tone={typeTone[tx.type] ?? 'neutral'}>{t(`types.${tx.type}`)}</Badge>
          {tx.imported ? (
            <span className="text-[11px] text-muted" title={t('history.importedTitle')}>
              {t('history.imported')}
            </span>
          ) : null}
        </span>
      </td>
      <td className={`${cell} font-mono text-xs`}>
        {tx.symbol ? (
          <Link href={stockHref(tx.symbol)} className="hover:text-accent hover:underline">
            {tx.symbol}
          </Link>
        ) : (
          '—'
        )}
      </td>
      <td className={`${cell} text-right tabular-nums`}>
        {tx.type === 'split' && tx.splitRatio
          ? t('history.splitRatio', { ratio: formatQuantity(locale, tx.splitRatio) })
          : tx.quantity === null
            ? '—'
            : formatQuantity(locale, tx.quantity)}
      </td>
      <td className={`${cell} text-right tabular-nums`}>{money(tx.price)}</td>
      <td className={`${cell} text-right font-medium tabular-nums`}>{money(amount)}</td>
      <td className={`${cell} text-right text-muted tabular-nums`}>{zeroDash(tx.fees)}</td>
      <td className={`${cell} text-right text-muted tabular-nums`}>{zeroDash(tx.taxes)}</td>
      <td className="max-w-56 truncate px-3 py-2.5 text-muted" title={tx.note ?? undefined}>
        {tx.note ?? ''}
      </td>
      <td className="py-1.5 pl-3 text-right whitespace-nowrap">
        <Button
          variant="ghost"
          size="icon"
          onClick={onEdit}
          aria-label={t('history.edit', { row: label })}
        >
          <PencilIcon className="size-4" />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          onClick={onDelete}
          aria-label={t('history.delete', { row: label })}
          className="text-danger"
        >
          <TrashIcon className="size-4" />
        </Button>
      </td>
    </tr>
  );
}
