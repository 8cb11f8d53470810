'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextField } from '@/components/ui/field';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { ChannelConfigFields } from './channel-config-fields';
import {
  CHANNEL_KINDS,
  channelCreateInput,
  channelFormFromChannel,
  channelServerProblems,
  channelUpdateInput,
  labelProblem,
  newChannelForm,
  type ChannelForm,
  type ChannelKind,
  type ChannelProblems,
} from './channel-form';
import { ToggleSwitch } from './toggle-switch';
import { SEVERITIES, type AlertChannel, type Severity } from './types';

export type ChannelDialogTarget =
  { mode: 'create' } | { mode: 'edit'; channel: AlertChannel } | null;

/** Add a channel, or edit one (its saved settings are replaced only when new ones are entered). */
export function ChannelDialog({
  target,
  onClose,
}: {
  target: ChannelDialogTarget;
  onClose: () => void;
}) {
  const t = useTranslations('alertsPage.channelForm');
  const channel = target?.mode === 'edit' ? target.channel : null;
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      title={channel ? t('editTitle') : t('createTitle')}
      className="max-h-[calc(100dvh-2rem)] max-w-lg overflow-y-auto"
    >
      {target ? (
        <ChannelFormBody key={channel?.id ?? 'new'} channel={channel} onClose={onClose} />
      ) : null}
    </Dialog>
  );
}

function ChannelFormBody({
  channel,
  onClose,
}: {
  channel: AlertChannel | null;
  onClose: () => void;
}) {
  const t = useTranslations('alertsPage');
  const tc = useTranslations('channels');
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const [form, setForm] = useState<ChannelForm>(() =>
    channel ? channelFormFromChannel(channel) : newChannelForm('email', tc('kinds.email')),
  );
  const [problems, setProblems] = useState<ChannelProblems>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(trpc.alerts.channels.create.mutationOptions());
  const update = useMutation(trpc.alerts.channels.update.mutationOptions());
  const pending = create.isPending || update.isPending;

  const patch = (next: Partial<ChannelForm>) => setForm((current) => ({ ...current, ...next }));

  function changeKind(kind: ChannelKind) {
    setProblems({});
    setForm((current) => {
      // A name still equal to the old kind's name follows the new kind.
      const label =
        current.label === tc(`kinds.${current.kind}`) ? tc(`kinds.${kind}`) : current.label;
      return {
        ...newChannelForm(kind, label),
        minSeverity: current.minSeverity,
        enabled: current.enabled,
      };
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const label = labelProblem(form.label);
    if (label) return setProblems({ label });
    setProblems({});
    try {
      if (channel) await update.mutateAsync(channelUpdateInput(channel.id, form));
      else await create.mutateAsync(channelCreateInput(form));
      await queryClient.invalidateQueries(trpc.alerts.channels.list.queryFilter());
      onClose();
    } catch (error) {
      setProblems(channelServerProblems(error));
      setFormError(describeError(error));
    }
  }

  const problemText = (key: string | undefined) =>
    key ? (tAll.has(key as 'common.loading') ? tAll(key as 'common.loading') : key) : null;
  const showSettings = !channel || form.replaceSettings;

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {formError ? <Alert>{formError}</Alert> : null}
      {channel ? (
        <p className="text-sm">
          <span className="font-medium">{tc(`kinds.${channel.kind}`)}</span>
          <span className="ml-2 font-mono text-xs text-muted">{channel.masked}</span>
        </p>
      ) : (
        <SelectField
          label={t('channelForm.kind')}
          name="kind"
          value={form.kind}
          onChange={(event) => changeKind(event.target.value as ChannelKind)}
          hint={tc(`kindHelp.${form.kind}`)}
        >
          {CHANNEL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {tc(`kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label={t('channelForm.label')}
          name="label"
          maxLength={60}
          autoComplete="off"
          value={form.label}
          onChange={(event) => patch({ label: event.target.value })}
          hint={t('channelForm.labelHint')}
          error={problemText(problems.label)}
        />
        <SelectField
          label={t('channelForm.minSeverity')}
          name="minSeverity"
          value={form.minSeverity}
          onChange={(event) => patch({ minSeverity: event.target.value as Severity })}
        >
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t('channelForm.minSeverityOption', { severity })}
            </option>
          ))}
        </SelectField>
      </div>

      {channel && !channel.readable ? (
        <Alert tone="info">{t('channelForm.unreadable')}</Alert>
      ) : channel ? (
        <ToggleSwitch
          checked={form.replaceSettings}
          onChange={(replaceSettings) => patch({ replaceSettings })}
          label={t('channelForm.replaceSettings')}
          hint={t('channelForm.replaceHint')}
        />
      ) : null}
      {showSettings ? (
        <fieldset className="flex flex-col gap-4 rounded-lg border border-border p-4">
          <legend className="px-1 text-sm font-medium">{tc(`kinds.${form.kind}`)}</legend>
          <ChannelConfigFields form={form} onChange={patch} problems={problems} />
        </fieldset>
      ) : null}

      <ToggleSwitch
        checked={form.enabled}
        onChange={(enabled) => patch({ enabled })}
        label={t('channelForm.enabled')}
      />
      <div className="flex justify-end gap-2 border-t border-border pt-4">
        <Button variant="secondary" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button type="submit" pending={pending}>
          {pending ? t('saving') : channel ? t('channelForm.save') : t('channelForm.create')}
        </Button>
      </div>
    </form>
  );
}
