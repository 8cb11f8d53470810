import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  channelCreateInput,
  channelFormFromChannel,
  channelServerProblems,
  channelUpdateInput,
  generateWebhookSecret,
  labelProblem,
  newChannelForm,
} from '@/components/alerts/manage/channel-form';
import type { AlertChannel } from '@/components/alerts/manage/types';
import { messagesFor } from '@/i18n/messages';
import { channelConfigSchema } from '@/server/alerts/channels/types';

// The router's create input (server/api/routers/alerts.ts), for the server's answers.
const createInput = z.object({
  label: z.string().trim().min(1).max(60),
  config: channelConfigSchema,
});

function serverError(input: unknown) {
  const result = createInput.safeParse(input);
  if (result.success) throw new Error('expected the server to reject this input');
  return Object.assign(new Error('bad input'), {
    data: { code: 'BAD_REQUEST', zodError: z.flattenError(result.error) },
  });
}

const saved: AlertChannel = {
  id: 'c1',
  kind: 'webhook',
  label: 'Ops hook',
  masked: 'Webhook · https://ops.example.com/…',
  minSeverity: 'warning',
  enabled: true,
  readable: true,
  createdAt: new Date('2026-05-01T00:00:00Z'),
  recentDeliveries: [],
};

describe('channel form → input', () => {
  it('builds each kind’s settings in the shape the server validates', () => {
    const email = { ...newChannelForm('email', 'E-mail'), to: 'ada@example.com' };
    const telegram = {
      ...newChannelForm('telegram', 'Telegram'),
      botToken: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
      chatId: '-1001234567890',
    };
    const slack = {
      ...newChannelForm('slack', 'Slack'),
      webhookUrl: 'https://hooks.slack.com/services/T0AAA0AAA/B0BBB0BBB/x9Fz7KLmNoPqRsTuVwXy',
    };
    const discord = {
      ...newChannelForm('discord', 'Discord'),
      webhookUrl: 'https://discord.com/api/webhooks/1177000000000000000/Zq3-token_value_AbCd',
    };
    const webhook = {
      ...newChannelForm('webhook', 'Hook'),
      url: 'http://127.0.0.1:4010/hook',
      secret: generateWebhookSecret(),
    };
    for (const form of [email, telegram, slack, discord, webhook]) {
      const input = channelCreateInput(form);
      expect(createInput.safeParse(input).success, form.kind).toBe(true);
      expect(input).toMatchObject({ minSeverity: 'info', enabled: true });
    }
    expect(channelCreateInput(email).config).toEqual({ kind: 'email', to: 'ada@example.com' });
  });

  it('sends the user’s own SMTP server only when chosen, with optional sign-in left out', () => {
    const form = {
      ...newChannelForm('email', 'Mail'),
      to: 'ada@example.com',
      useOwnSmtp: true,
      smtpHost: 'smtp.example.com',
      smtpPort: '465',
      smtpSecure: true,
      smtpFrom: 'Stockvis <alerts@example.com>',
    };
    const input = channelCreateInput(form);
    expect(input.config).toEqual({
      kind: 'email',
      to: 'ada@example.com',
      smtp: {
        host: 'smtp.example.com',
        port: 465,
        secure: true,
        user: undefined,
        password: undefined,
        from: 'Stockvis <alerts@example.com>',
      },
    });
    expect(createInput.safeParse(input).success).toBe(true);
  });

  it('edits without settings unless new ones are entered; an unreadable channel needs them', () => {
    const form = { ...channelFormFromChannel(saved), label: ' Ops ', enabled: false };
    expect(form.replaceSettings).toBe(false);
    expect(channelUpdateInput('c1', form)).toEqual({
      id: 'c1',
      label: 'Ops',
      minSeverity: 'warning',
      enabled: false,
    });
    const replaced = {
      ...form,
      replaceSettings: true,
      url: 'https://x.example/h',
      secret: 's'.repeat(16),
    };
    expect(channelUpdateInput('c1', replaced).config).toEqual({
      kind: 'webhook',
      url: 'https://x.example/h',
      secret: 's'.repeat(16),
    });
    expect(channelFormFromChannel({ ...saved, readable: false }).replaceSettings).toBe(true);
  });

  it('checks the name here: empty or longer than 60 characters', () => {
    expect(labelProblem('  ')).toBe('alertsPage.channelForm.labelInvalid');
    expect(labelProblem('x'.repeat(61))).toBe('alertsPage.channelForm.labelInvalid');
    expect(labelProblem('Work Slack')).toBeNull();
  });
});

describe('channelServerProblems', () => {
  const en = messagesFor('en');

  it('puts each catalogue message on the setting it is about', () => {
    const hook = serverError({
      label: '',
      config: { kind: 'webhook', url: 'ftp://nope', secret: 'short' },
    });
    expect(channelServerProblems(hook)).toEqual({
      label: 'alertsPage.channelForm.labelInvalid',
      url: 'channels.errors.webhookUrl',
      secret: 'channels.errors.webhookSecret',
    });
    const smtp = serverError({
      label: 'Mail',
      config: {
        kind: 'email',
        to: 'not-an-address',
        smtp: { host: 'smtp.example.com', port: Number.NaN, secure: false, from: 'x' },
      },
    });
    expect(channelServerProblems(smtp)).toEqual({
      to: 'channels.errors.email',
      smtpPort: 'channels.errors.smtpPort',
      smtpFrom: 'channels.errors.smtpFrom',
    });
    const slack = serverError({
      label: 'Slack',
      config: { kind: 'slack', webhookUrl: 'http://127.0.0.1:9/hook' },
    });
    expect(channelServerProblems(slack)).toEqual({ webhookUrl: 'channels.errors.slackWebhookUrl' });
    // Every key it can yield is in the catalogue.
    for (const key of ['webhookUrl', 'webhookSecret', 'email', 'smtpPort', 'slackWebhookUrl']) {
      expect(en.channels.errors).toHaveProperty(key);
    }
  });
});

describe('generateWebhookSecret', () => {
  it('is 64 hex characters from the random source', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
    expect(generateWebhookSecret((bytes) => bytes.fill(0xab))).toBe('ab'.repeat(32));
  });
});
