import { tzOffset } from '@date-fns/tz';
import type { z } from 'zod';
import type { CircuitBreaker } from '@/server/market-data/circuit-breaker';
import { ProviderError } from '@/server/market-data/errors';
import type { FetchLike } from '@/server/market-data/http';
import type { RequestBudget } from '@/server/market-data/rate-budget';
import type { RetryPolicy } from '@/server/market-data/retry';
import type {
  Bar,
  BarRange,
  CompanyOverview,
  FinancialStatement,
  IntradayBar,
  IntradayInterval,
  MarketDataProvider,
  OverviewMetric,
  Quote,
  SearchMatch,
  StatementKind,
} from '@/server/market-data/types';
import { createAlphaVantageQuery } from './query';
import {
  dailySeriesSchema,
  globalQuoteSchema,
  intradayMetaSchema,
  intradaySeriesSchema,
  overviewSchema,
  statementsSchema,
  symbolSearchSchema,
  weeklySeriesSchema,
  type AvBar,
} from './schemas';

export interface AlphaVantageConfig {
  apiKey: string;
  /** Defaults to https://www.alphavantage.co */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: FetchLike;
  budget: RequestBudget;
  breaker: CircuitBreaker;
  retry: RetryPolicy;
  /**
   * `compact` (last 100 sessions) is what free keys get; `full` is premium and answers with an
   * "Information" body on a free key.
   */
  dailyOutputSize?: 'compact' | 'full';
  now?: () => number;
}

const US_TIME_ZONE = 'America/New_York';
const usTicker = /^[A-Z][A-Z0-9.-]{0,9}$/;

const statementFunctions: Record<StatementKind, string> = {
  income: 'INCOME_STATEMENT',
  balance: 'BALANCE_SHEET',
  cashflow: 'CASH_FLOW',
};

/** Alpha Vantage's spelling slips, mapped to our provider-neutral line keys. */
const lineKeyFixes: Record<string, string> = {
  costofGoodsAndServicesSold: 'costOfGoodsAndServicesSold',
};

const overviewMetrics: [OverviewMetric, keyof z.output<typeof overviewSchema>][] = [
  ['marketCap', 'MarketCapitalization'],
  ['ebitda', 'EBITDA'],
  ['peRatio', 'PERatio'],
  ['pegRatio', 'PEGRatio'],
  ['bookValue', 'BookValue'],
  ['dividendPerShare', 'DividendPerShare'],
  ['dividendYield', 'DividendYield'],
  ['eps', 'EPS'],
  ['week52High', '52WeekHigh'],
  ['week52Low', '52WeekLow'],
  ['movingAverage50', '50DayMovingAverage'],
  ['movingAverage200', '200DayMovingAverage'],
  ['sharesOutstanding', 'SharesOutstanding'],
  ['beta', 'Beta'],
  ['profitMargin', 'ProfitMargin'],
  ['returnOnEquity', 'ReturnOnEquityTTM'],
  ['revenueTtm', 'RevenueTTM'],
];

