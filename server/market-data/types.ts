/**
 * Stockvis's own market-data types. Every provider parses its payloads (zod) into these; nothing
 * provider-shaped travels further. Prices are numbers parsed from the provider's decimal strings
 * (the shortest round-trip form is kept, so storing them as DECIMAL is exact) and always travel with
 * their instrument's currency.
 */

export type ProviderId = 'demo' | 'alphavantage' | 'kis';

/** Which market an instrument trades in; it decides the session hours, calendar and tick sizes. */
export type Market = 'KR' | 'US';

export type Currency = 'KRW' | 'USD';

export type InstrumentKind = 'stock' | 'etf' | 'index';

/**
 * Canonical symbols: KRX stocks `005930.KS` (KOSPI) / `035720.KQ` (KOSDAQ), US tickers as is
 * (`AAPL`, `BRK.B`), indices with a caret (`^KS11`, `^KQ11`, `^GSPC`, `^IXIC`).
 */
export type Symbol = string;

export interface Instrument {
  symbol: Symbol;
  /** Local code: `005930` for KRX, the ticker for US. */
  code: string;
  market: Market;
  /** KOSPI, KOSDAQ, KONEX, NASDAQ, NYSE, NYSEARCA, INDEX … */
  exchange: string;
  currency: Currency;
  kind: InstrumentKind;
  nameEn: string;
  nameKo: string | null;
  sector: string | null;
}

/** A daily or weekly bar. `date` is the session's calendar date in the market's timezone. */
export interface Bar {
  date: string; // YYYY-MM-DD
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** An intraday bar; `time` is the bar's start, epoch milliseconds (UTC). */
export interface IntradayBar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface Quote {
  symbol: Symbol;
  currency: Currency;
  price: number;
  open: number | null;
  high: number | null;
  low: number | null;
  previousClose: number | null;
  change: number | null;
  changePercent: number | null;
  /** Volume traded in the session so far. */
  volume: number | null;
  /** The session the quote belongs to (market timezone), YYYY-MM-DD. */
  tradingDay: string;
  /** When the provider produced it (epoch ms). */
  asOf: number;
  provider: ProviderId;
}

/** One trade from a live stream. */
export interface Tick {
  symbol: Symbol;
  price: number;
  /** Shares in this trade. */
  size: number;
  /** Epoch ms (UTC). */
  time: number;
  /** Session volume after this trade, when the provider says. */
  cumulativeVolume?: number;
  /** Change vs the previous close, when the provider says. */
  change?: number;
  changePercent?: number;
}

/** Whether a dataset is real provider data or illustrative (the demo provider marks the latter). */
export type DataQuality = 'real' | 'simulated' | 'illustrative';

export interface CompanyOverview {
  symbol: Symbol;
  name: string;
  nameKo: string | null;
  description: string | null;
  exchange: string;
  currency: Currency;
  country: string | null;
  sector: string | null;
  industry: string | null;
  /** Numeric facts (market cap, PER, EPS, dividend yield, 52-week high …); null when unknown. */
  metrics: Partial<Record<OverviewMetric, number | null>>;
  /** Dates such as the ex-dividend date, YYYY-MM-DD. */
  dividendDate: string | null;
  exDividendDate: string | null;
  quality: DataQuality;
  provider: ProviderId;
}

export type OverviewMetric =
  | 'marketCap'
  | 'ebitda'
  | 'peRatio'
  | 'pegRatio'
  | 'bookValue'
  | 'dividendPerShare'
  | 'dividendYield'
  | 'eps'
  | 'week52High'
  | 'week52Low'
  | 'movingAverage50'
  | 'movingAverage200'
  | 'sharesOutstanding'
  | 'beta'
  | 'profitMargin'
  | 'returnOnEquity'
  | 'revenueTtm';

export type StatementKind = 'income' | 'balance' | 'cashflow';
export type StatementPeriod = 'annual' | 'quarterly';

export interface FinancialStatement {
  symbol: Symbol;
  kind: StatementKind;
  period: StatementPeriod;
  fiscalDateEnding: string; // YYYY-MM-DD
  currency: string;
  /**
   * Line items by the provider-neutral key (`totalRevenue`, `netIncome`, `totalAssets`, …) as
   * exact decimal strings; null where the provider says "None" or omits it.
   */
  lines: Record<string, string | null>;
  quality: DataQuality;
  provider: ProviderId;
}

export interface SearchMatch {
  symbol: Symbol;
  name: string;
  nameKo: string | null;
  market: Market;
  exchange: string;
  currency: Currency;
  kind: InstrumentKind;
  /** 0..1, higher is better. */
  score: number;
  source: 'master' | ProviderId;
}

export interface BarRange {
  /** Inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export type IntradayInterval = '1min' | '5min';

export interface TickSubscription {
  /** Add or remove symbols without reconnecting. */
  subscribe(symbols: Symbol[]): void;
  unsubscribe(symbols: Symbol[]): void;
  close(): Promise<void>;
}

export interface TickStreamHandlers {
  onTick(tick: Tick): void;
  /** Connection state changes, for the collector's stats. */
  onStatus?(status: {
    state: 'connecting' | 'open' | 'reconnecting' | 'closed';
    error?: string;
  }): void;
}

/**
 * One interface over every source. Methods a provider cannot serve throw
 * `ProviderError('unsupported')` (see ./errors.ts) so the router falls back.
 */
export interface MarketDataProvider {
  readonly id: ProviderId;
  /** Markets this provider serves with this configuration. */
  readonly markets: readonly Market[];
  quote(symbol: Symbol, signal?: AbortSignal): Promise<Quote>;
  dailyBars(symbol: Symbol, range?: BarRange, signal?: AbortSignal): Promise<Bar[]>;
  weeklyBars(symbol: Symbol, range?: BarRange, signal?: AbortSignal): Promise<Bar[]>;
  intradayBars(
    symbol: Symbol,
    interval: IntradayInterval,
    signal?: AbortSignal,
  ): Promise<IntradayBar[]>;
  overview(symbol: Symbol, signal?: AbortSignal): Promise<CompanyOverview>;
  statements(
    symbol: Symbol,
    kind: StatementKind,
    signal?: AbortSignal,
  ): Promise<FinancialStatement[]>;
  search(query: string, signal?: AbortSignal): Promise<SearchMatch[]>;
  /** Live trades; providers without a stream throw `ProviderError('unsupported')`. */
  streamTicks(symbols: Symbol[], handlers: TickStreamHandlers): TickSubscription;
}
