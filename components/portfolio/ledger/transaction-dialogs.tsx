'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { trpcErrorCode } from '@/components/ui/trpc-error';
import type { TransactionDto } from '@/server/portfolio/schemas';
import { formatMoney, formatQuantity, grossAmount } from './ledger-format';
import { TransactionForm } from './transaction-form';
import type { Currency } from './transaction-fields';
import { useInvalidatePortfolios } from './use-invalidate-portfolios';
import { useLedgerErrorText } from './use-ledger-error';

export type TransactionDialogTarget =
  | { mode: 'create' }
  | { mode: 'edit'; transaction: TransactionDto }
  | { mode: 'delete'; transaction: TransactionDto };

/** The add / edit form or the delete confirmation for one account's ledger. */
export function TransactionDialogs({
  accountId,
  baseCurrency,
  target,
  onClose,
}: {
  accountId: string;
  baseCurrency: Currency;
  target: TransactionDialogTarget | null;
  onClose: () => void;
}) {
  const t = useTranslations('ledger.history');
  const form = target && target.mode !== 'delete' ? target : null;
  return (
    <>
      <Dialog
        open={form !== null}
        onClose={onClose}
        title={form?.mode === 'edit' ? t('editTitle') : t('addTitle')}
        className="sm:max-w-xl"
      >
        {form ? (
          <TransactionForm
            key={form.mode === 'edit' ? form.transaction.id : 'create'}
            accountId={accountId}
            baseCurrency={baseCurrency}
            target={form}
            onDone={onClose}
          />
        ) : null}
      </Dialog>
      <DeleteTransactionDialog
        transaction={target?.mode === 'delete' ? target.transaction : null}
        onClose={onClose}
      />
    </>
  );
}

/**
 * Confirms removing a transaction. The ledger is replayed without it, so removing a purchase
 * that later sales depend on is refused; that refusal names the sale.
 */
function DeleteTransactionDialog({
  transaction,
  onClose,
}: {
  transaction: TransactionDto | null;
  onClose: () => void;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const invalidate = useInvalidatePortfolios();
  const { errorText } = useLedgerErrorText();
  const remove = useMutation(trpc.portfolios.transactions.delete.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  function close() {
    setError(null);
    remove.reset();
    onClose();
  }

  async function confirm() {
    if (!transaction) return;
    setError(null);
    try {
      await remove.mutateAsync({ id: transaction.id });
    } catch (cause) {
      // Already gone (deleted in another tab): the outcome the user asked for.
      if (trpcErrorCode(cause) !== 'NOT_FOUND') return setError(errorText(cause).text);
    }
    void invalidate();
    close();
  }

  const amount = transaction ? grossAmount(transaction) : null;
  return (
    <Dialog
      open={transaction !== null}
      onClose={close}
      title={t('ledger.history.deleteTitle')}
      description={t('ledger.history.deleteDescription')}
    >
      {transaction ? (
        <p className="rounded-lg border border-border px-3 py-2 text-sm">
          <span className="font-medium">{t(`ledger.types.${transaction.type}`)}</span> ·{' '}
          {transaction.tradeDate}
          {transaction.symbol ? ` · ${transaction.symbol}` : ''}
          {transaction.quantity ? ` · ${formatQuantity(locale, transaction.quantity)}` : ''}
          {amount ? ` · ${formatMoney(locale, amount, transaction.currency)}` : ''}
        </p>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={close} autoFocus>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" pending={remove.isPending} onClick={confirm}>
          {remove.isPending ? t('common.deleting') : t('common.delete')}
        </Button>
      </div>
    </Dialog>
  );
}