export function createAlphaVantageProvider(config: AlphaVantageConfig): MarketDataProvider {
  const now = config.now ?? Date.now;

  const query = createAlphaVantageQuery(config);

  return {
    id: 'alphavantage',
    markets: ['US'],

    async quote(symbol, signal) {
      const ticker = toTicker(symbol);
      const body = await query({ function: 'GLOBAL_QUOTE', symbol: ticker }, signal);
      if (isEmptyObject((body as Record<string, unknown>)['Global Quote'])) {
        throw notFound(symbol);
      }
      const q = parse(globalQuoteSchema, body, 'GLOBAL_QUOTE')['Global Quote'];
      const result: Quote = {
        symbol,
        currency: 'USD',
        price: q['05. price'],
        open: q['02. open'],
        high: q['03. high'],
        low: q['04. low'],
        previousClose: q['08. previous close'],
        change: q['09. change'],
        changePercent: q['10. change percent'],
        volume: q['06. volume'],
        tradingDay: q['07. latest trading day'],
        asOf: now(),
        provider: 'alphavantage',
      };
      return result;
    },

    async dailyBars(symbol, range, signal) {
      const ticker = toTicker(symbol);
      const body = await query(
        {
          function: 'TIME_SERIES_DAILY',
          symbol: ticker,
          outputsize: config.dailyOutputSize ?? 'compact',
        },
        signal,
      );
      const series = parse(dailySeriesSchema, body, 'TIME_SERIES_DAILY')['Time Series (Daily)'];
      return barsFrom(series, range);
    },

    async weeklyBars(symbol, range, signal) {
      const ticker = toTicker(symbol);
      const body = await query({ function: 'TIME_SERIES_WEEKLY', symbol: ticker }, signal);
      const series = parse(weeklySeriesSchema, body, 'TIME_SERIES_WEEKLY')['Weekly Time Series'];
      // Alpha Vantage dates a week by its last session (the latest day for the running week); we
      // date every week by its Friday so weekly bars from every provider share one key.
      return barsFrom(series, range, weekEndingFriday);
    },

    async intradayBars(symbol, interval, signal) {
      const ticker = toTicker(symbol);
      const body = await query(
        { function: 'TIME_SERIES_INTRADAY', symbol: ticker, interval, outputsize: 'compact' },
        signal,
      );
      return intradayBarsFrom(body, interval);
    },

    async overview(symbol, signal) {
      const ticker = toTicker(symbol);
      const body = await query({ function: 'OVERVIEW', symbol: ticker }, signal);
      if (isEmptyObject(body)) throw notFound(symbol);
      const o = parse(overviewSchema, body, 'OVERVIEW');
      const metrics: CompanyOverview['metrics'] = {};
      for (const [metric, field] of overviewMetrics) {
        metrics[metric] = (o[field] as number | null | undefined) ?? null;
      }
      return {
        symbol,
        name: o.Name,
        nameKo: null,
        description: nullIfMissing(o.Description),
        exchange: o.Exchange,
        currency: o.Currency,
        country: nullIfMissing(o.Country),
        sector: nullIfMissing(o.Sector),
        industry: nullIfMissing(o.Industry),
        metrics,
        dividendDate: o.DividendDate ?? null,
        exDividendDate: o.ExDividendDate ?? null,
        quality: 'real',
        provider: 'alphavantage',
      };
    },

    async statements(symbol, kind, signal) {
      const ticker = toTicker(symbol);
      const fn = statementFunctions[kind];
      const body = await query({ function: fn, symbol: ticker }, signal);
      if (isEmptyObject(body)) throw notFound(symbol);
      const parsed = parse(statementsSchema, body, fn);
      const toStatement =
        (period: FinancialStatement['period']) =>
        (report: (typeof parsed.annualReports)[number]): FinancialStatement => {
          const { fiscalDateEnding, reportedCurrency, ...rest } = report;
          const lines: Record<string, string | null> = {};
          for (const [key, value] of Object.entries(rest)) lines[lineKeyFixes[key] ?? key] = value;
          return {
            symbol,
            kind,
            period,
            fiscalDateEnding,
            currency: reportedCurrency,
            lines,
            quality: 'real',
            provider: 'alphavantage',
          };
        };
      return [
        ...parsed.annualReports.map(toStatement('annual')),
        ...parsed.quarterlyReports.map(toStatement('quarterly')),
      ];
    },

    async search(text, signal) {
      const keywords = text.trim();
      if (keywords === '') return [];
      const body = await query({ function: 'SYMBOL_SEARCH', keywords }, signal);
      const { bestMatches } = parse(symbolSearchSchema, body, 'SYMBOL_SEARCH');
      // We serve the US market from Alpha Vantage; listings elsewhere (TSCO.LON …) are dropped.
      return bestMatches
        .filter((m) => m['4. region'] === 'United States' && m['8. currency'] === 'USD')
        .filter((m) => m['3. type'] === 'Equity' || m['3. type'] === 'ETF')
        .filter((m) => usTicker.test(m['1. symbol']))
        .map((m): SearchMatch => ({
          symbol: m['1. symbol'],
          name: m['2. name'],
          nameKo: null,
          market: 'US',
          // SYMBOL_SEARCH does not say which US exchange lists it.
          exchange: 'US',
          currency: 'USD',
          kind: m['3. type'] === 'ETF' ? 'etf' : 'stock',
          score: Math.min(1, Math.max(0, m['9. matchScore'])),
          source: 'alphavantage',
        }));
    },

    streamTicks() {
      throw new ProviderError('alphavantage', 'unsupported', 'Alpha Vantage has no live stream');
    },
  };
}

