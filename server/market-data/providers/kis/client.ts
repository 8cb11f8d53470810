import type { CircuitBreaker } from '@/server/market-data/circuit-breaker';
import { ProviderError, providerErrorKind } from '@/server/market-data/errors';
import { assertHttpOk, fetchJson, type FetchLike } from '@/server/market-data/http';
import type { RequestBudget } from '@/server/market-data/rate-budget';
import { withRetry, type RetryPolicy } from '@/server/market-data/retry';
import { createKisCredentials, type KisCredentials } from './auth';
import { classifyKisBody } from './classify';
import type { TokenStore } from './token-store';

/**
 * KIS REST calls: breaker → budget → request → classify, retried for transient kinds. An expired
 * token (EGW00123) is replaced and the request sent once more within the same attempt.
 */
export interface KisClientConfig {
  appKey: string;
  appSecret: string;
  baseUrl: string;
  tokenStore: TokenStore;
  budget: RequestBudget;
  breaker: CircuitBreaker;
  retry: RetryPolicy;
  timeoutMs?: number;
  fetch?: FetchLike;
  now?: () => number;
}

export interface KisClient {
  get(
    path: string,
    trId: string,
    params: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<unknown>;
  approvalKey(signal?: AbortSignal): Promise<string>;
  rejectApprovalKey(key: string): void;
}

export function createKisClient(config: KisClientConfig): KisClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? 10_000;

  async function send(
    request: {
      path: string;
      method: 'GET' | 'POST';
      headers?: Record<string, string>;
      body?: unknown;
    },
    signal?: AbortSignal,
  ): Promise<unknown> {
    await config.budget.acquire(signal);
    const response = await fetchJson('kis', {
      url: `${baseUrl}${request.path}`,
      method: request.method,
      headers: request.headers,
      body: request.body,
      timeoutMs,
      signal,
      fetch: config.fetch,
    });
    const error = classifyKisBody(response.body);
    if (error) throw error;
    assertHttpOk('kis', response);
    if (response.body === undefined) {
      throw new ProviderError('kis', 'malformed', `${request.path}: empty response`);
    }
    return response.body;
  }

  const credentials: KisCredentials = createKisCredentials({
    appKey: config.appKey,
    appSecret: config.appSecret,
    tokenStore: config.tokenStore,
    now: config.now,
    post: (path, body, signal) => send({ path, method: 'POST', body }, signal),
  });

  const guarded = <T>(call: () => Promise<T>, signal?: AbortSignal) =>
    withRetry(() => config.breaker.run(call), config.retry, { signal });

  async function getOnce(
    path: string,
    trId: string,
    params: Record<string, string>,
    token: string,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const query = new URLSearchParams(params).toString();
    return send(
      {
        path: `${path}?${query}`,
        method: 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          appkey: config.appKey,
          appsecret: config.appSecret,
          tr_id: trId,
          custtype: 'P',
        },
      },
      signal,
    );
  }

  return {
    get(path, trId, params, signal) {
      return guarded(async () => {
        const token = await credentials.accessToken(signal);
        try {
          return await getOnce(path, trId, params, token, signal);
        } catch (error) {
          if (providerErrorKind(error) !== 'token-expired') throw error;
          credentials.rejectAccessToken(token);
          const fresh = await credentials.accessToken(signal);
          return await getOnce(path, trId, params, fresh, signal);
        }
      }, signal);
    },
    approvalKey(signal) {
      return guarded(() => credentials.approvalKey(signal), signal);
    },
    rejectApprovalKey: (key) => credentials.rejectApprovalKey(key),
  };
}
