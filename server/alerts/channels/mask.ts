import type { ChannelConfig } from './types';

/** `ada@example.com` → `a***@example.com`. */
function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

/** Host plus the last four characters of the secret path: `hooks.slack.com/…/x9Fz`. */
function maskSecretUrl(text: string): string {
  try {
    const url = new URL(text);
    const tail = url.pathname.replace(/\/+$/, '').slice(-4);
    return tail.length === 4 ? `${url.host}/…/${tail}` : url.host;
  } catch {
    return '…';
  }
}

/** Generic webhooks may hide a token anywhere in the URL: only the origin is shown. */
function maskPlainUrl(text: string): string {
  try {
    const url = new URL(text);
    const more = url.pathname !== '/' || url.search !== '' ? '/…' : '';
    return `${url.protocol}//${url.host}${more}`;
  } catch {
    return '…';
  }
}

/**
 * A numeric chat id by its last digits (group ids all start with -100, so the end tells them
 * apart); a public `@channel` name is shown as is.
 */
function maskChatId(chatId: string): string {
  return chatId.startsWith('@') || chatId.length <= 4 ? chatId : `…${chatId.slice(-4)}`;
}

/**
 * How a saved channel is listed: enough to recognise it, never a token, password, secret or full
 * webhook URL (those are secrets in themselves).
 */
export function maskChannelConfig(config: ChannelConfig): string {
  switch (config.kind) {
    case 'email':
      return config.smtp
        ? `e-mail · ${maskEmail(config.to)} · ${config.smtp.host}`
        : `e-mail · ${maskEmail(config.to)}`;
    case 'telegram':
      return `Telegram · chat ${maskChatId(config.chatId)}`;
    case 'slack':
      return `Slack · ${maskSecretUrl(config.webhookUrl)}`;
    case 'discord':
      return `Discord · ${maskSecretUrl(config.webhookUrl)}`;
    case 'webhook':
      return `Webhook · ${maskPlainUrl(config.url)}`;
  }
}
