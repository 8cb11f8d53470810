'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'use-intl';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { PencilIcon, TrashIcon } from '@/components/ui/icons';
import type { AccountDto } from '@/server/portfolio/schemas';
import { ExportButtons } from './export-buttons';
import { ImportTransactionsButton } from './import-dialog';
import { formatMoney } from './ledger-format';

/** One account: name (to its page), kind, currency, cash per currency, ledger size, actions. */
export function AccountItem({
  account,
  onEdit,
  onDelete,
}: {
  account: AccountDto;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations('ledger');
  const locale = useLocale();
  const href = `/portfolios/${encodeURIComponent(account.id)}`;
  // The base currency first, even before any cash moved in it.
  const cash = [...account.cash].sort((a, b) =>
    a.currency === account.baseCurrency ? -1 : b.currency === account.baseCurrency ? 1 : 0,
  );
  if (!cash.some((row) => row.currency === account.baseCurrency)) {
    cash.unshift({ currency: account.baseCurrency, balance: '0' });
  }

  return (
    <li
      data-testid="account-item"
      data-account-id={account.id}
      className="flex min-w-0 flex-col gap-4 rounded-lg border border-border p-4"
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-base font-semibold">
            <Link href={href} className="break-words hover:text-accent hover:underline">
              {account.name}
            </Link>
          </h3>
          <div className="mt-1.5 flex flex-wrap gap-1.5">
            <Badge tone="info">{t(`kinds.${account.kind}`)}</Badge>
            <Badge>{account.baseCurrency}</Badge>
            {account.allowNegativeCash ? (
              <Badge tone="warning">{t('accounts.negativeCashAllowed')}</Badge>
            ) : null}
          </div>
        </div>
        <div className="flex shrink-0 gap-1">
          <Button
            variant="ghost"
            size="icon"
            onClick={onEdit}
            aria-label={t('accounts.editLabel', { name: account.name })}
          >
            <PencilIcon className="size-4" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            onClick={onDelete}
            aria-label={t('accounts.deleteLabel', { name: account.name })}
            className="text-danger"
          >
            <TrashIcon className="size-4" />
          </Button>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-4 text-sm">
        <div className="min-w-0">
          <dt className="text-muted">{t('accounts.cash')}</dt>
          <dd className="mt-0.5 flex flex-col tabular-nums">
            {cash.map((row) => (
              <span
                key={row.currency}
                data-testid={`account-cash-${row.currency}`}
                className={cn('font-medium', row.balance.startsWith('-') && 'text-danger')}
              >
                {formatMoney(locale, row.balance, row.currency)}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt className="text-muted">{t('accounts.transactions')}</dt>
          <dd className="mt-0.5 font-medium tabular-nums">
            {t('accounts.transactionCount', { count: account.transactionCount })}
          </dd>
        </div>
      </dl>

      <div className="flex flex-wrap items-start gap-2 border-t border-border pt-3">
        <Link
          href={href}
          className="inline-flex h-8 items-center rounded-md px-2.5 text-sm font-medium text-accent hover:bg-surface-muted"
        >
          {t('accounts.open')}
        </Link>
        <ImportTransactionsButton accountId={account.id} />
        <ExportButtons accountId={account.id} />
      </div>
    </li>
  );
}
