import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '@/server/market-data/circuit-breaker';
import {
  createKisProvider,
  type KisProviderConfig,
} from '@/server/market-data/providers/kis/provider';
import {
  createMemoryTokenStore,
  type TokenStore,
} from '@/server/market-data/providers/kis/token-store';
import type { RetryPolicy } from '@/server/market-data/retry';
import {
  fixtureReply,
  readFixture,
  startFixtureHttpServer,
  type FixtureHandler,
  type FixtureHttpServer,
  type FixtureReply,
  type RecordedRequest,
} from '@/tests/helpers/fixture-http-server';

const fastRetry: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 50, jitter: 0 };
const PRICE = '/uapi/domestic-stock/v1/quotations/inquire-price';
const CHART = '/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice';
const ISSUED_TOKEN = (
  JSON.parse(readFixture('kis/tokenP.documented.json')) as { access_token: string }
).access_token;

/** Real 2023 Samsung Electronics daily bars, newest first, in KIS chart-row shape. */
const dailyRows = readFixture('kis/005930_daily_2023.csv')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [date, open, high, low, close, volume] = line.split(',') as string[];
    return {
      stck_bsop_date: date!.replaceAll('-', ''),
      stck_clpr: close!,
      stck_oprc: open!,
      stck_hgpr: high!,
      stck_lwpr: low!,
      acml_vol: volume!,
      acml_tr_pbmn: '0',
      flng_cls_code: '00',
      prtt_rate: '0.00',
      mod_yn: 'N',
      prdy_vrss_sign: '3',
      prdy_vrss: '0',
      revl_issu_reas: '',
    };
  })
  .reverse();

/** Weekly rows dated by the week's first session, one convention KIS may use. */
function weeklyRows() {
  const weeks = new Map<string, (typeof dailyRows)[number][]>();
  for (const row of [...dailyRows].reverse()) {
    const d = new Date(
      `${row.stck_bsop_date.slice(0, 4)}-${row.stck_bsop_date.slice(4, 6)}-${row.stck_bsop_date.slice(6)}T00:00:00Z`,
    );
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    const key = d.toISOString().slice(0, 10);
    weeks.set(key, [...(weeks.get(key) ?? []), row]);
  }
  return [...weeks.values()]
    .map((rows) => ({
      ...rows[0]!,
      stck_clpr: rows.at(-1)!.stck_clpr,
      stck_hgpr: String(Math.max(...rows.map((r) => Number(r.stck_hgpr)))),
      stck_lwpr: String(Math.min(...rows.map((r) => Number(r.stck_lwpr)))),
      acml_vol: String(rows.reduce((sum, r) => sum + Number(r.acml_vol), 0)),
    }))
    .reverse();
}

/** Serves output2 like KIS: rows in [DATE_1, DATE_2], newest first, at most 100. */
function chartReply(request: RecordedRequest, padBeforeListing = false): FixtureReply {
  const from = request.query.get('FID_INPUT_DATE_1')!;
  const to = request.query.get('FID_INPUT_DATE_2')!;
  const source = request.query.get('FID_PERIOD_DIV_CODE') === 'W' ? weeklyRows() : dailyRows;
  const rows: Record<string, string>[] = source.filter(
    (r) => r.stck_bsop_date >= from && r.stck_bsop_date <= to,
  );
  if (padBeforeListing && rows.length < 100 && from < '20230102') {
    const blank = Object.fromEntries(Object.keys(dailyRows[0]!).map((k) => [k, '']));
    rows.push(blank, blank);
  }
  const envelope = JSON.parse(readFixture('kis/inquire-daily-itemchartprice.documented.json'));
  return { body: JSON.stringify({ ...envelope, output2: rows.slice(0, 100) }) };
}

function priceBody(patch: Record<string, string> = {}): string {
  const body = JSON.parse(readFixture('kis/inquire-price_005930_20240425.from-pyrepr.json'));
  return JSON.stringify({ ...body, output: { ...body.output, ...patch } });
}

const routes: FixtureHandler = (request) => {
  if (request.path === '/oauth2/tokenP') return fixtureReply('kis/tokenP.documented.json');
  if (request.path === '/oauth2/Approval') return fixtureReply('kis/approval.documented.json');
  if (request.path === PRICE) return { body: priceBody() };
  if (request.path === CHART) return chartReply(request);
  return { status: 404, body: '' };
};

