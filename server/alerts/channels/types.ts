import { z } from 'zod';

/**
 * Outbound alert channels: what a user configures (validated here, encrypted at rest by
 * server/alerts/secrets.ts) and what one delivery attempt reports back.
 *
 * Validation messages are i18n keys under `channels.errors.*` (forms show them translated; see the
 * tRPC error formatter).
 */

export const channelKinds = ['email', 'telegram', 'slack', 'discord', 'webhook'] as const;
export type ChannelKind = (typeof channelKinds)[number];

const error = (key: string) => ({ error: `channels.errors.${key}` });

const emailAddress = z
  .string()
  .trim()
  .pipe(z.email(error('email')).max(254, error('email')));

/** `ada@example.com` or `Stockvis <alerts@example.com>`, the two forms an SMTP "From" takes. */
function isMailbox(text: string): boolean {
  const named = /^[^<>]*<([^<>\s]+)>$/.exec(text);
  return z
    .email()
    .max(254)
    .safeParse(named ? named[1] : text).success;
}

export const smtpSettingsSchema = z.object({
  host: z
    .string()
    .trim()
    .max(253, error('smtpHost'))
    .regex(/^[A-Za-z0-9.:[\]-]+$/, error('smtpHost')),
  port: z
    .number(error('smtpPort'))
    .int(error('smtpPort'))
    .min(1, error('smtpPort'))
    .max(65535, error('smtpPort')),
  /** Implicit TLS (usually port 465); when false, STARTTLS is used if the server offers it. */
  secure: z.boolean(),
  user: z.string().max(320, error('smtpUser')).optional(),
  password: z.string().max(1024, error('smtpPassword')).optional(),
  from: z.string().trim().max(320, error('smtpFrom')).refine(isMailbox, error('smtpFrom')),
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

const telegramConfig = z.object({
  kind: z.literal('telegram'),
  botToken: z
    .string()
    .trim()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, error('botToken')),
  /** A numeric chat id (negative for groups and channels) or a public `@channelname`. */
  chatId: z
    .string()
    .trim()
    .regex(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/, error('chatId')),
});

const emailConfig = z.object({
  kind: z.literal('email'),
  to: emailAddress,
  /** The user's own SMTP server; absent means the server-wide one from the environment. */
  smtp: smtpSettingsSchema.optional(),
});

const webhookConfig = z.object({
  kind: z.literal('webhook'),
  url: z
    .string()
    .trim()
    .max(2048, error('webhookUrl'))
    .refine((text) => parsedUrl(text, ['http:', 'https:']) !== null, error('webhookUrl')),
  /** HMAC key the receiver verifies `X-Stockvis-Signature` with. */
  secret: z.string().min(16, error('webhookSecret')).max(256, error('webhookSecret')),
});

export type ChannelSchemaOptions = {
  /**
   * Accept `http://127.0.0.1` / `http://localhost` as Slack and Discord webhook URLs, so tests can
   * point them at local servers. Never set in the app: those URLs are an open door to local
   * services otherwise.
   */
  allowInsecureHosts?: boolean;
};

function parsedUrl(text: string, protocols: string[]): URL | null {
  try {
    const url = new URL(text);
    return protocols.includes(url.protocol) && url.hostname !== '' ? url : null;
  } catch {
    return null;
  }
}

function isLocalTestUrl(text: string): boolean {
  const url = parsedUrl(text, ['http:']);
  return url !== null && ['127.0.0.1', 'localhost'].includes(url.hostname);
}

const SLACK_WEBHOOK =
  /^https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+$/;
const DISCORD_WEBHOOK =
  /^https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d+)?\/webhooks\/\d+\/[A-Za-z0-9_-]+(?:\?[^#]*)?$/;

/** The channel configuration schema; `channelConfigSchema` is the app's (strict) instance. */
export function channelConfigSchemaFor(options: ChannelSchemaOptions = {}) {
  const webhookUrl = (pattern: RegExp, key: string) =>
    z
      .string()
      .trim()
      .max(2048, error(key))
      .refine(
        (text) =>
          pattern.test(text) || (options.allowInsecureHosts === true && isLocalTestUrl(text)),
        error(key),
      );
  return z.discriminatedUnion(
    'kind',
    [
      emailConfig,
      telegramConfig,
      z.object({
        kind: z.literal('slack'),
        webhookUrl: webhookUrl(SLACK_WEBHOOK, 'slackWebhookUrl'),
      }),
      z.object({
        kind: z.literal('discord'),
        webhookUrl: webhookUrl(DISCORD_WEBHOOK, 'discordWebhookUrl'),
      }),
      webhookConfig,
    ],
    error('kind'),
  );
}

export const channelConfigSchema = channelConfigSchemaFor();
export type ChannelConfig = z.infer<typeof channelConfigSchema>;
export type ChannelConfigOf<K extends ChannelKind> = Extract<ChannelConfig, { kind: K }>;

export const severities = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof severities)[number];

/** One notification, already localized by the caller; the same `id` on every retry. */
export const outboundMessageSchema = z.object({
  /** Idempotency key: receivers (and the Message-ID of e-mails) use it to drop duplicates. */
  id: z.string().min(1).max(200),
  kind: z.enum(['alert', 'report', 'test']),
  severity: z.enum(severities),
  title: z.string().min(1),
  body: z.string(),
  /** Absolute link into the app. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  occurredAt: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
});
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;

export type DeliverySuccess = { ok: true; status?: number; providerId?: string };
export type DeliveryFailure = {
  ok: false;
  /** True when the same attempt may succeed later (rate limits, outages, timeouts). */
  retryable: boolean;
  /** Short English technical text; the UI shows it as the failure's detail. */
  reason: string;
  /** HTTP status, or the SMTP reply code for e-mail. */
  status?: number;
  /** The provider's own wait hint (Retry-After, Telegram's retry_after). */
  retryAfterMs?: number;
};
export type DeliveryResult = DeliverySuccess | DeliveryFailure;

export type DeliverOptions = {
  fetch?: typeof fetch;
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
  /** Default https://api.telegram.org. */
  telegramApiBase?: string;
  /** The server-wide SMTP settings, used by e-mail channels without their own. */
  smtp?: SmtpSettings | null;
  /** See `ChannelSchemaOptions`; tests only. */
  allowInsecureHosts?: boolean;
};

/** Options with defaults applied, as the channel senders receive them. */
export type SendContext = {
  fetch: typeof fetch;
  timeoutMs: number;
  telegramApiBase: string;
  smtp: SmtpSettings | null;
};
