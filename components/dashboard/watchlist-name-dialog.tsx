'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/field';
import { trpcErrorCode } from '@/components/ui/trpc-error';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { useWatchlistCache } from './use-live-watchlists';

const NAME_MAX_LENGTH = 60; // server/watchlists/schemas.ts watchlistNameSchema

type Target = { mode: 'create' } | { mode: 'rename'; id: string; name: string };

/** Create a watchlist or rename one: a single name field in a modal. */
export function WatchlistNameDialog({
  target,
  onClose,
}: {
  target: Target | null;
  onClose: () => void;
}) {
  const t = useTranslations('watchlists');
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      title={target?.mode === 'rename' ? t('renameTitle') : t('create')}
    >
      {/* Keyed so each opening starts from the target's name with no stale error. */}
      {target ? (
        <NameForm
          key={target.mode === 'rename' ? target.id : 'create'}
          target={target}
          onDone={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function NameForm({ target, onDone }: { target: Target; onDone: () => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const cache = useWatchlistCache();
  const describeError = useErrorMessage();
  const [name, setName] = useState(target.mode === 'rename' ? target.name : '');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(trpc.watchlists.create.mutationOptions());
  const rename = useMutation(trpc.watchlists.rename.mutationOptions());
  const pending = create.isPending || rename.isPending;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    setFormError(null);
    if (!trimmed) return setFieldError(t('validation.required'));
    if (trimmed.length > NAME_MAX_LENGTH) {
      return setFieldError(t('validation.nameTooLong', { max: NAME_MAX_LENGTH }));
    }
    setFieldError(null);
    try {
      const saved =
        target.mode === 'rename'
          ? await rename.mutateAsync({ id: target.id, name: trimmed })
          : await create.mutateAsync({ name: trimmed });
      cache.upsert(saved);
      void cache.invalidate();
      onDone();
    } catch (error) {
      if (trpcErrorCode(error) === 'CONFLICT') setFieldError(t('watchlists.nameTaken'));
      else setFormError(describeError(error));
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField
        label={t('watchlists.nameLabel')}
        placeholder={t('watchlists.namePlaceholder')}
        value={name}
        maxLength={NAME_MAX_LENGTH + 20}
        autoFocus
        onChange={(event) => setName(event.target.value)}
        error={fieldError}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" pending={pending}>
          {target.mode === 'rename'
            ? pending
              ? t('common.saving')
              : t('common.save')
            : pending
              ? t('watchlists.creating')
              : t('watchlists.createSubmit')}
        </Button>
      </div>
    </form>
  );
}
