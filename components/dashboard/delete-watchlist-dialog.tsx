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
import { useWatchlistCache } from './use-live-watchlists';

type Target = { id: string; name: string; symbolCount: number };

export function DeleteWatchlistDialog({
  target,
  onClose,
}: {
  target: Target | null;
  onClose: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const cache = useWatchlistCache();
  const describeError = useErrorMessage();
  const remove = useMutation(trpc.watchlists.delete.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  function close() {
    setError(null);
    remove.reset();
    onClose();
  }

  async function confirm() {
    if (!target) return;
    setError(null);
    try {
      await remove.mutateAsync({ id: target.id });
    } catch (cause) {
      // Already gone (deleted in another tab): the outcome the user asked for.
      if (trpcErrorCode(cause) !== 'NOT_FOUND') return setError(describeError(cause));
    }
    cache.remove(target.id);
    void cache.invalidate();
    close();
  }

  return (
    <Dialog
      open={target !== null}
      onClose={close}
      title={t('watchlists.deleteTitle')}
      description={
        target
          ? t('watchlists.deleteConfirm', { name: target.name, count: target.symbolCount })
          : null
      }
    >
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
