'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PlusIcon } from '@/components/ui/icons';
import { trpcErrorCode } from '@/components/ui/trpc-error';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { ChannelDialog, type ChannelDialogTarget } from './channel-dialog';
import { CHANNELS_PER_USER } from './channel-form';
import { ChannelRow } from './channel-row';
import { ConfirmDeleteDialog } from './confirm-delete-dialog';
import { ListSkeleton, LoadError } from './section-states';
import type { AlertChannel } from './types';

/** The user's outbound channels: add, edit, switch, test, delete. */
export function ChannelsCard() {
  const t = useTranslations('alertsPage');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const channels = useQuery(trpc.alerts.channels.list.queryOptions());
  const [dialog, setDialog] = useState<ChannelDialogTarget>(null);
  const [deleting, setDeleting] = useState<AlertChannel | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [toggleError, setToggleError] = useState<string | null>(null);
  const listKey = trpc.alerts.channels.list.queryKey();
  const atLimit = (channels.data?.length ?? 0) >= CHANNELS_PER_USER;

  const toggle = useMutation(
    trpc.alerts.channels.update.mutationOptions({
      onMutate: () => setToggleError(null),
      onSuccess: (_, input) =>
        queryClient.setQueryData(listKey, (current) =>
          current?.map((c) =>
            c.id === input.id ? { ...c, enabled: input.enabled ?? c.enabled } : c,
          ),
        ),
      onError: (error) =>
        setToggleError(t('channels.toggleFailed', { reason: describeError(error) })),
      onSettled: () => void queryClient.invalidateQueries(trpc.alerts.channels.list.queryFilter()),
    }),
  );
  const remove = useMutation(trpc.alerts.channels.delete.mutationOptions());

  async function confirmDelete() {
    if (!deleting) return;
    setDeleteError(null);
    try {
      await remove.mutateAsync({ id: deleting.id });
    } catch (error) {
      if (trpcErrorCode(error) !== 'NOT_FOUND') return setDeleteError(describeError(error));
    }
    queryClient.setQueryData(listKey, (current) => current?.filter((c) => c.id !== deleting.id));
    void queryClient.invalidateQueries(trpc.alerts.channels.list.queryFilter());
    closeDelete();
  }

  function closeDelete() {
    setDeleting(null);
    setDeleteError(null);
    remove.reset();
  }

  return (
    <Card aria-labelledby="alert-channels-title">
      <CardHeader
        titleId="alert-channels-title"
        title={t('channels.title')}
        description={t('channels.description')}
        actions={
          <Button
            size="sm"
            data-testid="add-channel"
            disabled={!channels.data || atLimit}
            onClick={() => setDialog({ mode: 'create' })}
          >
            <PlusIcon className="size-4" />
            {t('channels.add')}
          </Button>
        }
      />
      <CardBody>
        {channels.isPending ? (
          <ListSkeleton label={t('channels.loading')} rows={2} />
        ) : channels.isError ? (
          <LoadError
            title={t('channels.loadFailed')}
            error={channels.error}
            onRetry={() => void channels.refetch()}
          />
        ) : (
          <div className="flex flex-col gap-4">
            {toggleError ? <Alert>{toggleError}</Alert> : null}
            {channels.data.length === 0 ? (
              <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-border px-4 py-5">
                <p className="text-sm text-muted">{t('channels.empty')}</p>
                <Button size="sm" variant="secondary" onClick={() => setDialog({ mode: 'create' })}>
                  <PlusIcon className="size-4" />
                  {t('channels.add')}
                </Button>
              </div>
            ) : (
              <ul className="divide-y divide-border" aria-labelledby="alert-channels-title">
                {channels.data.map((channel) => (
                  <ChannelRow
                    key={channel.id}
                    channel={channel}
                    toggling={toggle.isPending && toggle.variables?.id === channel.id}
                    onToggle={(enabled) =>
                      // Sent whole: the update input fills omitted fields with their defaults.
                      toggle.mutate({
                        id: channel.id,
                        enabled,
                        label: channel.label,
                        minSeverity: channel.minSeverity,
                      })
                    }
                    onEdit={() => setDialog({ mode: 'edit', channel })}
                    onDelete={() => setDeleting(channel)}
                  />
                ))}
              </ul>
            )}
          </div>
        )}
      </CardBody>
      <ChannelDialog target={dialog} onClose={() => setDialog(null)} />
      <ConfirmDeleteDialog
        open={deleting !== null}
        title={t('channels.deleteTitle')}
        body={deleting ? t('channels.deleteBody', { name: deleting.label }) : ''}
        pending={remove.isPending}
        error={deleteError}
        onConfirm={() => void confirmDelete()}
        onClose={closeDelete}
      />
    </Card>
  );
}
