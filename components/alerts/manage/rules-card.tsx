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
import { ConfirmDeleteDialog } from './confirm-delete-dialog';
import { RuleDialog, type RuleDialogTarget } from './rule-dialog';
import { RuleRow } from './rule-row';
import { ListSkeleton, LoadError } from './section-states';
import type { AlertRule } from './types';

/** The built-in rules and the user's own: switch, edit, delete, create. */
export function RulesCard() {
  const t = useTranslations('alertsPage');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const rules = useQuery(trpc.alerts.rules.list.queryOptions());
  const [dialog, setDialog] = useState<RuleDialogTarget>(null);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [toggleError, setToggleError] = useState<string | null>(null);
  const listKey = trpc.alerts.rules.list.queryKey();

  const replace = (updated: AlertRule) =>
    queryClient.setQueryData(listKey, (current) =>
      current?.map((rule) => (rule.id === updated.id ? updated : rule)),
    );
  const toggle = useMutation(
    trpc.alerts.rules.update.mutationOptions({
      onMutate: () => setToggleError(null),
      onSuccess: replace,
      onError: (error) => setToggleError(t('rules.toggleFailed', { reason: describeError(error) })),
    }),
  );
  const remove = useMutation(trpc.alerts.rules.delete.mutationOptions());

  async function confirmDelete() {
    if (!deleting) return;
    setDeleteError(null);
    try {
      await remove.mutateAsync({ id: deleting.id });
    } catch (error) {
      // Already gone (another tab): what the user asked for.
      if (trpcErrorCode(error) !== 'NOT_FOUND') return setDeleteError(describeError(error));
    }
    queryClient.setQueryData(listKey, (current) => current?.filter((r) => r.id !== deleting.id));
    void queryClient.invalidateQueries(trpc.alerts.rules.list.queryFilter());
    closeDelete();
  }

  function closeDelete() {
    setDeleting(null);
    setDeleteError(null);
    remove.reset();
  }

  const builtins = rules.data?.filter((rule) => rule.builtinKey !== null) ?? [];
  const own = rules.data?.filter((rule) => rule.builtinKey === null) ?? [];
  const row = (rule: AlertRule) => (
    <RuleRow
      key={rule.id}
      rule={rule}
      toggling={toggle.isPending && toggle.variables?.id === rule.id}
      onToggle={(enabled) => toggle.mutate({ id: rule.id, enabled })}
      onEdit={() => setDialog({ mode: 'edit', rule })}
      onDelete={() => setDeleting(rule)}
    />
  );

  return (
    <Card aria-labelledby="alert-rules-title">
      <CardHeader
        titleId="alert-rules-title"
        title={t('rules.title')}
        description={t('rules.description')}
        actions={
          <Button
            size="sm"
            data-testid="new-rule"
            disabled={!rules.data}
            onClick={() => setDialog({ mode: 'create' })}
          >
            <PlusIcon className="size-4" />
            {t('rules.new')}
          </Button>
        }
      />
      <CardBody>
        {rules.isPending ? (
          <ListSkeleton label={t('rules.loading')} rows={4} />
        ) : rules.isError ? (
          <LoadError
            title={t('rules.loadFailed')}
            error={rules.error}
            onRetry={() => void rules.refetch()}
          />
        ) : (
          <div className="flex flex-col gap-6">
            {toggleError ? <Alert>{toggleError}</Alert> : null}
            <section aria-labelledby="own-rules-title">
              <h3 id="own-rules-title" className="text-sm font-semibold">
                {t('rules.yourRules')}
              </h3>
              {own.length === 0 ? (
                <div className="mt-3 flex flex-col items-start gap-3 rounded-lg border border-dashed border-border px-4 py-5 sm:flex-row sm:items-center sm:justify-between">
                  <p className="text-sm text-muted">{t('rules.empty')}</p>
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => setDialog({ mode: 'create' })}
                  >
                    <PlusIcon className="size-4" />
                    {t('rules.new')}
                  </Button>
                </div>
              ) : (
                <ul className="divide-y divide-border" aria-labelledby="own-rules-title">
                  {own.map(row)}
                </ul>
              )}
            </section>
            <section aria-labelledby="builtin-rules-title">
              <h3 id="builtin-rules-title" className="text-sm font-semibold">
                {t('rules.builtinRules')}
              </h3>
              <p className="mt-0.5 text-xs text-muted">{t('rules.builtinNoDelete')}</p>
              <ul className="divide-y divide-border" aria-labelledby="builtin-rules-title">
                {builtins.map(row)}
              </ul>
            </section>
          </div>
        )}
      </CardBody>
      <RuleDialog target={dialog} onClose={() => setDialog(null)} />
      <ConfirmDeleteDialog
        open={deleting !== null}
        title={t('rules.deleteTitle')}
        body={
          deleting
            ? t('rules.deleteBody', {
                name: deleting.symbol
                  ? `${deleting.symbol} · ${deleting.description}`
                  : deleting.description,
              })
            : ''
        }
        pending={remove.isPending}
        error={deleteError}
        onConfirm={() => void confirmDelete()}
        onClose={closeDelete}
      />
    </Card>
  );
}
