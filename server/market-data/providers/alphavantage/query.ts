import type { CircuitBreaker } from '@/server/market-data/circuit-breaker';
import { assertHttpOk, fetchJson, type FetchLike } from '@/server/market-data/http';
import type { RequestBudget } from '@/server/market-data/rate-budget';
import { withRetry, type RetryPolicy } from '@/server/market-data/retry';
import { classifyAlphaVantageBody } from './classify';

export interface AlphaVantageQueryConfig {
  apiKey: string;
  /** Defaults to https://www.alphavantage.co */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: FetchLike;
  budget: RequestBudget;
  breaker: CircuitBreaker;
  retry: RetryPolicy;
}

/**
 * One Alpha Vantage call: breaker → budget → request → body classification (AV answers every
 * error as HTTP 200), retried for transient kinds only. Shared by the stock provider and the FX
 * client so both draw on one key's budget and breaker.
 */
export function createAlphaVantageQuery(config: AlphaVantageQueryConfig) {
  const baseUrl = (config.baseUrl ?? 'https://www.alphavantage.co').replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? 15_000;
  return (params: Record<string, string>, signal?: AbortSignal): Promise<unknown> => {
    const url = new URL('/query', baseUrl);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    url.searchParams.set('apikey', config.apiKey);
    return withRetry(
      () =>
        config.breaker.run(async () => {
          await config.budget.acquire(signal);
          const response = await fetchJson('alphavantage', {
            url: url.toString(),
            timeoutMs,
            signal,
            fetch: config.fetch,
          });
          assertHttpOk('alphavantage', response);
          const error = classifyAlphaVantageBody(response.body);
          if (error) throw error;
          return response.body;
        }),
      config.retry,
      { signal },
    );
  };
}
