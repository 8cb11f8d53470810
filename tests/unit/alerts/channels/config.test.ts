import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/i18n/messages';
import { maskChannelConfig } from '@/server/alerts/channels/mask';
import {
  channelConfigSchema,
  channelConfigSchemaFor,
  channelKinds,
  type ChannelConfig,
} from '@/server/alerts/channels/types';

const valid: Record<(typeof channelKinds)[number], ChannelConfig> = {
  email: { kind: 'email', to: 'ada@example.com' },
  telegram: {
    kind: 'telegram',
    botToken: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
    chatId: '-1001234567890',
  },
  slack: {
    kind: 'slack',
    webhookUrl: 'https://hooks.slack.com/services/T0AAA0AAA/B0BBB0BBB/x9Fz7KLmNoPqRsTuVwXy',
  },
  discord: {
    kind: 'discord',
    webhookUrl: 'https://discord.com/api/webhooks/1177000000000000000/Zq3-token_value_AbCd',
  },
  webhook: {
    kind: 'webhook',
    url: 'https://ops.example.com/hooks/stockvis?token=abc',
    secret: 'whsec_5f2c9a0d7e61b4c3',
  },
};

/** The i18n key of each issue, as forms receive them. */
function issues(input: unknown, schema = channelConfigSchema) {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('channel config schema', () => {
  it.each(channelKinds)('accepts a valid %s config', (kind) => {
    expect(channelConfigSchema.parse(valid[kind])).toEqual(valid[kind]);
  });

  it('accepts the other documented forms', () => {
    for (const config of [
      { kind: 'telegram', botToken: '1:AAAAAAAAAAAAAAAAAAAA', chatId: '@stockvis_alerts' },
      { kind: 'telegram', botToken: '1:AAAAAAAAAAAAAAAAAAAA', chatId: '98765' },
      { kind: 'discord', webhookUrl: 'https://discordapp.com/api/webhooks/1/abc' },
      {
        kind: 'discord',
        webhookUrl: 'https://canary.discord.com/api/v10/webhooks/1/abc?thread_id=9',
      },
      { kind: 'webhook', url: 'http://10.0.0.5:8080/in', secret: 'x'.repeat(16) },
      {
        kind: 'email',
        to: ' Ada@Example.com ',
        smtp: {
          host: 'smtp.example.com',
          port: 587,
          secure: false,
          from: 'Stockvis <alerts@example.com>',
        },
      },
    ]) {
      expect(issues(config), JSON.stringify(config)).toEqual([]);
    }
  });

  it('names the failing field with an i18n key from the channels catalogue', () => {
    const errors = messagesFor('en').channels.errors as Record<string, string>;
    const cases: [unknown, string, string][] = [
      [{ kind: 'sms' }, 'kind', 'kind'],
      [{ kind: 'email', to: 'nobody' }, 'to', 'email'],
      [{ kind: 'email', to: 'a@b.co', smtp: { ...smtp(), port: 70000 } }, 'smtp.port', 'smtpPort'],
      [{ kind: 'email', to: 'a@b.co', smtp: { ...smtp(), host: '' } }, 'smtp.host', 'smtpHost'],
      [
        { kind: 'email', to: 'a@b.co', smtp: { ...smtp(), from: 'Stockvis' } },
        'smtp.from',
        'smtpFrom',
      ],
      [{ ...valid.telegram, botToken: '123456789' }, 'botToken', 'botToken'],
      [{ ...valid.telegram, chatId: 'general' }, 'chatId', 'chatId'],
      [
        { kind: 'slack', webhookUrl: 'https://evil.example/services/T/B/C' },
        'webhookUrl',
        'slackWebhookUrl',
      ],
      [
        { kind: 'slack', webhookUrl: 'http://hooks.slack.com/services/T/B/C' },
        'webhookUrl',
        'slackWebhookUrl',
      ],
      [
        { kind: 'discord', webhookUrl: 'https://discord.com.evil.example/api/webhooks/1/a' },
        'webhookUrl',
        'discordWebhookUrl',
      ],
      [
        { kind: 'webhook', url: 'ftp://example.com/x', secret: 'x'.repeat(16) },
        'url',
        'webhookUrl',
      ],
      [
        { kind: 'webhook', url: 'https://example.com/x', secret: 'short' },
        'secret',
        'webhookSecret',
      ],
    ];
    for (const [input, path, key] of cases) {
      expect(issues(input), JSON.stringify(input)).toEqual([[path, `channels.errors.${key}`]]);
      expect(errors[key]).toBeTruthy();
    }
  });

  it('accepts local test URLs for Slack and Discord only when asked to', () => {
    const local = { kind: 'slack', webhookUrl: 'http://127.0.0.1:4010/services/T/B/C' };
    expect(issues(local)).toHaveLength(1);
    expect(issues(local, channelConfigSchemaFor({ allowInsecureHosts: true }))).toEqual([]);
    const remoteHttp = { kind: 'discord', webhookUrl: 'http://192.168.1.10/api/webhooks/1/a' };
    expect(issues(remoteHttp, channelConfigSchemaFor({ allowInsecureHosts: true }))).toHaveLength(
      1,
    );
  });
});

function smtp() {
  return { host: 'smtp.example.com', port: 465, secure: true, from: 'alerts@example.com' };
}

describe('maskChannelConfig', () => {
  it('shows enough to recognise a channel and no secret', () => {
    const masked = Object.fromEntries(
      channelKinds.map((kind) => [kind, maskChannelConfig(valid[kind])]),
    );
    expect(masked).toEqual({
      email: 'e-mail · a***@example.com',
      telegram: 'Telegram · chat …7890',
      slack: 'Slack · hooks.slack.com/…/VwXy',
      discord: 'Discord · discord.com/…/AbCd',
      webhook: 'Webhook · https://ops.example.com/…',
    });
    const everything = Object.values(masked).join(' ');
    for (const secret of [
      'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
      'x9Fz7KLmNoPqRsTuVwXy',
      'Zq3-token',
      'token=abc',
      'whsec_',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('shows a public @channel and a custom SMTP host, never the SMTP password', () => {
    expect(
      maskChannelConfig({
        kind: 'telegram',
        botToken: '1:AAAAAAAAAAAAAAAAAAAA',
        chatId: '@stockvis_alerts',
      }),
    ).toBe('Telegram · chat @stockvis_alerts');
    const masked = maskChannelConfig({
      kind: 'email',
      to: 'ada@example.com',
      smtp: { ...smtp(), user: 'ada', password: 'hunter2-app-password' },
    });
    expect(masked).toBe('e-mail · a***@example.com · smtp.example.com');
    expect(masked).not.toContain('hunter2');
  });
});
