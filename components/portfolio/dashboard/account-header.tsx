'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Badge } from '@/components/ui/badge';
import type { AccountDto } from './types';
import { usePortfolioFormat } from './use-portfolio-format';

/**
 * The account page's title: name, kind, base currency and cash. Starts from the server's copy
 * and follows the accounts list (renamed or new cash after a transaction, in this or another tab).
 */
export function AccountHeader({ account, actions }: { account: AccountDto; actions?: ReactNode }) {
  const t = useTranslations('portfolio');
  const fmt = usePortfolioFormat();
  const trpc = useTRPC();
  const accounts = useQuery(trpc.portfolios.accounts.list.queryOptions());
  const current = accounts.data?.find((a) => a.id === account.id) ?? account;
  return (
    <header className="flex flex-col gap-3">
      <Link
        href="/dashboard"
        className="self-start text-sm font-medium text-accent underline-offset-4 hover:underline"
      >
        <span aria-hidden="true">← </span>
        {t('account.dashboardLink')}
      </Link>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1
            data-testid="account-name"
            className="truncate text-2xl font-semibold tracking-tight sm:text-3xl"
          >
            {current.name}
          </h1>
          <div className="mt-1.5 flex flex-wrap items-center gap-2 text-sm text-muted">
            <Badge>{t(`accounts.kind.${current.kind}`)}</Badge>
            <Badge>{t('account.baseCurrency', { currency: current.baseCurrency })}</Badge>
            <span>{t('accounts.transactions', { count: current.transactionCount })}</span>
            {current.cash.map((cash) => (
              <span key={cash.currency} className="tabular-nums">
                {t('account.cashIn', {
                  currency: cash.currency,
                  amount: fmt.money(cash.balance, cash.currency),
                })}
              </span>
            ))}
          </div>
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}