let server: FixtureHttpServer;
beforeAll(async () => {
  server = await startFixtureHttpServer(routes);
});
afterAll(() => server.close());
beforeEach(() => {
  server.setHandler(routes);
  server.requests.length = 0;
});

const tokenIssues = () => server.requests.filter((r) => r.path === '/oauth2/tokenP');
const calls = (path: string) => server.requests.filter((r) => r.path === path);

/** 2024-04-25 16:00 KST, after that day's close. */
const AFTER_CLOSE = Date.UTC(2024, 3, 25, 7, 0, 0);

function setup(overrides: Partial<KisProviderConfig> = {}) {
  let now = overrides.now?.() ?? AFTER_CLOSE;
  const tokenStore = overrides.tokenStore ?? createMemoryTokenStore();
  const kis = createKisProvider({
    appKey: 'app-key',
    appSecret: 'app-secret',
    baseUrl: server.url,
    wsUrl: 'ws://127.0.0.1:1',
    tokenStore,
    budget: { acquire: async () => {} },
    breaker: createCircuitBreaker({ provider: 'kis', failureThreshold: 100 }),
    retry: fastRetry,
    timeoutMs: 2_000,
    ...overrides,
    now: () => now,
  });
  return { kis, tokenStore, advance: (ms: number) => (now += ms), at: () => now };
}

async function storedAccessToken(store: TokenStore) {
  // The store key names the app by a hash; the provider is the only writer in these tests.
  const { createHash } = await import('node:crypto');
  const app = createHash('sha256').update('app-key').digest('hex').slice(0, 16);
  return store.get('kis', `access-token:${app}`);
}

describe('KIS provider: current price and overview', () => {
  it('parses inquire-price into a quote, with the documented headers', async () => {
    const { kis } = setup();
    const quote = await kis.quote('005930.KS');
    expect(quote).toEqual({
      symbol: '005930.KS',
      currency: 'KRW',
      price: 76300,
      open: 77300,
      high: 77500,
      low: 76300,
      previousClose: 78600,
      change: -2300,
      changePercent: -2.93,
      volume: 15549134,
      tradingDay: '2024-04-25',
      asOf: AFTER_CLOSE,
      provider: 'kis',
    });
    const request = calls(PRICE)[0]!;
    expect(Object.fromEntries(request.query)).toEqual({
      FID_COND_MRKT_DIV_CODE: 'J',
      FID_INPUT_ISCD: '005930',
    });
    expect(request.headers).toMatchObject({
      authorization: `Bearer ${ISSUED_TOKEN}`,
      appkey: 'app-key',
      appsecret: 'app-secret',
      tr_id: 'FHKST01010100',
      custtype: 'P',
    });
    expect(JSON.parse(tokenIssues()[0]!.body)).toEqual({
      grant_type: 'client_credentials',
      appkey: 'app-key',
      appsecret: 'app-secret',
    });
  });

  it('dates a quote taken before the open or on a weekend by the last session', async () => {
    // Saturday 2024-04-27 10:00 KST → Friday's session.
    const { kis } = setup({ now: () => Date.UTC(2024, 3, 27, 1, 0, 0) });
    expect((await kis.quote('005930.KS')).tradingDay).toBe('2024-04-26');
    // Monday 2024-04-29 08:00 KST → Friday's session.
    const monday = setup({ now: () => Date.UTC(2024, 3, 28, 23, 0, 0) });
    expect((await monday.kis.quote('005930.KS')).tradingDay).toBe('2024-04-26');
  });

  it('builds an overview from inquire-price and the instrument master', async () => {
    const { kis } = setup({
      instrumentOf: (symbol) =>
        symbol === '005930.KS'
          ? { nameEn: 'Samsung Electronics', nameKo: '삼성전자', sector: null }
          : undefined,
    });
    const overview = await kis.overview('005930.KS');
    expect(overview).toMatchObject({
      symbol: '005930.KS',
      name: 'Samsung Electronics',
      nameKo: '삼성전자',
      exchange: 'KOSPI',
      currency: 'KRW',
      sector: '전기.전자',
      quality: 'real',
      provider: 'kis',
    });
    expect(overview.metrics).toEqual({
      marketCap: 455_494_400_000_000,
      peRatio: 35.8,
      eps: 2131,
      bookValue: 52002,
      sharesOutstanding: 5969782550,
      week52High: 86000,
      week52Low: 63300,
    });
  });

  it('treats an all-zero answer as an unknown code', async () => {
    server.setHandler((request) =>
      request.path === PRICE
        ? { body: priceBody({ stck_prpr: '0', stck_sdpr: '0', prdy_vrss: '0' }) }
        : routes(request),
    );
    await expect(setup().kis.quote('999999.KS')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { kind: 'not-found' },
    });
  });

  it('serves neither statements, search, intraday bars nor indices', async () => {
    const { kis } = setup();
    await expect(kis.statements('005930.KS', 'income')).rejects.toMatchObject({
      details: { kind: 'unsupported' },
    });
    await expect(kis.search('삼성')).rejects.toMatchObject({ details: { kind: 'unsupported' } });
    await expect(kis.intradayBars('005930.KS', '1min')).rejects.toMatchObject({
      details: { kind: 'unsupported' },
    });
    await expect(kis.quote('^KS11')).rejects.toMatchObject({ details: { kind: 'unsupported' } });
    await expect(kis.quote('AAPL')).rejects.toMatchObject({ details: { kind: 'unsupported' } });
    expect(server.requests).toHaveLength(0);
  });
});

