'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PlusIcon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import type { AccountDto } from '@/server/portfolio/schemas';
import type { AccountFormTarget } from './account-form';
import { AccountFormDialog } from './account-form-dialog';
import { AccountItem } from './account-item';
import { DeleteAccountDialog } from './delete-account-dialog';
import { WalletIcon } from './ledger-icons';

/** The /portfolios page body: the user's accounts with create, edit, delete, import and export. */
export function AccountsManager() {
  const t = useTranslations();
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const accounts = useQuery(trpc.portfolios.accounts.list.queryOptions());
  const [form, setForm] = useState<AccountFormTarget | null>(null);
  const [deleting, setDeleting] = useState<AccountDto | null>(null);

  const createButton = (variant: 'primary' | 'secondary') => (
    <Button size="sm" variant={variant} onClick={() => setForm({ mode: 'create' })}>
      <PlusIcon className="size-4" />
      {t('ledger.accounts.create')}
    </Button>
  );

  return (
    <Card aria-labelledby="accounts-title">
      <CardHeader
        titleId="accounts-title"
        title={t('ledger.accounts.title')}
        description={t('ledger.accounts.description')}
        actions={accounts.data && accounts.data.length > 0 ? createButton('primary') : null}
      />
      <CardBody>
        {accounts.isPending ? (
          <div role="status" aria-busy="true" className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <span className="sr-only">{t('common.loading')}</span>
            {[0, 1].map((key) => (
              <div key={key} className="flex flex-col gap-3 rounded-lg border border-border p-4">
                <Skeleton className="h-5 w-44" />
                <div className="flex gap-2">
                  <Skeleton className="h-5 w-20 rounded-full" />
                  <Skeleton className="h-5 w-12 rounded-full" />
                </div>
                <Skeleton className="h-12 w-full" />
                <Skeleton className="h-8 w-full" />
              </div>
            ))}
          </div>
        ) : accounts.isError ? (
          <div className="flex flex-col items-start gap-3">
            <Alert>
              {t('errors.loadFailed')} {describeError(accounts.error)}
            </Alert>
            <Button variant="secondary" size="sm" onClick={() => void accounts.refetch()}>
              {t('common.retry')}
            </Button>
          </div>
        ) : accounts.data.length === 0 ? (
          <div className="flex flex-col items-center gap-3 py-8 text-center">
            <span className="inline-flex size-11 items-center justify-center rounded-full bg-accent-subtle text-accent">
              <WalletIcon className="size-5" />
            </span>
            <p className="max-w-sm text-sm text-balance text-muted">{t('ledger.accounts.empty')}</p>
            {createButton('primary')}
          </div>
        ) : (
          <ul
            aria-label={t('ledger.accounts.title')}
            className="grid grid-cols-1 gap-4 lg:grid-cols-2"
          >
            {accounts.data.map((account) => (
              <AccountItem
                key={account.id}
                account={account}
                onEdit={() => setForm({ mode: 'edit', account })}
                onDelete={() => setDeleting(account)}
              />
            ))}
          </ul>
        )}
      </CardBody>
      <AccountFormDialog target={form} onClose={() => setForm(null)} />
      <DeleteAccountDialog account={deleting} onClose={() => setDeleting(null)} />
    </Card>
  );
}
