import { escapeHtml, severityEmoji, truncate } from './format';
import { isAnswer, parseJson, postJson, shorten } from './http';
import type { ChannelConfigOf, DeliveryResult, OutboundMessage, SendContext } from './types';

/** Bot API `sendMessage` text limit (characters after entity parsing). */
const TEXT_LIMIT = 4096;

export type TelegramSendMessage = {
  chat_id: string;
  text: string;
  parse_mode: 'HTML';
  disable_web_page_preview: true;
};

/** The `sendMessage` body: severity mark, bold title, body, then the link into the app. */
export function telegramPayload(
  config: ChannelConfigOf<'telegram'>,
  message: OutboundMessage,
): TelegramSendMessage {
  const head = `${severityEmoji[message.severity]} <b>${escapeHtml(message.title)}</b>`;
  const link = message.url
    ? `\n\n<a href="${escapeHtml(message.url)}">${escapeHtml(message.url)}</a>`
    : '';
  // Budgeted on the raw lengths (tags and entities count less once parsed), so always within limit.
  const room = TEXT_LIMIT - head.length - link.length - 1;
  const body = message.body === '' ? '' : `\n${escapeHtml(truncate(message.body, room))}`;
  return {
    chat_id: config.chatId,
    text: `${head}${body}${link}`,
    parse_mode: 'HTML',
    disable_web_page_preview: true,
  };
}

type TelegramReply = {
  ok?: unknown;
  result?: { message_id?: unknown };
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown };
};

export async function sendTelegram(
  config: ChannelConfigOf<'telegram'>,
  message: OutboundMessage,
  context: SendContext,
): Promise<DeliveryResult> {
  const base = context.telegramApiBase.replace(/\/+$/, '');
  const answer = await postJson(
    `${base}/bot${config.botToken}/sendMessage`,
    JSON.stringify(telegramPayload(config, message)),
    context,
  );
  if (!isAnswer(answer)) return answer;
  const reply = (parseJson(answer.text) ?? {}) as TelegramReply;
  const status = answer.status;
  if (status === 200 && reply.ok === true) {
    const id = reply.result?.message_id;
    return { ok: true, status, providerId: id === undefined ? undefined : String(id) };
  }
  const reason =
    typeof reply.description === 'string'
      ? shorten(reply.description)
      : status >= 200 && status < 300
        ? 'unexpected response from the Bot API'
        : `HTTP ${status}`;
  if (status === 429) {
    const seconds = reply.parameters?.retry_after;
    const retryAfterMs = typeof seconds === 'number' ? seconds * 1000 : undefined;
    return {
      ok: false,
      retryable: true,
      reason,
      status,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    };
  }
  // 400 (chat not found, bad markup), 401 (token revoked), 403 (bot blocked or kicked), 404: the
  // user has to fix the channel. Anything else (5xx, gateway pages) is the Bot API's trouble.
  const permanent = status >= 300 && status < 500 && status !== 408;
  return { ok: false, retryable: !permanent, reason, status };
}