describe('KIS provider: access token', () => {
  it('issues one token and reuses it, persisted with its issue and expiry time', async () => {
    const { kis, tokenStore, at } = setup();
    await kis.quote('005930.KS');
    await kis.quote('005930.KS');
    await kis.overview('005930.KS');
    expect(tokenIssues()).toHaveLength(1);
    expect(calls(PRICE).every((r) => r.headers.authorization === `Bearer ${ISSUED_TOKEN}`)).toBe(
      true,
    );
    expect(await storedAccessToken(tokenStore)).toEqual({
      token: ISSUED_TOKEN,
      issuedAt: new Date(at()),
      expiresAt: new Date(at() + 86_400_000),
    });
  });

  it('reuses a persisted token after a restart', async () => {
    const first = setup();
    await first.kis.quote('005930.KS');
    const restarted = setup({ tokenStore: first.tokenStore });
    await restarted.kis.quote('005930.KS');
    expect(tokenIssues()).toHaveLength(1);
  });

  it('shares one issue between concurrent first calls', async () => {
    const { kis } = setup();
    await Promise.all([kis.quote('005930.KS'), kis.quote('000660.KS'), kis.overview('005930.KS')]);
    expect(tokenIssues()).toHaveLength(1);
  });

  it('issues a new token when the stored one is about to expire', async () => {
    const { kis, advance } = setup();
    await kis.quote('005930.KS');
    advance(86_400_000 - 60_000);
    await kis.quote('005930.KS');
    expect(tokenIssues()).toHaveLength(2);
  });

  it('on EGW00123 replaces the token and sends the request once more', async () => {
    const tokenStore = createMemoryTokenStore();
    const { createHash } = await import('node:crypto');
    const app = createHash('sha256').update('app-key').digest('hex').slice(0, 16);
    // A token from yesterday that KIS has already expired early.
    await tokenStore.put('kis', `access-token:${app}`, {
      token: 'stale-token',
      issuedAt: new Date(AFTER_CLOSE - 3_600_000),
      expiresAt: new Date(AFTER_CLOSE + 3_600_000),
    });
    server.setHandler((request) =>
      request.path === PRICE && request.headers.authorization === 'Bearer stale-token'
        ? fixtureReply('kis/EGW00123_token_expired.documented.json')
        : routes(request),
    );
    const quote = await setup({ tokenStore }).kis.quote('005930.KS');
    expect(quote.price).toBe(76300);
    expect(calls(PRICE).map((r) => r.headers.authorization)).toEqual([
      'Bearer stale-token',
      `Bearer ${ISSUED_TOKEN}`,
    ]);
    expect(tokenIssues()).toHaveLength(1);
    expect((await tokenStore.get('kis', `access-token:${app}`))!.token).toBe(ISSUED_TOKEN);
  });

  it('never issues twice within a minute, even when the new token is refused', async () => {
    server.setHandler((request) =>
      request.path === PRICE
        ? fixtureReply('kis/EGW00123_token_expired.documented.json')
        : routes(request),
    );
    const { kis, advance } = setup();
    await expect(kis.quote('005930.KS')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { kind: 'minute-limit', retryAfterMs: 60_000 },
    });
    expect(tokenIssues()).toHaveLength(1);

    advance(60_000);
    await expect(kis.quote('005930.KS')).rejects.toMatchObject({
      details: { kind: 'minute-limit' },
    });
    expect(tokenIssues()).toHaveLength(2);
  });

  it('respects a token issued by another process less than a minute ago', async () => {
    const first = setup();
    await first.kis.quote('005930.KS');
    server.setHandler((request) =>
      request.path === PRICE
        ? fixtureReply('kis/EGW00123_token_expired.documented.json')
        : routes(request),
    );
    const other = setup({ tokenStore: first.tokenStore, now: () => first.at() + 10_000 });
    await expect(other.kis.quote('005930.KS')).rejects.toMatchObject({
      details: { kind: 'minute-limit', retryAfterMs: 50_000 },
    });
    expect(tokenIssues()).toHaveLength(1);
  });

  it('classifies token endpoint refusals', async () => {
    server.setHandler((request) =>
      request.path === '/oauth2/tokenP'
        ? fixtureReply('kis/EGW00103_invalid_appkey.documented.json', 403)
        : routes(request),
    );
    await expect(setup().kis.quote('005930.KS')).rejects.toMatchObject({
      details: { kind: 'bad-key', providerCode: 'EGW00103' },
    });
    expect(calls(PRICE)).toHaveLength(0);

    server.setHandler((request) =>
      request.path === '/oauth2/tokenP'
        ? fixtureReply('kis/EGW00133_token_issue_throttled.documented.json', 403)
        : routes(request),
    );
    await expect(setup().kis.quote('005930.KS')).rejects.toMatchObject({
      details: { kind: 'minute-limit', providerCode: 'EGW00133', retryAfterMs: 60_000 },
    });
  });
});

