/**
 * Daily exchange rates from Alpha Vantage's FX_DAILY (`from_symbol`, `to_symbol`): one close per
 * day, 1 `base` = `rate` `quote`. Same request pipeline as the AV stock provider — circuit
 * breaker → request budget → HTTP → body classification (rate-limit notes, invalid calls, premium
 * messages become ProviderErrors) → retry of transient kinds — so FX calls share the provider's
 * key budget. Rates stay the exact decimal strings AV sends.
 */
import { z } from 'zod';
import type { CircuitBreaker } from '@/server/market-data/circuit-breaker';
import { ProviderError } from '@/server/market-data/errors';
import type { FetchLike } from '@/server/market-data/http';
import { createAlphaVantageQuery } from '@/server/market-data/providers/alphavantage/query';
import { avDate, decimalString } from '@/server/market-data/providers/alphavantage/schemas';
import type { RequestBudget } from '@/server/market-data/rate-budget';
import type { RetryPolicy } from '@/server/market-data/retry';

export interface AlphaVantageFxConfig {
  apiKey: string;
  /** Defaults to https://www.alphavantage.co */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: FetchLike;
  budget: RequestBudget;
  breaker: CircuitBreaker;
  retry: RetryPolicy;
  /** `compact` = last 100 days (free keys); `full` is premium. */
  outputSize?: 'compact' | 'full';
}

export interface FxDailyRate {
  date: string;
  /** Units of `quote` per 1 `base`, exact decimal string. */
  rate: string;
}

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter currency code');

const fxDailySchema = z.object({
  'Meta Data': z.object({ '2. From Symbol': currencyCode, '3. To Symbol': currencyCode }),
  'Time Series FX (Daily)': z.record(avDate, z.object({ '4. close': decimalString })),
});

export function createAlphaVantageFx(config: AlphaVantageFxConfig) {
  const query = createAlphaVantageQuery(config);

  return {
    /** Daily closes of base/quote, oldest first. */
    async fxDaily(base: string, quote: string, signal?: AbortSignal): Promise<FxDailyRate[]> {
      const from = currencyCode.parse(base);
      const to = currencyCode.parse(quote);
      const body = await query(
        {
          function: 'FX_DAILY',
          from_symbol: from,
          to_symbol: to,
          outputsize: config.outputSize ?? 'compact',
        },
        signal,
      );
      const parsed = fxDailySchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
        throw new ProviderError(
          'alphavantage',
          'malformed',
          `FX_DAILY: unexpected payload at ${path}: ${issue.message}`,
        );
      }
      const meta = parsed.data['Meta Data'];
      if (meta['2. From Symbol'] !== from || meta['3. To Symbol'] !== to) {
        throw new ProviderError(
          'alphavantage',
          'malformed',
          `FX_DAILY: asked for ${from}/${to}, got ${meta['2. From Symbol']}/${meta['3. To Symbol']}`,
        );
      }
      return Object.entries(parsed.data['Time Series FX (Daily)'])
        .map(([date, bar]) => ({ date, rate: bar['4. close'] }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    },
  };
}

export type AlphaVantageFx = ReturnType<typeof createAlphaVantageFx>;
