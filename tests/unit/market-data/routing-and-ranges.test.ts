import { describe, expect, it } from 'vitest';
import { cacheControlFor } from '@/server/api/cache-control';
import { assertIntervalPeriod, periodStartDate } from '@/server/market-data/chart-range';
import { ProviderError } from '@/server/market-data/errors';
import { createProviderRouter } from '@/server/market-data/provider-router';
import type { MarketDataProvider, ProviderId } from '@/server/market-data/types';

function provider(id: ProviderId, markets: ('KR' | 'US')[], statements?: () => Promise<never>) {
  return {
    id,
    markets,
    statements: statements ?? (async () => []),
  } as unknown as MarketDataProvider;
}

describe('provider router', () => {
  it('uses the demo only where no real provider serves the market', () => {
    const router = createProviderRouter([
      provider('demo', ['KR', 'US']),
      provider('alphavantage', ['US']),
    ]);
    expect(router.primary('US')?.id).toBe('alphavantage');
    expect(router.primary('KR')?.id).toBe('demo');
    expect(router.chain('US').map((p) => p.id)).toEqual(['alphavantage']);
  });

  it('prefers kis for KR and falls through on unsupported requests only', async () => {
    const unsupported = async () => {
      throw new ProviderError('kis', 'unsupported', 'KIS has no statements');
    };
    const router = createProviderRouter([
      provider('demo', ['KR', 'US']),
      provider('alphavantage', ['KR', 'US']),
      provider('kis', ['KR'], unsupported),
    ]);
    expect(router.chain('KR').map((p) => p.id)).toEqual(['kis', 'alphavantage']);
    const { provider: used } = await router.call('KR', (p) => p.statements('005930.KS', 'income'));
    expect(used.id).toBe('alphavantage');

    const failing = createProviderRouter([
      provider('kis', ['KR'], async () => {
        throw new ProviderError('kis', 'server', 'HTTP 500');
      }),
      provider('alphavantage', ['KR']),
    ]);
    await expect(failing.call('KR', (p) => p.statements('005930.KS', 'income'))).rejects.toThrow(
      'HTTP 500',
    );
  });
});

describe('chart ranges', () => {
  it('counts periods back from the last bar, in calendar terms', () => {
    expect(periodStartDate('1m', '2026-03-31')).toBe('2026-02-28');
    expect(periodStartDate('1y', '2024-02-29')).toBe('2023-02-28');
    expect(periodStartDate('5d', '2026-11-20')).toBe('2026-11-13');
    expect(periodStartDate('max', '2026-11-20')).toBeNull();
  });

  it('refuses periods an interval cannot show', () => {
    expect(() => assertIntervalPeriod('weekly', '1d')).toThrow(/weekly chart cannot show/);
    expect(() => assertIntervalPeriod('intraday', '1y')).toThrow();
    expect(() => assertIntervalPeriod('daily', '1y')).not.toThrow();
  });
});

describe('HTTP caching of stock queries', () => {
  it('caches successful stock queries for their freshness window, the shortest in a batch', () => {
    expect(cacheControlFor({ paths: ['stocks.statements'], type: 'query', ok: true })).toBe(
      'private, max-age=3600',
    );
    expect(
      cacheControlFor({ paths: ['stocks.overview', 'stocks.chart'], type: 'query', ok: true }),
    ).toBe('private, max-age=60');
  });

  it('never caches errors, mutations or live data', () => {
    expect(cacheControlFor({ paths: ['stocks.chart'], type: 'query', ok: false })).toBeUndefined();
    expect(
      cacheControlFor({ paths: ['stocks.track'], type: 'mutation', ok: true }),
    ).toBeUndefined();
    expect(
      cacheControlFor({ paths: ['stocks.chart', 'stocks.get'], type: 'query', ok: true }),
    ).toBeUndefined();
  });
});
