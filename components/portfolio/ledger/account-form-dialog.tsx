'use client';

import { useTranslations } from 'use-intl';
import { Dialog } from '@/components/ui/dialog';
import { AccountForm, type AccountFormTarget } from './account-form';

/** Create an account, or rename / edit one, in a modal. */
export function AccountFormDialog({
  target,
  onClose,
}: {
  target: AccountFormTarget | null;
  onClose: () => void;
}) {
  const t = useTranslations('ledger.accounts');
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      title={target?.mode === 'edit' ? t('editTitle') : t('createTitle')}
      description={target?.mode === 'edit' ? undefined : t('createDescription')}
    >
      {/* Keyed so each opening starts from the account's values with no stale error. */}
      {target ? (
        <AccountForm
          key={target.mode === 'edit' ? target.account.id : 'create'}
          target={target}
          onSaved={onClose}
          onCancel={onClose}
        />
      ) : null}
    </Dialog>
  );
}
