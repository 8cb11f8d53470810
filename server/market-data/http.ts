import { ProviderError } from './errors';
import type { ProviderId } from './types';

/**
 * One HTTP exchange with a provider: fetch with a timeout that also covers reading the body, the
 * caller's abort signal honoured, and every transport failure turned into a ProviderError kind.
 * Whether a parsed body is an error is the provider's call (Alpha Vantage answers errors with HTTP
 * 200, KIS sometimes sends its throttle code with HTTP 500), so this returns status and body and
 * leaves the HTTP status to `assertHttpOk`.
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface JsonRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  timeoutMs: number;
  signal?: AbortSignal;
  fetch?: FetchLike;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body; `undefined` when empty, or not JSON on a non-2xx status. */
  body: unknown;
}

class TimeoutMarker extends Error {}

export async function fetchJson(provider: ProviderId, request: JsonRequest): Promise<JsonResponse> {
  request.signal?.throwIfAborted();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutMarker()), request.timeoutMs);
  const onCallerAbort = () => controller.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const doFetch = request.fetch ?? fetch;
  try {
    const response = await doFetch(request.url, {
      method: request.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(request.body !== undefined
          ? { 'content-type': 'application/json; charset=utf-8' }
          : {}),
        ...request.headers,
      },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
      signal: controller.signal,
    });
    const text = await response.text();
    const ok = response.status >= 200 && response.status < 300;
    // An error page (HTML 502 …) says more through its status than its body: leave it to assertHttpOk.
    const body = ok ? parseBody(text) : parseBodyOrUndefined(text);
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    if (controller.signal.reason instanceof TimeoutMarker) {
      throw new ProviderError(provider, 'timeout', `no answer within ${request.timeoutMs} ms`);
    }
    // The caller gave up: not a provider failure, so it keeps its own abort reason.
    if (request.signal?.aborted) throw request.signal.reason;
    if (error instanceof MalformedBody) {
      throw new ProviderError(provider, 'malformed', error.message);
    }
    throw new ProviderError(provider, 'network', describeNetworkError(error));
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCallerAbort);
  }
}

class MalformedBody extends Error {}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const excerpt = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw new MalformedBody(`the response is not JSON: ${JSON.stringify(excerpt)}`);
  }
}

function parseBodyOrUndefined(text: string): unknown {
  try {
    return parseBody(text);
  } catch {
    return undefined;
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return 'request failed';
  // undici reports "fetch failed" and keeps the useful part (ECONNREFUSED …) in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  const detail =
    cause instanceof Error ? `: ${(cause as { code?: string }).code ?? cause.message}` : '';
  return `${error.message}${detail}`;
}

/**
 * Maps a non-2xx status to a kind. Call it after reading any provider-specific error code from
 * the body, since that code is more precise than the status.
 */
export function assertHttpOk(provider: ProviderId, response: JsonResponse): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  const message = `HTTP ${status}`;
  if (status >= 500) throw new ProviderError(provider, 'server', message, { status });
  if (status === 401 || status === 403) {
    throw new ProviderError(provider, 'bad-key', message, { status });
  }
  if (status === 429) {
    const retryAfterMs = retryAfterOf(response.headers);
    throw new ProviderError(provider, 'minute-limit', message, {
      status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  if (status === 404) throw new ProviderError(provider, 'not-found', message, { status });
  throw new ProviderError(provider, 'rejected', message, { status });
}

/** `Retry-After` in seconds or as an HTTP date. */
function retryAfterOf(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
