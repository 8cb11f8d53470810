'use client';

import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { SelectField } from '@/components/ui/field';
import type { ImportPreview, ImportRowPreview } from '@/server/portfolio/csv-import';
import { visibleRows, type ImportMapping, type RowFilter } from './import-file';
import { formatMoney, formatQuantity } from './ledger-format';
import { importFields } from './ledger-constants';
import { useLedgerErrorText } from './use-ledger-error';

/** More rows than this are counted, not listed (a 20,000-row file is not one table). */
const ROW_LIMIT = 200;

const statusTone = { new: 'success', duplicate: 'warning', invalid: 'danger' } as const;

/**
 * The parsed rows: what each will become, duplicates flagged (already in the account, or
 * repeated within the file) and rows with errors highlighted with every problem named by its
 * column. A filter narrows the list to one status.
 */
export function ImportPreviewTable({
  preview,
  mapping,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
}) {
  const t = useTranslations('ledger');
  const [filter, setFilter] = useState<RowFilter>('all');
  const { rows, matching } = visibleRows(preview.rows, filter, ROW_LIMIT);
  const counts: Record<RowFilter, number> = {
    all: preview.counts.total,
    new: preview.counts.new,
    duplicate: preview.counts.duplicates,
    invalid: preview.counts.invalid,
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <SelectField
          label={t('import.show')}
          value={filter}
          onChange={(event) => setFilter(event.target.value as RowFilter)}
          containerClassName="w-56 max-w-full"
          className="h-9"
        >
          {(['all', 'new', 'duplicate', 'invalid'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`import.filter.${value}`, { count: counts[value] })}
            </option>
          ))}
        </SelectField>
        {matching > rows.length ? (
          <p className="text-xs text-muted">
            {t('import.showingFirst', { shown: rows.length, total: matching })}
          </p>
        ) : null}
      </div>
      <div className="max-h-[24rem] overflow-auto rounded-lg border border-border">
        <table className="w-full min-w-[46rem] border-collapse text-sm">
          <caption className="sr-only">{t('import.previewCaption')}</caption>
          <thead className="sticky top-0 z-10 bg-surface">
            <tr className="border-b border-border text-xs text-muted">
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t('import.row')}
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                {t('import.status')}
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                {t('columns.date')}
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                {t('columns.type')}
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                {t('columns.symbol')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t('columns.quantity')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t('columns.price')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t('columns.amount')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t('columns.feesTaxes')}
              </th>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                {t('columns.note')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {rows.map((row) => (
              <PreviewRow key={row.row} row={row} mapping={mapping} />
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-muted">{t('import.noRows')}</p>
        ) : null}
      </div>
    </div>
  );
}

function PreviewRow({ row, mapping }: { row: ImportRowPreview; mapping: ImportMapping }) {
  const t = useTranslations('ledger');
  const locale = useLocale();
  const { messageText } = useLedgerErrorText();
  const tx = row.transaction;
  const money = (value: string | null | undefined) =>
    value === null || value === undefined || !tx ? '—' : formatMoney(locale, value, tx.currency);
  const status = (
    <Badge tone={statusTone[row.status]} dot>
      {row.status === 'duplicate'
        ? t(row.duplicateOf === 'file' ? 'import.duplicateInFile' : 'import.duplicateExisting')
        : t(`import.statuses.${row.status}`)}
    </Badge>
  );
  const columnOf = (field: string) => {
    const known = (importFields as readonly string[]).includes(field);
    const label = known ? t(`import.fields.${field as (typeof importFields)[number]}`) : field;
    const header = mapping[field as keyof ImportMapping];
    return header && header !== label ? `${label} (${header})` : label;
  };

  return (
    <tr
      data-testid="import-row"
      data-row={row.row}
      data-status={row.status}
      className={cn(
        row.status === 'invalid' && 'bg-danger-subtle',
        row.status === 'duplicate' && 'bg-warning-subtle/60 text-muted',
      )}
    >
      <th scope="row" className="px-3 py-2 text-right font-mono text-xs font-normal text-muted">
        {row.row}
      </th>
      {tx ? (
        <>
          <td className="px-3 py-2 whitespace-nowrap">{status}</td>
          <td className="px-3 py-2 whitespace-nowrap tabular-nums">{tx.tradeDate}</td>
          <td className="px-3 py-2 whitespace-nowrap">{t(`types.${tx.type}`)}</td>
          <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{tx.symbol ?? '—'}</td>
          <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
            {tx.type === 'split' && tx.splitRatio
              ? t('history.splitRatio', { ratio: formatQuantity(locale, tx.splitRatio) })
              : tx.quantity
                ? formatQuantity(locale, tx.quantity)
                : '—'}
          </td>
          <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{money(tx.price)}</td>
          <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
            {money(tx.amount)}
          </td>
          <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
            {money(tx.fees ?? '0')} / {money(tx.taxes ?? '0')}
          </td>
          <td className="max-w-48 truncate px-3 py-2" title={tx.note ?? undefined}>
            {tx.note ?? ''}
          </td>
        </>
      ) : (
        // One wide cell, kept within the visible width on a phone so the problems read without
        // scrolling sideways.
        <td colSpan={9} className="px-3 py-2">
          <div className="flex max-w-[calc(100vw-8rem)] flex-col items-start gap-1 sm:max-w-none sm:flex-row sm:gap-3">
            {status}
            <ul className="flex flex-col gap-0.5 text-danger" aria-label={t('import.rowErrors')}>
              {row.errors.map((error, index) => (
                <li key={index}>
                  <span className="font-medium">{columnOf(error.field)}</span>:{' '}
                  {messageText(error.message)}
                </li>
              ))}
            </ul>
          </div>
        </td>
      )}
    </tr>
  );
}