/** Our canonical US symbols are Alpha Vantage's tickers; indices and KRX codes it does not serve. */
function toTicker(symbol: string): string {
  const ticker = symbol.trim().toUpperCase();
  if (!usTicker.test(ticker) || /\.(KS|KQ)$/.test(ticker)) {
    throw new ProviderError(
      'alphavantage',
      'unsupported',
      `Alpha Vantage does not serve ${symbol}`,
    );
  }
  return ticker;
}

function parse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  throw new ProviderError(
    'alphavantage',
    'malformed',
    `${what}: unexpected payload at ${path}: ${issue.message}`,
  );
}

function barsFrom(
  series: Record<string, AvBar>,
  range: BarRange | undefined,
  dateOf: (date: string) => string = (date) => date,
): Bar[] {
  const bars: Bar[] = [];
  for (const [date, bar] of Object.entries(series)) {
    const key = dateOf(date);
    if (range?.from && key < range.from) continue;
    if (range?.to && key > range.to) continue;
    bars.push({
      date: key,
      open: bar['1. open'],
      high: bar['2. high'],
      low: bar['3. low'],
      close: bar['4. close'],
      volume: bar['5. volume'],
    });
  }
  return bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function intradayBarsFrom(body: unknown, interval: IntradayInterval): IntradayBar[] {
  const meta = parse(intradayMetaSchema, body, 'TIME_SERIES_INTRADAY')['Meta Data'];
  if (meta['4. Interval'] !== interval) {
    throw new ProviderError(
      'alphavantage',
      'malformed',
      `asked for ${interval} bars, got ${meta['4. Interval']}`,
    );
  }
  const series = parse(
    intradaySeriesSchema,
    (body as Record<string, unknown>)[`Time Series (${interval})`],
    `TIME_SERIES_INTRADAY Time Series (${interval})`,
  );
  const minutes = interval === '1min' ? 1 : 5;
  // One UTC offset per day: DST switches at 02:00, hours before any (extended) session.
  const offsets = new Map<string, number>();
  const bars: IntradayBar[] = [];
  for (const [stamp, bar] of Object.entries(series)) {
    // Stamps are US/Eastern and label a bar by its end: the extended session closes at 20:00 and
    // a "20:00:00" 5-minute bar exists. Our IntradayBar is keyed by its start.
    const [date, clock] = stamp.split(' ') as [string, string];
    let offsetMs = offsets.get(date);
    if (offsetMs === undefined) {
      offsetMs = tzOffset(US_TIME_ZONE, new Date(`${date}T12:00:00Z`)) * 60_000;
      offsets.set(date, offsetMs);
    }
    const end = Date.parse(`${date}T${clock}Z`) - offsetMs;
    bars.push({
      time: end - minutes * 60_000,
      open: bar['1. open'],
      high: bar['2. high'],
      low: bar['3. low'],
      close: bar['4. close'],
      volume: bar['5. volume'],
    });
  }
  return bars.sort((a, b) => a.time - b.time);
}

/** The Friday of the (Monday-to-Sunday) week a session date falls in. */
function weekEndingFriday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay(); // 0 Sunday … 6 Saturday
  const offset = weekday === 0 ? -2 : 5 - weekday;
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  );
}

function nullIfMissing(value: string | undefined): string | null {
  return value === undefined || value === '' || value === 'None' ? null : value;
}

function notFound(symbol: string): ProviderError {
  return new ProviderError('alphavantage', 'not-found', `Alpha Vantage does not know ${symbol}`);
}
