'use client';

import { useState, type ComponentProps } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import {
  generateWebhookSecret,
  type ChannelField,
  type ChannelForm,
  type ChannelProblems,
} from './channel-form';
import { ToggleSwitch } from './toggle-switch';

type FieldKey =
  | 'to'
  | 'smtpHost'
  | 'smtpPort'
  | 'smtpUser'
  | 'smtpPassword'
  | 'smtpFrom'
  | 'botToken'
  | 'chatId'
  | 'slackWebhookUrl'
  | 'discordWebhookUrl'
  | 'webhookUrl'
  | 'webhookSecret';

/** The settings of one channel kind, labelled and explained from the `channels` catalogue. */
export function ChannelConfigFields({
  form,
  onChange,
  problems,
}: {
  form: ChannelForm;
  onChange: (patch: Partial<ChannelForm>) => void;
  problems: ChannelProblems;
}) {
  const t = useTranslations('channels.fields');
  const tp = useTranslations('alertsPage.channelForm');
  const tAll = useTranslations();
  const [generated, setGenerated] = useState(false);

  /** A problem key (`channels.errors.email`, `alertsPage.channelForm.labelInvalid`) in words. */
  const problem = (field: ChannelField): string | null => {
    const key = problems[field];
    if (!key) return null;
    return tAll.has(key as 'common.loading') ? tAll(key as 'common.loading') : key;
  };

  const text = (
    field: ChannelField,
    key: FieldKey,
    props: Partial<ComponentProps<typeof TextField>> = {},
  ) => (
    <TextField
      label={t(`${key}.label`)}
      hint={t(`${key}.help`)}
      name={field}
      autoComplete="off"
      spellCheck={false}
      value={form[field] as string}
      onChange={(event) => onChange({ [field]: event.target.value })}
      error={problem(field)}
      {...props}
    />
  );

  switch (form.kind) {
    case 'email':
      return (
        <div className="flex flex-col gap-4">
          {text('to', 'to', { type: 'email', inputMode: 'email' })}
          <ToggleSwitch
            checked={form.useOwnSmtp}
            onChange={(useOwnSmtp) => onChange({ useOwnSmtp })}
            label={t('useOwnSmtp.label')}
            hint={t('useOwnSmtp.help')}
          />
          {form.useOwnSmtp ? (
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              {text('smtpHost', 'smtpHost', { containerClassName: 'sm:col-span-2' })}
              {text('smtpPort', 'smtpPort', { inputMode: 'numeric' })}
              <ToggleSwitch
                checked={form.smtpSecure}
                onChange={(smtpSecure) => onChange({ smtpSecure })}
                label={t('smtpSecure.label')}
                hint={t('smtpSecure.help')}
                className="sm:pt-7"
              />
              {text('smtpUser', 'smtpUser')}
              {text('smtpPassword', 'smtpPassword', {
                type: 'password',
                autoComplete: 'new-password',
              })}
              {text('smtpFrom', 'smtpFrom', { containerClassName: 'sm:col-span-2' })}
            </div>
          ) : null}
        </div>
      );
    case 'telegram':
      return (
        <div className="flex flex-col gap-4">
          {text('botToken', 'botToken')}
          {text('chatId', 'chatId')}
        </div>
      );
    case 'slack':
      return text('webhookUrl', 'slackWebhookUrl', { type: 'url', inputMode: 'url' });
    case 'discord':
      return text('webhookUrl', 'discordWebhookUrl', { type: 'url', inputMode: 'url' });
    case 'webhook':
      return (
        <div className="flex flex-col gap-4">
          {text('url', 'webhookUrl', { type: 'url', inputMode: 'url' })}
          <div className="flex items-start gap-2">
            {text('secret', 'webhookSecret', {
              containerClassName: 'min-w-0 flex-1',
              className: 'font-mono',
              hint: generated ? tp('secretGenerated') : t('webhookSecret.help'),
            })}
            <Button
              variant="secondary"
              className="mt-7"
              aria-label={tp('generateSecretLabel')}
              onClick={() => {
                onChange({ secret: generateWebhookSecret() });
                setGenerated(true);
              }}
            >
              {tp('generateSecret')}
            </Button>
          </div>
        </div>
      );
  }
}
