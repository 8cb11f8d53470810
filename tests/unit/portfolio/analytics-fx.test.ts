import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '@/server/market-data/circuit-breaker';
import { createAlphaVantageFx } from '@/server/market-data/fx/alphavantage-fx';
import {
  illustrativeUsdKrw,
  illustrativeUsdKrwSeries,
  illustrativeUsdKrwYearlyAverages,
} from '@/server/market-data/fx/illustrative-usdkrw';
import {
  fixtureReply,
  readFixture,
  startFixtureHttpServer,
  type FixtureHttpServer,
} from '@/tests/helpers/fixture-http-server';

describe('illustrative USD/KRW series', () => {
  it('is deterministic, weekday-only and stays near each year’s stated average', () => {
    expect(illustrativeUsdKrw('2024-03-15')).toBe(illustrativeUsdKrw('2024-03-15'));
    expect(illustrativeUsdKrw('2024-03-16')).toBeNull(); // Saturday
    for (const year of [2010, 2015, 2022, 2025]) {
      const series = illustrativeUsdKrwSeries(`${year}-01-01`, `${year}-12-31`);
      expect(series.length).toBeGreaterThan(250);
      const mean = series.reduce((s, r) => s + Number(r.rate), 0) / series.length;
      const stated = illustrativeUsdKrwYearlyAverages[year]!;
      expect(Math.abs(mean / stated - 1), String(year)).toBeLessThan(0.04);
    }
  });
});

describe('Alpha Vantage FX_DAILY', () => {
  let server: FixtureHttpServer;
  beforeAll(async () => {
    server = await startFixtureHttpServer((request) =>
      request.query.get('function') === 'FX_DAILY'
        ? fixtureReply('alphavantage/FX_DAILY_EUR_USD_compact.json')
        : fixtureReply('alphavantage/ERROR_Note_rate_limit.json'),
    );
  });
  afterAll(() => server.close());

  const fx = () =>
    createAlphaVantageFx({
      apiKey: 'k',
      baseUrl: server.url,
      timeoutMs: 2_000,
      budget: { acquire: async () => undefined },
      breaker: createCircuitBreaker({ provider: 'alphavantage', failureThreshold: 100 }),
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, jitter: 0 },
    });

  it('parses the daily closes oldest first as exact strings and sends the pair', async () => {
    const rates = await fx().fxDaily('EUR', 'USD');
    const fixture = JSON.parse(readFixture('alphavantage/FX_DAILY_EUR_USD_compact.json')) as {
      'Time Series FX (Daily)': Record<string, unknown>;
    };
    expect(rates).toHaveLength(Object.keys(fixture['Time Series FX (Daily)']).length);
    expect(rates.at(-1)).toEqual({ date: '2018-08-22', rate: '1.1571' });
    expect(rates[0]!.date < rates.at(-1)!.date).toBe(true);
    const request = server.requests.at(-1)!;
    expect(request.query.get('from_symbol')).toBe('EUR');
    expect(request.query.get('to_symbol')).toBe('USD');
  });

  it('rejects a payload for another pair than asked', async () => {
    await expect(fx().fxDaily('USD', 'KRW')).rejects.toMatchObject({ kind: 'malformed' });
  });
});
