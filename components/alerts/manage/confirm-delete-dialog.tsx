'use client';

import { useTranslations } from 'use-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

/** "Delete this …?" with Cancel focused first, so Enter never deletes by accident. */
export function ConfirmDeleteDialog({
  open,
  title,
  body,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  body: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useTranslations('alertsPage');
  return (
    <Dialog open={open} onClose={onClose} title={title} description={body}>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} autoFocus>
          {t('cancel')}
        </Button>
        <Button variant="danger" pending={pending} onClick={onConfirm}>
          {pending ? t('deleting') : t('delete')}
        </Button>
      </div>
    </Dialog>
  );
}
