import { sendDiscord } from './discord';
import { sendEmail } from './email';
import { sendSlack } from './slack';
import { sendTelegram } from './telegram';
import {
  channelConfigSchema,
  channelConfigSchemaFor,
  type ChannelConfig,
  type DeliverOptions,
  type DeliveryResult,
  type OutboundMessage,
  type SendContext,
} from './types';
import { sendWebhook } from './webhook';

const DEFAULT_TIMEOUT_MS = 10_000;
const insecureTestSchema = channelConfigSchemaFor({ allowInsecureHosts: true });

/**
 * One delivery attempt of `message` to one channel. Never throws: every outcome is a
 * `DeliveryResult`, so the caller records it and decides on a retry (honouring `retryAfterMs`).
 * The config is validated again here: it comes back from storage, and the URL checks are what keep
 * Slack and Discord deliveries on their own hosts.
 */
export async function deliver(
  config: ChannelConfig,
  message: OutboundMessage,
  options: DeliverOptions = {},
): Promise<DeliveryResult> {
  try {
    const schema = options.allowInsecureHosts ? insecureTestSchema : channelConfigSchema;
    const parsed = schema.safeParse(config);
    if (!parsed.success) {
      const fields = [
        ...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'kind')),
      ];
      return {
        ok: false,
        retryable: false,
        reason: `invalid channel settings (${fields.join(', ')})`,
      };
    }
    const context: SendContext = {
      fetch: options.fetch ?? fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      telegramApiBase: options.telegramApiBase ?? 'https://api.telegram.org',
      smtp: options.smtp ?? null,
    };
    const channel = parsed.data;
    switch (channel.kind) {
      case 'email':
        return await sendEmail(channel, message, context);
      case 'telegram':
        return await sendTelegram(channel, message, context);
      case 'slack':
        return await sendSlack(channel, message, context);
      case 'discord':
        return await sendDiscord(channel, message, context);
      case 'webhook':
        return await sendWebhook(channel, message, context);
    }
  } catch (error) {
    // A defect, not a provider answer. Only the error's name: its message could quote a secret URL.
    const name = error instanceof Error ? error.name : typeof error;
    return { ok: false, retryable: true, reason: `unexpected error (${name})` };
  }
}
