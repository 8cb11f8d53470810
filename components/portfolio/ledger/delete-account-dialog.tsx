'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { trpcErrorCode } from '@/components/ui/trpc-error';
import { useErrorMessage } from '@/components/ui/use-error-message';
import type { AccountDto } from '@/server/portfolio/schemas';
import { ExportButtons } from './export-buttons';
import { useInvalidatePortfolios } from './use-invalidate-portfolios';

/**
 * Confirms deleting an account. Deleting removes its whole ledger (the server cascades), so the
 * dialog says how many transactions go with it and offers an export first.
 */
export function DeleteAccountDialog({
  account,
  onClose,
}: {
  account: AccountDto | null;
  onClose: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidatePortfolios();
  const describeError = useErrorMessage();
  const remove = useMutation(trpc.portfolios.accounts.delete.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  function close() {
    setError(null);
    remove.reset();
    onClose();
  }

  async function confirm() {
    if (!account) return;
    setError(null);
    try {
      await remove.mutateAsync({ id: account.id });
    } catch (cause) {
      // Already gone (deleted in another tab): the outcome the user asked for.
      if (trpcErrorCode(cause) !== 'NOT_FOUND') return setError(describeError(cause));
    }
    void invalidate();
    close();
  }

  return (
    <Dialog
      open={account !== null}
      onClose={close}
      title={t('ledger.accounts.deleteTitle', { name: account?.name ?? '' })}
      description={
        account
          ? t('ledger.accounts.deleteConfirm', { count: account.transactionCount })
          : undefined
      }
    >
      {error ? <Alert>{error}</Alert> : null}
      {account && account.transactionCount > 0 ? (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-border px-3 py-2 text-sm">
          <span className="text-muted">{t('ledger.accounts.deleteExportFirst')}</span>
          <ExportButtons accountId={account.id} compact />
        </div>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close} autoFocus>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" pending={remove.isPending} onClick={confirm}>
          {remove.isPending ? t('common.deleting') : t('ledger.accounts.deleteSubmit')}
        </Button>
      </div>
    </Dialog>
  );
}
