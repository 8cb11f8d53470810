import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { escapeHtml, severityColor } from './format';
import { shorten } from './http';
import type {
  ChannelConfigOf,
  DeliveryFailure,
  DeliveryResult,
  OutboundMessage,
  SendContext,
  SmtpSettings,
} from './types';

/** The address part of `Name <addr>` or a bare address. */
function addressOf(mailbox: string): string {
  return /<([^<>\s]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox.trim();
}

/**
 * A Message-ID derived from the delivery id, so every retry of one notification carries the same
 * id and mail systems can drop the duplicates. Ids with unusual characters are hashed.
 */
export function messageIdFor(deliveryId: string, from: string): string {
  const domain = addressOf(from).split('@').at(-1)?.toLowerCase() ?? '';
  const host = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(domain) ? domain : 'stockvis.invalid';
  const local = /^[A-Za-z0-9_-]{1,64}$/.test(deliveryId)
    ? deliveryId
    : createHash('sha256').update(deliveryId).digest('hex').slice(0, 32);
  return `<stockvis.${local}@${host}>`;
}

function htmlPart(message: OutboundMessage): string {
  const color = `#${severityColor[message.severity].toString(16).padStart(6, '0')}`;
  const paragraphs = message.body
    .split(/\n{2,}/)
    .filter((part) => part.trim() !== '')
    .map((part) => `<p style="margin:0 0 12px">${escapeHtml(part).replaceAll('\n', '<br>')}</p>`)
    .join('');
  const link = message.url
    ? `<p style="margin:16px 0 0"><a href="${escapeHtml(message.url)}">${escapeHtml(message.url)}</a></p>`
    : '';
  return [
    '<!doctype html><html><body style="margin:0;padding:16px;font-family:system-ui,sans-serif;color:#111">',
    `<div style="border-left:4px solid ${color};padding-left:12px">`,
    `<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(message.title)}</h1>`,
    paragraphs,
    link,
    '</div></body></html>',
  ].join('');
}

/** The mail itself: subject `[Stockvis] <title>`, a text and a simple HTML part. */
export function emailMessage(to: string, from: string, message: OutboundMessage): Mail.Options {
  const text = [message.title, message.body, message.url].filter(Boolean).join('\n\n');
  return {
    from,
    to,
    subject: `[Stockvis] ${message.title.replace(/\s+/g, ' ').trim()}`,
    text,
    html: htmlPart(message),
    messageId: messageIdFor(message.id, from),
    headers: { 'X-Stockvis-Event': message.kind, 'X-Stockvis-Delivery': message.id },
    priority: message.severity === 'critical' ? 'high' : 'normal',
  };
}

type SmtpError = { code?: unknown; responseCode?: unknown; response?: unknown; command?: unknown };

/**
 * SMTP reply codes decide when the server answered: 4xx is "try again later" (greylisting, full
 * mailbox, throttling), 5xx final (unknown mailbox, relaying denied, bad credentials). Without a
 * reply, connection trouble is retried, TLS and message-building problems are not.
 */
export function smtpFailure(error: unknown): DeliveryFailure {
  const e = (error ?? {}) as SmtpError & { message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.responseCode === 'number') {
    const reply = typeof e.response === 'string' ? e.response : message;
    const command = typeof e.command === 'string' ? `${e.command}: ` : '';
    return {
      ok: false,
      retryable: e.responseCode < 500,
      reason: shorten(`SMTP ${command}${reply}`),
      status: e.responseCode,
    };
  }
  switch (e.code) {
    case 'ETIMEDOUT':
      return { ok: false, retryable: true, reason: 'timeout' };
    case 'ETLS':
    case 'EAUTH':
    case 'EENVELOPE':
    case 'EMESSAGE':
      return { ok: false, retryable: false, reason: shorten(`SMTP ${message}`) };
    default:
      return { ok: false, retryable: true, reason: shorten(`SMTP connection failed: ${message}`) };
  }
}

function transportFor(smtp: SmtpSettings, timeoutMs: number) {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
}

export async function sendEmail(
  config: ChannelConfigOf<'email'>,
  message: OutboundMessage,
  context: SendContext,
): Promise<DeliveryResult> {
  const smtp = config.smtp ?? context.smtp;
  if (!smtp) return { ok: false, retryable: false, reason: 'no SMTP server configured' };
  const transport = transportFor(smtp, context.timeoutMs);
  const sending = transport.sendMail(emailMessage(config.to, smtp.from, message));
  // nodemailer's timeouts are per phase; this bounds the whole attempt. The abandoned send still
  // settles (its socket times out), so its rejection is absorbed here.
  sending.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), context.timeoutMs);
  });
  try {
    const outcome = await Promise.race([sending, timeout]);
    if (outcome === 'timeout') return { ok: false, retryable: true, reason: 'timeout' };
    const code = /^(\d{3})\b/.exec(String(outcome.response ?? ''))?.[1];
    return {
      ok: true,
      ...(code && { status: Number(code) }),
      ...(outcome.messageId && { providerId: outcome.messageId }),
    };
  } catch (error) {
    return smtpFailure(error);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
