import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '@/server/market-data/circuit-breaker';
import type { ProviderErrorKind } from '@/server/market-data/errors';
import { createAlphaVantageProvider } from '@/server/market-data/providers/alphavantage/provider';
import type { RequestBudget } from '@/server/market-data/rate-budget';
import type { RetryPolicy } from '@/server/market-data/retry';
import {
  fixtureReply,
  readFixture,
  startFixtureHttpServer,
  type FixtureHandler,
  type FixtureHttpServer,
} from '@/tests/helpers/fixture-http-server';

const fastRetry: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 50, jitter: 0 };

const byFunction: Record<string, string> = {
  GLOBAL_QUOTE: 'alphavantage/GLOBAL_QUOTE_IBM.json',
  TIME_SERIES_DAILY: 'alphavantage/TIME_SERIES_DAILY_IBM_compact.json',
  TIME_SERIES_WEEKLY: 'alphavantage/TIME_SERIES_WEEKLY_MSFT.json',
  TIME_SERIES_INTRADAY: 'alphavantage/TIME_SERIES_INTRADAY_IBM_5min_full.json',
  OVERVIEW: 'alphavantage/OVERVIEW_IBM.json',
  INCOME_STATEMENT: 'alphavantage/INCOME_STATEMENT_IBM.json',
  BALANCE_SHEET: 'alphavantage/BALANCE_SHEET_IBM.json',
  CASH_FLOW: 'alphavantage/CASH_FLOW_IBM.json',
  SYMBOL_SEARCH: 'alphavantage/SYMBOL_SEARCH_BA.json',
};

const replayByFunction: FixtureHandler = (request) =>
  fixtureReply(
    byFunction[request.query.get('function') ?? ''] ??
      'alphavantage/ERROR_ErrorMessage_invalid_call.json',
  );

let server: FixtureHttpServer;
beforeAll(async () => {
  server = await startFixtureHttpServer(replayByFunction);
});
afterAll(() => server.close());
beforeEach(() => {
  server.setHandler(replayByFunction);
  server.requests.length = 0;
});

function countingBudget(): RequestBudget & { acquired: number } {
  const budget = {
    acquired: 0,
    async acquire() {
      budget.acquired += 1;
    },
  };
  return budget;
}

function provider(overrides: Partial<Parameters<typeof createAlphaVantageProvider>[0]> = {}) {
  return createAlphaVantageProvider({
    apiKey: 'test-key',
    baseUrl: server.url,
    timeoutMs: 2_000,
    budget: countingBudget(),
    breaker: createCircuitBreaker({ provider: 'alphavantage', failureThreshold: 100 }),
    retry: fastRetry,
    now: () => Date.UTC(2022, 5, 9, 21, 0, 0),
    ...overrides,
  });
}

