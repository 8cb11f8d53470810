/**
 * Realtime channel names and who may subscribe to them. Shared by the server (publishers, the SSE
 * route, the Pusher auth route) and the browser (hook callers build names with these helpers), so
 * this module stays free of server-only imports (DomainError is plain TS).
 *
 * Three kinds of channel, nothing else is valid:
 * - `private-user-<userId>`: one user's events (notifications, watchlist changes). Pusher treats the
 *   `private-` prefix as "needs /api/pusher/auth"; the SSE route applies the same rule.
 * - `system`: app-wide events (heartbeat), readable by any signed-in user.
 * - `stock-<SYMBOL>`: market events for one symbol (ticks), readable by any signed-in user.
 */

import { DomainError } from '@/server/errors';

export const SYSTEM_CHANNEL = 'system';

const USER_CHANNEL_PREFIX = 'private-user-';
const STOCK_CHANNEL_PREFIX = 'stock-';

/** cuid / uuid-like ids; no characters that could smuggle in another channel name. */
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
/**
 * Canonical symbols such as 005930.KS, AAPL, BRK.B, ^KS11. Pusher allows only [A-Za-z0-9_\-=@,.;],
 * so an index's leading caret travels as an underscore (`stock-_KS11`).
 */
const SYMBOL = /^\^?[A-Z0-9][A-Z0-9._=-]{0,31}$/;
const CHANNEL_SYMBOL = /^_?[A-Z0-9][A-Z0-9._=-]{0,31}$/;
/** Short lower-case names: `tick`, `heartbeat.recorded`, `watchlist.changed`. */
const EVENT_NAME = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
const EVENT_NAME_MAX_LENGTH = 64;

export type ParsedChannel =
  { kind: 'user'; userId: string } | { kind: 'system' } | { kind: 'stock'; symbol: string };

export function userChannel(userId: string): string {
  if (!USER_ID.test(userId)) {
    throw new DomainError('INVALID', `Invalid user id for a channel: '${userId}'`);
  }
  return `${USER_CHANNEL_PREFIX}${userId}`;
}

/** Symbols are upper-cased so publisher and subscriber always agree on one name. */
export function stockChannel(symbol: string): string {
  const canonical = symbol.trim().toUpperCase();
  if (!SYMBOL.test(canonical)) {
    throw new DomainError('INVALID', `Invalid symbol for a channel: '${symbol}'`);
  }
  return `${STOCK_CHANNEL_PREFIX}${canonical.replace(/^\^/, '_')}`;
}

/** The channel's kind and subject, or null when the name is not one of ours (strict, exact). */
export function parseChannel(channel: string): ParsedChannel | null {
  if (channel === SYSTEM_CHANNEL) return { kind: 'system' };
  if (channel.startsWith(USER_CHANNEL_PREFIX)) {
    const userId = channel.slice(USER_CHANNEL_PREFIX.length);
    return USER_ID.test(userId) ? { kind: 'user', userId } : null;
  }
  if (channel.startsWith(STOCK_CHANNEL_PREFIX)) {
    const encoded = channel.slice(STOCK_CHANNEL_PREFIX.length);
    return CHANNEL_SYMBOL.test(encoded)
      ? { kind: 'stock', symbol: encoded.replace(/^_/, '^') }
      : null;
  }
  return null;
}

export function isValidChannel(channel: string): boolean {
  return parseChannel(channel) !== null;
}

export function isValidEventName(event: string): boolean {
  return event.length <= EVENT_NAME_MAX_LENGTH && EVENT_NAME.test(event);
}

/**
 * May this user (null = signed out) receive this channel? Signed-out visitors get nothing; a
 * private user channel only for its owner; public channels for every signed-in user.
 */
export function canSubscribe(channel: string, userId: string | null): boolean {
  if (userId === null || userId === '') return false;
  const parsed = parseChannel(channel);
  if (parsed === null) return false;
  switch (parsed.kind) {
    case 'user':
      return parsed.userId === userId;
    case 'system':
    case 'stock':
      return true;
  }
}
