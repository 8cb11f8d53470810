import { severityColor, severityEmoji, truncate } from './format';
import { isAnswer, parseJson, postJson, resultFromStatus, shorten } from './http';
import type { ChannelConfigOf, DeliveryResult, OutboundMessage, SendContext } from './types';

/** Embed limits: title 256 characters, description 4,096. */
const TITLE_LIMIT = 256;
const DESCRIPTION_LIMIT = 4096;

export type DiscordEmbed = {
  title: string;
  description?: string;
  url?: string;
  color: number;
  timestamp: string;
};
export type DiscordWebhookPayload = {
  embeds: DiscordEmbed[];
  /** No @everyone / role / user pings, whatever the (user-influenced) text contains. */
  allowed_mentions: { parse: [] };
};

/** One embed: the title links into the app, the colour bar and mark show the severity. */
export function discordPayload(message: OutboundMessage): DiscordWebhookPayload {
  const embed: DiscordEmbed = {
    title: truncate(`${severityEmoji[message.severity]} ${message.title}`, TITLE_LIMIT),
    color: severityColor[message.severity],
    timestamp: message.occurredAt,
  };
  if (message.body !== '') embed.description = truncate(message.body, DESCRIPTION_LIMIT);
  if (message.url) embed.url = message.url;
  return { embeds: [embed], allowed_mentions: { parse: [] } };
}

/** `?wait=true` makes Discord answer 200 with the created message (its id) instead of 204. */
export function discordExecuteUrl(webhookUrl: string): string {
  const url = new URL(webhookUrl);
  url.searchParams.set('wait', 'true');
  return url.toString();
}

type DiscordReply = { id?: unknown; message?: unknown; code?: unknown; retry_after?: unknown };

export async function sendDiscord(
  config: ChannelConfigOf<'discord'>,
  message: OutboundMessage,
  context: SendContext,
): Promise<DeliveryResult> {
  const answer = await postJson(
    discordExecuteUrl(config.webhookUrl),
    JSON.stringify(discordPayload(message)),
    context,
  );
  if (!isAnswer(answer)) return answer;
  const reply = (parseJson(answer.text) ?? {}) as DiscordReply;
  if (answer.status === 200 || answer.status === 204) {
    return typeof reply.id === 'string'
      ? { ok: true, status: answer.status, providerId: reply.id }
      : { ok: true, status: answer.status };
  }
  // Errors are `{ message, code }`, e.g. "Unknown Webhook" (10015) for a deleted webhook.
  const detail =
    typeof reply.message === 'string'
      ? typeof reply.code === 'number'
        ? `${reply.message} (${reply.code})`
        : reply.message
      : shorten(answer.text) || null;
  const result = resultFromStatus(answer, detail);
  // Rate limits carry `retry_after` in (fractional) seconds in the body, more precise than the header.
  if (!result.ok && answer.status === 429 && typeof reply.retry_after === 'number') {
    return { ...result, retryAfterMs: Math.ceil(reply.retry_after * 1000) };
  }
  return result;
}
