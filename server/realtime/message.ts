import { DomainError } from '@/server/errors';
import { isValidChannel, isValidEventName } from './channels';

/** Pusher rejects event data over 10 KB; the SSE transport keeps the same limit so both behave alike. */
export const MAX_PAYLOAD_BYTES = 10 * 1024;

/**
 * Check a message before either transport sends it and serialise its payload once. Events carry ids
 * and small data; clients refetch anything bigger through tRPC.
 */
export function encodeRealtimeMessage(channel: string, event: string, payload: unknown): string {
  if (!isValidChannel(channel)) {
    throw new DomainError('INVALID', `Invalid realtime channel: '${channel}'`, { channel });
  }
  if (!isValidEventName(event)) {
    throw new DomainError('INVALID', `Invalid realtime event name: '${event}'`, { channel, event });
  }
  let data: string | undefined;
  let cause: string | undefined;
  try {
    // JSON.stringify returns undefined (not a string) for a bare function or symbol.
    data = JSON.stringify(payload ?? null) as string | undefined;
  } catch (error) {
    cause = error instanceof Error ? error.message : String(error);
  }
  if (data === undefined) {
    throw new DomainError('INVALID', `Realtime payload for '${event}' is not JSON-serialisable`, {
      channel,
      event,
      cause,
    });
  }
  const bytes = Buffer.byteLength(data, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new DomainError(
      'INVALID',
      `Realtime payload for '${event}' on '${channel}' is ${bytes} bytes; the limit is ${MAX_PAYLOAD_BYTES}. Send ids and let the client refetch.`,
      { channel, event, bytes, limit: MAX_PAYLOAD_BYTES },
    );
  }
  return data;
}