describe('KIS provider: errors and throttles', () => {
  it.each([200, 500])('EGW00201 with HTTP %i is a throttle, retried', async (status) => {
    let throttled = 0;
    server.setHandler((request) => {
      if (request.path === PRICE && throttled < 2) {
        throttled += 1;
        return fixtureReply('kis/EGW00201_rate_limit.documented.json', status);
      }
      return routes(request);
    });
    const quote = await setup().kis.quote('005930.KS');
    expect(quote.price).toBe(76300);
    expect(calls(PRICE)).toHaveLength(3);
  });

  it('EGW00201 that persists surfaces as minute-limit', async () => {
    server.setHandler((request) =>
      request.path === PRICE
        ? fixtureReply('kis/EGW00201_rate_limit.documented.json', 500)
        : routes(request),
    );
    await expect(setup().kis.quote('005930.KS')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { kind: 'minute-limit', providerCode: 'EGW00201' },
    });
  });

  it('any other rt_cd is a rejection carrying msg_cd and msg1', async () => {
    server.setHandler((request) =>
      request.path === PRICE
        ? { body: JSON.stringify({ rt_cd: '1', msg_cd: 'OPSQ2001', msg1: '종목코드 오류입니다' }) }
        : routes(request),
    );
    const error = await setup()
      .kis.quote('005930.KS')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ details: { kind: 'rejected', providerCode: 'OPSQ2001' } });
    expect((error as Error).message).toContain('종목코드 오류입니다');
  });

  it('HTTP 500 without a KIS code is a server error, retried', async () => {
    server.setHandler((request) =>
      request.path === PRICE ? { status: 500, body: 'Internal Server Error' } : routes(request),
    );
    await expect(setup().kis.quote('005930.KS')).rejects.toMatchObject({
      details: { kind: 'server', status: 500 },
    });
    expect(calls(PRICE)).toHaveLength(3);
  });

  it('malformed JSON and schema mismatches are malformed', async () => {
    server.setHandler((request) =>
      request.path === PRICE ? { body: '{"output": {"stck_prpr": ' } : routes(request),
    );
    await expect(setup().kis.quote('005930.KS')).rejects.toMatchObject({
      details: { kind: 'malformed' },
    });
    server.setHandler((request) =>
      request.path === PRICE ? { body: priceBody({ stck_prpr: '76,300' }) } : routes(request),
    );
    await expect(setup().kis.quote('005930.KS')).rejects.toThrow(/output\.stck_prpr/);
  });

  it('times out', async () => {
    server.setHandler((request) => (request.path === PRICE ? { hang: true } : routes(request)));
    await expect(
      setup({ timeoutMs: 30, retry: { ...fastRetry, maxAttempts: 2 } }).kis.quote('005930.KS'),
    ).rejects.toMatchObject({ details: { kind: 'timeout' } });
    expect(calls(PRICE)).toHaveLength(2);
  });

  it('draws on the budget for every request, token issue included', async () => {
    let acquired = 0;
    const { kis } = setup({ budget: { acquire: async () => void (acquired += 1) } });
    await kis.quote('005930.KS');
    await kis.quote('005930.KS');
    expect(acquired).toBe(3);
  });
});

