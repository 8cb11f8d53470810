import { severityEmoji, truncate } from './format';
import { isAnswer, postJson, resultFromStatus } from './http';
import type { ChannelConfigOf, DeliveryResult, OutboundMessage, SendContext } from './types';

/** Block Kit limits: header text 150 characters, section text 3,000. */
const HEADER_LIMIT = 150;
const SECTION_LIMIT = 3000;

type TextObject =
  { type: 'plain_text'; text: string; emoji: true } | { type: 'mrkdwn'; text: string };
export type SlackBlock =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text: TextObject }
  | { type: 'context'; elements: TextObject[] };
export type SlackWebhookPayload = { text: string; blocks: SlackBlock[] };

/** Slack's three control characters; everything else in mrkdwn is shown as typed. */
function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Escaped mrkdwn within a limit (Slack counts the escaped text), cut on whole characters. */
function mrkdwnWithin(text: string, limit: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= limit) return escaped;
  let out = '';
  for (const char of text) {
    const piece = escapeMrkdwn(char);
    if (out.length + piece.length > limit - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/** `<url|label>` breaks on `|` and `>`; percent-encoding them keeps the link intact. */
function linkTarget(url: string): string {
  return url.replaceAll('|', '%7C').replaceAll('>', '%3E').replaceAll('<', '%3C');
}

/**
 * Incoming-webhook body: `text` is the notification fallback, `blocks` the rendered message —
 * header (severity mark and title), section (body), context (time in the reader's zone, link).
 */
export function slackPayload(message: OutboundMessage): SlackWebhookPayload {
  const title = `${severityEmoji[message.severity]} ${message.title}`;
  const seconds = Math.floor(Date.parse(message.occurredAt) / 1000);
  // Slack renders `<!date^…>` in each reader's own time zone and locale; the ISO text is its fallback.
  const when = `<!date^${seconds}^{date_short_pretty} {time}|${message.occurredAt}>`;
  const link = message.url ? ` · <${linkTarget(message.url)}>` : '';
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(title, HEADER_LIMIT), emoji: true },
    },
  ];
  if (message.body !== '') {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: mrkdwnWithin(message.body, SECTION_LIMIT) },
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${when}${link}` }] });
  const fallback = message.body === '' ? title : `${title}\n${message.body}`;
  return { text: mrkdwnWithin(fallback, SECTION_LIMIT), blocks };
}

/**
 * Slack answers `ok` (200) or a plain-text code: `invalid_payload` (400), `invalid_token` /
 * `action_prohibited` (403), `no_service` / `channel_not_found` (404), `channel_is_archived` (410),
 * rate limits as 429 with Retry-After.
 */
export async function sendSlack(
  config: ChannelConfigOf<'slack'>,
  message: OutboundMessage,
  context: SendContext,
): Promise<DeliveryResult> {
  const answer = await postJson(config.webhookUrl, JSON.stringify(slackPayload(message)), context);
  if (!isAnswer(answer)) return answer;
  return resultFromStatus(answer, answer.text.trim() || null);
}