describe('Alpha Vantage provider: payloads', () => {
  it('parses GLOBAL_QUOTE into a quote and sends function, symbol and apikey', async () => {
    const quote = await provider().quote('IBM');
    expect(quote).toEqual({
      symbol: 'IBM',
      currency: 'USD',
      price: 137.96,
      open: 140.15,
      high: 141.04,
      low: 137.93,
      previousClose: 140.83,
      change: -2.87,
      changePercent: -2.0379,
      volume: 3587161,
      tradingDay: '2022-06-09',
      asOf: Date.UTC(2022, 5, 9, 21, 0, 0),
      provider: 'alphavantage',
    });
    const query = server.requests[0]!.query;
    expect(server.requests[0]!.path).toBe('/query');
    expect(Object.fromEntries(query)).toEqual({
      function: 'GLOBAL_QUOTE',
      symbol: 'IBM',
      apikey: 'test-key',
    });
  });

  it('parses the 2018 GLOBAL_QUOTE layout too', async () => {
    server.setHandler(() => fixtureReply('alphavantage/GLOBAL_QUOTE_MSFT.json'));
    const quote = await provider().quote('MSFT');
    expect(quote).toMatchObject({
      price: 112.13,
      changePercent: -0.5852,
      tradingDay: '2018-10-05',
    });
  });

  it('returns compact daily bars oldest first, filtered by range', async () => {
    const bars = await provider().dailyBars('IBM');
    expect(bars).toHaveLength(100);
    expect(bars[0]!.date).toBe('2023-06-22');
    expect(bars.at(-1)).toEqual({
      date: '2023-11-10',
      open: 147.44,
      high: 149.17,
      low: 146.85,
      close: 149.02,
      volume: 3179541,
    });
    expect(server.requests[0]!.query.get('outputsize')).toBe('compact');

    const november = await provider().dailyBars('IBM', { from: '2023-11-01', to: '2023-11-09' });
    expect(november.map((b) => b.date)).toEqual([
      '2023-11-01',
      '2023-11-02',
      '2023-11-03',
      '2023-11-06',
      '2023-11-07',
      '2023-11-08',
      '2023-11-09',
    ]);
  });

  it('dates weekly bars by the Friday of their week', async () => {
    const bars = await provider().weeklyBars('MSFT', { from: '2018-07-30' });
    // The source dates the running week by its latest day (Monday 2018-08-13).
    expect(bars.map((b) => b.date)).toEqual(['2018-08-03', '2018-08-10', '2018-08-17']);
    expect(bars.at(-1)).toMatchObject({ open: 109.24, close: 108.21, volume: 18469724 });
    const all = await provider().weeklyBars('MSFT');
    expect(all).toHaveLength(1232);
  });

  it('converts intraday US/Eastern end-of-bar stamps to UTC bar starts', async () => {
    const bars = await provider().intradayBars('IBM', '5min');
    expect(server.requests[0]!.query.get('interval')).toBe('5min');
    expect(bars).toHaveLength(2022);
    const last = bars.at(-1)!;
    // "2022-06-08 18:40:00" EDT = 22:40Z, the bar began five minutes earlier.
    expect(last).toEqual({
      time: Date.UTC(2022, 5, 8, 22, 35),
      open: 140.88,
      high: 140.88,
      low: 140.88,
      close: 140.88,
      volume: 152,
    });
    expect(bars.every((b, i) => i === 0 || b.time > bars[i - 1]!.time)).toBe(true);
  });

  it('refuses intraday bars of another interval than asked', async () => {
    await expect(provider().intradayBars('IBM', '1min')).rejects.toMatchObject({
      details: { kind: 'malformed' },
    });
  });

  it('parses OVERVIEW into an overview with numeric metrics', async () => {
    const overview = await provider().overview('IBM');
    expect(overview).toMatchObject({
      symbol: 'IBM',
      name: 'International Business Machines',
      exchange: 'NYSE',
      currency: 'USD',
      country: 'USA',
      sector: 'TECHNOLOGY',
      industry: 'INFORMATION TECHNOLOGY SERVICES',
      dividendDate: '2026-06-10',
      exDividendDate: '2026-05-08',
      quality: 'real',
      provider: 'alphavantage',
    });
    expect(overview.metrics).toEqual({
      marketCap: 255874367000,
      ebitda: 16611000000,
      peRatio: 24.09,
      pegRatio: 2.542,
      bookValue: 35.08,
      dividendPerShare: 6.72,
      dividendYield: 0.0244,
      eps: 11.3,
      week52High: 332.46,
      week52Low: 212.34,
      movingAverage50: 249.15,
      movingAverage200: 273.07,
      sharesOutstanding: 939885000,
      beta: 0.665,
      profitMargin: 0.156,
      returnOnEquity: 0.358,
      revenueTtm: 68910998000,
    });
  });

  it('turns "None" in an overview into null', async () => {
    const ibm = JSON.parse(readFixture('alphavantage/OVERVIEW_IBM.json')) as Record<string, string>;
    const body = { ...ibm, PEGRatio: 'None', DividendDate: 'None', ExDividendDate: '0000-00-00' };
    server.setHandler(() => ({ body: JSON.stringify(body) }));
    const overview = await provider().overview('IBM');
    expect(overview.metrics.pegRatio).toBeNull();
    expect(overview.dividendDate).toBeNull();
    expect(overview.exDividendDate).toBeNull();
  });

  it('keeps statement lines as exact decimal strings, "None" as null', async () => {
    const income = await provider().statements('IBM', 'income');
    expect(server.requests[0]!.query.get('function')).toBe('INCOME_STATEMENT');
    expect(income.filter((s) => s.period === 'annual')).toHaveLength(20);
    expect(income.filter((s) => s.period === 'quarterly')).toHaveLength(81);
    const latest = income[0]!;
    expect(latest).toMatchObject({
      symbol: 'IBM',
      kind: 'income',
      period: 'annual',
      fiscalDateEnding: '2025-12-31',
      currency: 'USD',
      quality: 'real',
      provider: 'alphavantage',
    });
    expect(latest.lines.totalRevenue).toBe('67535000000');
    expect(latest.lines.incomeTaxExpense).toBe('-242000000');
    expect(latest.lines.investmentIncomeNet).toBeNull();
    // Alpha Vantage's "costofGoodsAndServicesSold" under its proper key.
    expect(latest.lines.costOfGoodsAndServicesSold).toBe('27350000000');
    expect(latest.lines).not.toHaveProperty('costofGoodsAndServicesSold');
    expect(latest.lines).not.toHaveProperty('fiscalDateEnding');

    const balance = await provider().statements('IBM', 'balance');
    expect(balance[0]!.lines).toHaveProperty('totalAssets');
    const cashflow = await provider().statements('IBM', 'cashflow');
    expect(cashflow[0]!.lines).toHaveProperty('operatingCashflow');
    expect(server.requests.map((r) => r.query.get('function'))).toEqual([
      'INCOME_STATEMENT',
      'BALANCE_SHEET',
      'CASH_FLOW',
    ]);
  });

  it('keeps only US listings from SYMBOL_SEARCH', async () => {
    const matches = await provider().search('BA');
    expect(server.requests[0]!.query.get('keywords')).toBe('BA');
    expect(matches[0]).toEqual({
      symbol: 'BA',
      name: 'The Boeing Company',
      nameKo: null,
      market: 'US',
      exchange: 'US',
      currency: 'USD',
      kind: 'stock',
      score: 1,
      source: 'alphavantage',
    });
    expect(matches.map((m) => m.symbol)).not.toContain('6190.HKG');

    server.setHandler(() => fixtureReply('alphavantage/SYMBOL_SEARCH_tesco.json'));
    expect((await provider().search('tesco')).map((m) => m.symbol)).toEqual(['TSCDF', 'TSCDY']);

    server.setHandler(() => fixtureReply('alphavantage/SYMBOL_SEARCH_no_matches.documented.json'));
    expect(await provider().search('zzzz')).toEqual([]);
  });

  it('does not call Alpha Vantage for symbols it does not serve', async () => {
    for (const symbol of ['005930.KS', '^GSPC']) {
      await expect(provider().quote(symbol)).rejects.toMatchObject({
        details: { kind: 'unsupported' },
      });
    }
    expect(() => provider().streamTicks(['IBM'], { onTick: () => {} })).toThrow(/no live stream/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('Alpha Vantage provider: errors and limits', () => {
  const cases: [string, ProviderErrorKind][] = [
    ['alphavantage/ERROR_ErrorMessage_invalid_call.json', 'not-found'],
    ['alphavantage/ERROR_ErrorMessage_invalid_apikey.documented.json', 'bad-key'],
    ['alphavantage/ERROR_Note_rate_limit.json', 'minute-limit'],
    ['alphavantage/ERROR_Information_daily_limit.documented.json', 'daily-limit'],
    ['alphavantage/ERROR_Information_premium.json', 'premium'],
    ['alphavantage/ERROR_Information_premium_endpoint.documented.json', 'premium'],
    ['alphavantage/ERROR_Information_demo_key.json', 'bad-key'],
    ['alphavantage/GLOBAL_QUOTE_unknown_symbol.documented.json', 'not-found'],
  ];

  it.each(cases)('%s → %s', async (fixture, kind) => {
    server.setHandler(() => fixtureReply(fixture));
    await expect(provider().quote('IBM')).rejects.toMatchObject({
      details: { provider: 'alphavantage', kind },
    });
  });

  it('maps kinds to the domain codes callers see', async () => {
    server.setHandler(() =>
      fixtureReply('alphavantage/GLOBAL_QUOTE_unknown_symbol.documented.json'),
    );
    await expect(provider().quote('NOPE')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    server.setHandler(() =>
      fixtureReply('alphavantage/ERROR_Information_daily_limit.documented.json'),
    );
    await expect(provider().quote('IBM')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('an unknown symbol has an empty overview', async () => {
    server.setHandler(() => fixtureReply('alphavantage/OVERVIEW_unknown_symbol.documented.json'));
    await expect(provider().overview('NOPE')).rejects.toMatchObject({
      details: { kind: 'not-found' },
    });
  });

  it('full daily history on a free key is a premium feature', async () => {
    server.setHandler(() =>
      fixtureReply('alphavantage/ERROR_Information_outputsize_full.documented.json'),
    );
    await expect(provider({ dailyOutputSize: 'full' }).dailyBars('IBM')).rejects.toMatchObject({
      details: { kind: 'premium' },
    });
    expect(server.requests[0]!.query.get('outputsize')).toBe('full');
  });

  it('does not retry a per-minute throttle that asks for a minute', async () => {
    server.setHandler(() => fixtureReply('alphavantage/ERROR_Note_rate_limit.json'));
    await expect(provider().quote('IBM')).rejects.toMatchObject({
      details: { kind: 'minute-limit', retryAfterMs: 60_000 },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry final answers', async () => {
    server.setHandler(() =>
      fixtureReply('alphavantage/ERROR_Information_daily_limit.documented.json'),
    );
    await expect(provider().quote('IBM')).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });

  it('classifies a body that is not JSON as malformed', async () => {
    server.setHandler(() => ({ body: '<html><body>Bad gateway</body></html>' }));
    await expect(provider().quote('IBM')).rejects.toMatchObject({
      details: { kind: 'malformed' },
    });
  });

  it('classifies a payload that misses the documented shape as malformed, naming the field', async () => {
    const ibm = JSON.parse(readFixture('alphavantage/GLOBAL_QUOTE_IBM.json'));
    ibm['Global Quote']['05. price'] = 'n/a';
    server.setHandler(() => ({ body: JSON.stringify(ibm) }));
    await expect(provider().quote('IBM')).rejects.toThrow(/Global Quote\.05\. price/);

    server.setHandler(() => ({ body: '[1, 2, 3]' }));
    await expect(provider().quote('IBM')).rejects.toMatchObject({ details: { kind: 'malformed' } });
  });

  it('retries HTTP 500 and succeeds when the server recovers', async () => {
    let calls = 0;
    server.setHandler(() => {
      calls += 1;
      return calls < 3
        ? { status: 500, body: 'Internal Server Error' }
        : fixtureReply('alphavantage/GLOBAL_QUOTE_IBM.json');
    });
    const budget = countingBudget();
    const quote = await provider({ budget }).quote('IBM');
    expect(quote.price).toBe(137.96);
    expect(server.requests).toHaveLength(3);
    expect(budget.acquired).toBe(3);
  });

  it('gives up on persistent HTTP 500 as a server error', async () => {
    server.setHandler(() => ({ status: 503, body: '' }));
    await expect(provider().quote('IBM')).rejects.toMatchObject({
      details: { kind: 'server', status: 503 },
    });
    expect(server.requests).toHaveLength(3);
  });

  it('times out a server that never answers', async () => {
    server.setHandler(() => ({ hang: true }));
    await expect(
      provider({ timeoutMs: 30, retry: { ...fastRetry, maxAttempts: 2 } }).quote('IBM'),
    ).rejects.toMatchObject({ details: { kind: 'timeout' } });
    expect(server.requests).toHaveLength(2);
  });

  it('reports a refused connection as a network error', async () => {
    const gone = await startFixtureHttpServer(replayByFunction);
    const url = gone.url;
    await gone.close();
    await expect(
      provider({ baseUrl: url, retry: { ...fastRetry, maxAttempts: 1 } }).quote('IBM'),
    ).rejects.toMatchObject({ details: { kind: 'network' } });
  });

  it('does not send a request when the budget says the day is spent', async () => {
    const { ProviderError } = await import('@/server/market-data/errors');
    const budget: RequestBudget = {
      acquire: async () => {
        throw new ProviderError('alphavantage', 'daily-limit', 'spent');
      },
    };
    await expect(provider({ budget }).quote('IBM')).rejects.toMatchObject({
      details: { kind: 'daily-limit' },
    });
    expect(server.requests).toHaveLength(0);
  });

  it('opens the breaker after repeated failures and stops calling', async () => {
    server.setHandler(() => ({ status: 500, body: '' }));
    const breaker = createCircuitBreaker({ provider: 'alphavantage', failureThreshold: 2 });
    const av = provider({ breaker, retry: { ...fastRetry, maxAttempts: 1 } });
    await expect(av.quote('IBM')).rejects.toMatchObject({ details: { kind: 'server' } });
    await expect(av.quote('IBM')).rejects.toMatchObject({ details: { kind: 'server' } });
    await expect(av.quote('IBM')).rejects.toMatchObject({ details: { kind: 'circuit-open' } });
    expect(server.requests).toHaveLength(2);
    expect(breaker.snapshot().state).toBe('open');
  });
});