describe('KIS provider: daily chart paging', () => {
  it('pages back by date, 100 rows a call, until the range is covered', async () => {
    const bars = await setup().kis.dailyBars('005930.KS', { from: '2023-01-01', to: '2023-12-31' });
    expect(bars).toHaveLength(245);
    expect(bars[0]).toEqual({
      date: '2023-01-02',
      open: 55500,
      high: 56100,
      low: 55200,
      close: 55500,
      volume: 10031448,
    });
    expect(bars.at(-1)!.date).toBe('2023-12-28');
    expect(bars.every((b, i) => i === 0 || b.date > bars[i - 1]!.date)).toBe(true);

    const pages = calls(CHART);
    expect(pages).toHaveLength(3);
    expect(pages[0]!.headers.tr_id).toBe('FHKST03010100');
    expect(Object.fromEntries(pages[0]!.query)).toEqual({
      FID_COND_MRKT_DIV_CODE: 'J',
      FID_INPUT_ISCD: '005930',
      FID_INPUT_DATE_1: '20230101',
      FID_INPUT_DATE_2: '20231231',
      FID_PERIOD_DIV_CODE: 'D',
      FID_ORG_ADJ_PRC: '0',
    });
    // Each next page ends the day before the oldest row of the previous one.
    const oldestOfFirstPage = dailyRows[99]!.stck_bsop_date;
    const dayBefore = new Date(
      Date.UTC(
        +oldestOfFirstPage.slice(0, 4),
        +oldestOfFirstPage.slice(4, 6) - 1,
        +oldestOfFirstPage.slice(6) - 1,
      ),
    )
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    expect(pages[1]!.query.get('FID_INPUT_DATE_2')).toBe(dayBefore);
  });

  it('without a start date returns the latest page only', async () => {
    const { kis } = setup({ now: () => Date.UTC(2023, 11, 29, 8, 0, 0) });
    const bars = await kis.dailyBars('005930.KS');
    expect(bars).toHaveLength(100);
    expect(bars.at(-1)!.date).toBe('2023-12-28');
    expect(calls(CHART)).toHaveLength(1);
    expect(calls(CHART)[0]!.query.get('FID_INPUT_DATE_2')).toBe('20231229');
  });

  it('skips the blank rows KIS pads before the listing date', async () => {
    server.setHandler((request) =>
      request.path === CHART ? chartReply(request, true) : routes(request),
    );
    const bars = await setup().kis.dailyBars('005930.KS', { from: '2022-12-01', to: '2023-03-31' });
    expect(bars[0]!.date).toBe('2023-01-02');
    expect(bars.at(-1)!.date).toBe('2023-03-31');
  });

  it('names the row and field of a malformed chart row', async () => {
    server.setHandler((request) => {
      if (request.path !== CHART) return routes(request);
      const envelope = JSON.parse(readFixture('kis/inquire-daily-itemchartprice.documented.json'));
      const rows = [{ ...dailyRows[0]! }, { ...dailyRows[1]!, stck_clpr: 'N/A' }];
      return { body: JSON.stringify({ ...envelope, output2: rows }) };
    });
    await expect(setup().kis.dailyBars('005930.KS', { from: '2023-12-01' })).rejects.toThrow(
      /output2\[1\]\.stck_clpr/,
    );
  });

  it('asks for weekly bars and dates them by the Friday of their week', async () => {
    const bars = await setup().kis.weeklyBars('005930.KS', {
      from: '2023-01-01',
      to: '2023-12-31',
    });
    expect(calls(CHART)[0]!.query.get('FID_PERIOD_DIV_CODE')).toBe('W');
    expect(bars).toHaveLength(52);
    expect(bars[0]!.date).toBe('2023-01-06');
    expect(bars.at(-1)!.date).toBe('2023-12-29');
    expect(bars.every((b) => new Date(`${b.date}T00:00:00Z`).getUTCDay() === 5)).toBe(true);
  });
});
