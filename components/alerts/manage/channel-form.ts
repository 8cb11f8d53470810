import { fieldIssues } from '@/components/ui/trpc-error';
import type {
  AlertChannel,
  ChannelConfigInput,
  ChannelCreateInput,
  ChannelUpdateInput,
  Severity,
} from './types';

/**
 * The channel dialog's state and its translation into `alerts.channels.create/update` input.
 * Saved settings are never sent back to the browser, so editing either keeps them (only the
 * label, minimum severity and on/off change) or replaces them whole with newly entered ones.
 */

export const CHANNEL_KINDS = ['email', 'telegram', 'slack', 'discord', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export type ChannelForm = {
  kind: ChannelKind;
  label: string;
  minSeverity: Severity;
  enabled: boolean;
  /** Editing: send newly entered settings (always true when creating). */
  replaceSettings: boolean;
  to: string;
  useOwnSmtp: boolean;
  smtpHost: string;
  smtpPort: string;
  smtpSecure: boolean;
  smtpUser: string;
  smtpPassword: string;
  smtpFrom: string;
  botToken: string;
  chatId: string;
  /** Slack and Discord incoming webhook. */
  webhookUrl: string;
  /** Generic webhook endpoint and its signing secret. */
  url: string;
  secret: string;
};

export type ChannelField = Exclude<
  keyof ChannelForm,
  'kind' | 'enabled' | 'replaceSettings' | 'useOwnSmtp' | 'smtpSecure'
>;

/** Problems per field, as `channels.errors.*` / `alertsPage.channelForm.*` message keys. */
export type ChannelProblems = Partial<Record<ChannelField | 'form', string>>;

export const LABEL_MAX_LENGTH = 60;

const settingsBlank = {
  to: '',
  useOwnSmtp: false,
  smtpHost: '',
  smtpPort: '587',
  smtpSecure: false,
  smtpUser: '',
  smtpPassword: '',
  smtpFrom: '',
  botToken: '',
  chatId: '',
  webhookUrl: '',
  url: '',
  secret: '',
};

export function newChannelForm(kind: ChannelKind, label: string): ChannelForm {
  return {
    kind,
    label,
    minSeverity: 'info',
    enabled: true,
    replaceSettings: true,
    ...settingsBlank,
  };
}

/** Editing a saved channel; an unreadable one (another encryption key) needs new settings. */
export function channelFormFromChannel(channel: AlertChannel): ChannelForm {
  return {
    kind: channel.kind,
    label: channel.label,
    minSeverity: channel.minSeverity,
    enabled: channel.enabled,
    replaceSettings: !channel.readable,
    ...settingsBlank,
  };
}

/** The settings as the server's channel schema takes them (it validates every format). */
export function channelConfigFromForm(form: ChannelForm): ChannelConfigInput {
  switch (form.kind) {
    case 'email': {
      if (!form.useOwnSmtp) return { kind: 'email', to: form.to };
      const port = form.smtpPort.trim();
      return {
        kind: 'email',
        to: form.to,
        smtp: {
          host: form.smtpHost,
          // Not a number: the server answers with the port's own message.
          port: /^\d+$/.test(port) ? Number(port) : Number.NaN,
          secure: form.smtpSecure,
          user: form.smtpUser === '' ? undefined : form.smtpUser,
          password: form.smtpPassword === '' ? undefined : form.smtpPassword,
          from: form.smtpFrom,
        },
      };
    }
    case 'telegram':
      return { kind: 'telegram', botToken: form.botToken, chatId: form.chatId };
    case 'slack':
      return { kind: 'slack', webhookUrl: form.webhookUrl };
    case 'discord':
      return { kind: 'discord', webhookUrl: form.webhookUrl };
    case 'webhook':
      return { kind: 'webhook', url: form.url, secret: form.secret };
  }
}

/** The label, checked here because the server's message for it is not a catalogue key. */
export function labelProblem(label: string): string | null {
  const trimmed = label.trim();
  return trimmed === '' || trimmed.length > LABEL_MAX_LENGTH
    ? 'alertsPage.channelForm.labelInvalid'
    : null;
}

export function channelCreateInput(form: ChannelForm): ChannelCreateInput {
  return {
    label: form.label.trim(),
    config: channelConfigFromForm(form),
    minSeverity: form.minSeverity,
    enabled: form.enabled,
  };
}

export function channelUpdateInput(id: string, form: ChannelForm): ChannelUpdateInput {
  return {
    id,
    label: form.label.trim(),
    minSeverity: form.minSeverity,
    enabled: form.enabled,
    ...(form.replaceSettings ? { config: channelConfigFromForm(form) } : {}),
  };
}

/** `channels.errors.<key>` → the form field it is about (the key names the setting). */
const fieldOfErrorKey: Record<string, ChannelField | 'form'> = {
  kind: 'form',
  email: 'to',
  smtpHost: 'smtpHost',
  smtpPort: 'smtpPort',
  smtpUser: 'smtpUser',
  smtpPassword: 'smtpPassword',
  smtpFrom: 'smtpFrom',
  botToken: 'botToken',
  chatId: 'chatId',
  slackWebhookUrl: 'webhookUrl',
  discordWebhookUrl: 'webhookUrl',
  webhookUrl: 'url',
  webhookSecret: 'secret',
};

/**
 * The server's validation issues per field. Config issues carry catalogue keys
 * (`channels.errors.*`), which also say which setting they are about.
 */
export function channelServerProblems(error: unknown): ChannelProblems {
  const problems: ChannelProblems = {};
  for (const [field, messages] of Object.entries(fieldIssues(error))) {
    if (field === 'label') {
      problems.label = 'alertsPage.channelForm.labelInvalid';
      continue;
    }
    for (const message of messages) {
      const key = /^channels\.errors\.(\w+)$/.exec(message)?.[1];
      const target = key ? fieldOfErrorKey[key] : undefined;
      if (key && target && !problems[target]) problems[target] = message;
    }
  }
  return problems;
}

/**
 * A signing secret for a generic webhook: 32 random bytes as hex (64 characters, within the
 * server's 16–256), from the platform's CSPRNG.
 */
export function generateWebhookSecret(
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = random(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The server's per-user channel limit (ALERT_LIMITS.channelsPerUser in server/alerts/schemas). */
export const CHANNELS_PER_USER = 10;
