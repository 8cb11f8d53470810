import type { DeliveryFailure, DeliveryResult, SendContext } from './types';

/** A provider's answer, read in full within the attempt's timeout. */
export type HttpAnswer = { status: number; headers: Headers; text: string };

/**
 * POSTs a JSON body. Redirects are not followed: a redirected POST turns into a GET, and a webhook
 * URL that redirects elsewhere is a configuration problem the user should see.
 */
export async function postJson(
  url: string,
  body: string,
  context: SendContext,
  headers: Record<string, string> = {},
): Promise<HttpAnswer | DeliveryFailure> {
  try {
    const response = await context.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(context.timeoutMs),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    return transportFailure(error);
  }
}

export function isAnswer(value: HttpAnswer | DeliveryFailure): value is HttpAnswer {
  return !('ok' in value);
}

/** Timeouts and network errors: nothing was (knowingly) delivered, so try again later. */
export function transportFailure(error: unknown): DeliveryFailure {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { ok: false, retryable: true, reason: 'timeout' };
  }
  const code = errorCode(error);
  return { ok: false, retryable: true, reason: code ? `network error (${code})` : 'network error' };
}

/** Node's fetch wraps socket errors: `TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })`. */
function errorCode(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** `Retry-After` as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterHeaderMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The common HTTP outcome: 2xx delivered; 408, 425, 429 and 5xx worth retrying; anything else
 * (bad URL, revoked webhook, rejected payload, redirects) needs the user to fix the channel.
 */
export function resultFromStatus(answer: HttpAnswer, detail: string | null): DeliveryResult {
  const { status } = answer;
  if (status >= 200 && status < 300) return { ok: true, status };
  const retryable = status === 408 || status === 425 || status === 429 || status >= 500;
  const redirect = status >= 300 && status < 400;
  const reason = redirect
    ? `HTTP ${status}: unexpected redirect`
    : detail
      ? `HTTP ${status}: ${detail}`
      : `HTTP ${status}`;
  const failure: DeliveryFailure = { ok: false, retryable, reason: shorten(reason), status };
  const retryAfterMs = retryable
    ? retryAfterHeaderMs(answer.headers.get('retry-after'))
    : undefined;
  return retryAfterMs === undefined ? failure : { ...failure, retryAfterMs };
}

/** Provider texts can be long (HTML error pages); reasons stay one short line. */
export function shorten(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
