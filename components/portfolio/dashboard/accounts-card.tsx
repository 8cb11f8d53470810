'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useId } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { SectionError, SectionLoading } from './section-state';
import { usePortfolioFormat } from './use-portfolio-format';

/** The user's accounts, each linking to its own page (holdings, performance, transactions). */
export function AccountsCard() {
  const t = useTranslations('portfolio.accounts');
  const fmt = usePortfolioFormat();
  const trpc = useTRPC();
  const id = useId();
  const accounts = useQuery(trpc.portfolios.accounts.list.queryOptions());
  return (
    <Card aria-labelledby={`${id}-title`} className="min-w-0">
      <CardHeader titleId={`${id}-title`} title={t('title')} description={t('description')} />
      {accounts.data === undefined ? (
        accounts.isPending ? (
          <SectionLoading className="px-5 py-4">
            {[0, 1].map((row) => (
              <Skeleton key={row} className="h-12 w-full" />
            ))}
          </SectionLoading>
        ) : (
          <SectionError
            className="px-5 py-4"
            error={accounts.error}
            onRetry={() => void accounts.refetch()}
          />
        )
      ) : accounts.data.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-muted">{t('empty')}</p>
      ) : (
        <ul className="divide-y divide-border">
          {accounts.data.map((account) => (
            <li key={account.id}>
              <Link
                href={`/portfolios/${encodeURIComponent(account.id)}`}
                data-testid="account-link"
                className="flex items-center gap-3 px-5 py-3 hover:bg-surface-muted"
              >
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium">{account.name}</span>
                  <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                    <Badge className="px-1.5 py-0 text-[10px]">{t(`kind.${account.kind}`)}</Badge>
                    <Badge className="px-1.5 py-0 text-[10px]">{account.baseCurrency}</Badge>
                    {t('transactions', { count: account.transactionCount })}
                  </span>
                </span>
                <span className="shrink-0 text-right text-xs text-muted">
                  {t('cash')}
                  {account.cash.length === 0 ? (
                    <span className="block text-sm font-medium text-foreground tabular-nums">
                      {fmt.money('0', account.baseCurrency)}
                    </span>
                  ) : (
                    account.cash.map((cash) => (
                      <span
                        key={cash.currency}
                        className="block text-sm font-medium text-foreground tabular-nums"
                      >
                        {fmt.money(cash.balance, cash.currency)}
                      </span>
                    ))
                  )}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
