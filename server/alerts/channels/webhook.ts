import { createHmac, timingSafeEqual } from 'node:crypto';
import { isAnswer, postJson, resultFromStatus, shorten } from './http';
import type { ChannelConfigOf, DeliveryResult, OutboundMessage, SendContext } from './types';

/** The JSON every generic webhook receives; a stable shape (absent values are null / {}). */
export type WebhookPayload = {
  id: string;
  kind: OutboundMessage['kind'];
  severity: OutboundMessage['severity'];
  title: string;
  body: string;
  url: string | null;
  occurredAt: string;
  data: Record<string, string | number | null>;
};

export function webhookPayload(message: OutboundMessage): WebhookPayload {
  return {
    id: message.id,
    kind: message.kind,
    severity: message.severity,
    title: message.title,
    body: message.body,
    url: message.url ?? null,
    occurredAt: message.occurredAt,
    data: message.data ?? {},
  };
}

/**
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`. The timestamp is signed too, so a
 * captured request cannot be replayed later with a fresh timestamp.
 */
export function signWebhookPayload(
  secret: string,
  timestamp: string | number,
  rawBody: string | Buffer,
): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

export type VerifyOptions = {
  /** How far the timestamp may be from `now`, either way; default 300 s. */
  toleranceSeconds?: number;
  now?: Date | number;
};

/**
 * For receivers (and tests): true when `header` is the signature of `rawBody` (the exact bytes
 * received) at `timestamp` (`X-Stockvis-Timestamp`) and that timestamp is recent.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | number | null | undefined,
  rawBody: string | Buffer,
  header: string | null | undefined,
  options: VerifyOptions = {},
): boolean {
  const stamp = String(timestamp ?? '');
  if (!/^\d{1,12}$/.test(stamp) || typeof header !== 'string') return false;
  const now = options.now === undefined ? Date.now() : Number(options.now);
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(now / 1000 - Number(stamp)) > tolerance) return false;
  const expected = Buffer.from(signWebhookPayload(secret, stamp, rawBody));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function sendWebhook(
  config: ChannelConfigOf<'webhook'>,
  message: OutboundMessage,
  context: SendContext,
): Promise<DeliveryResult> {
  const body = JSON.stringify(webhookPayload(message));
  const timestamp = Math.floor(Date.now() / 1000);
  const answer = await postJson(config.url, body, context, {
    'User-Agent': 'Stockvis-Webhook/1',
    'X-Stockvis-Event': message.kind,
    'X-Stockvis-Delivery': message.id,
    'X-Stockvis-Timestamp': String(timestamp),
    'X-Stockvis-Signature': signWebhookPayload(config.secret, timestamp, body),
  });
  if (!isAnswer(answer)) return answer;
  return resultFromStatus(answer, shorten(answer.text) || null);
}
