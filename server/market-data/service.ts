import { DomainError } from '@/server/errors';
import type { Logger } from '@/server/logger';
import {
  assertIntervalPeriod,
  intradaySessions,
  periodStartDate,
  type ChartInterval,
  type ChartPeriod,
} from './chart-range';
import type { Collection } from './collection';
import type { FreshnessGate } from './freshness';
import { getInstrument, marketIndices, majorInstruments } from './instruments';
import type { ProviderRouter } from './provider-router';
import { mergeSearchResults, searchInstruments } from './search';
import { isSessionOpen, isTradingDay, sessionDate } from './sessions';
import { tradingDayOf } from './trading-day';
import type { BarStore } from './store/bars';
import type { Dataset, DatasetStore, DatasetState } from './store/datasets';
import type { FundamentalsStore } from './store/fundamentals';
import type { QuoteStore } from './store/quotes';
import type { StockStore } from './store/stocks';
import type { TickStore } from './store/ticks';
import { normalizeSymbol } from './symbols';
import type {
  CompanyOverview,
  FinancialStatement,
  Instrument,
  Market,
  ProviderId,
  Quote,
  SearchMatch,
  StatementKind,
  StatementPeriod,
} from './types';

export type ChartBar = {
  /** `YYYY-MM-DD` for daily and weekly bars, epoch ms (bar start) for intraday ones. */
  time: string | number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  simulated: boolean;
};

export type Staleness = { fetchedAt: Date | null; stale: boolean; lastError: string | null };

export type StockDetail = {
  instrument: Instrument;
  quote: Quote | null;
  /** Which provider serves this market now. */
  provider: ProviderId | null;
  /** The demo's shipped history ends here; later bars are simulated (null: all real). */
  realUntil: string | null;
  tracked: boolean;
};

export type MarketRow = {
  symbol: string;
  name: string;
  nameKo: string | null;
  market: Market;
  currency: string;
  kind: Instrument['kind'];
  price: number;
  change: number | null;
  changePercent: number | null;
  volume: number | null;
  /** Recent daily closes, oldest first, for a sparkline. */
  spark: number[];
  asOf: number;
};

export type MarketOverview = {
  indices: MarketRow[];
  major: Record<Market, MarketRow[]>;
  gainers: MarketRow[];
  losers: MarketRow[];
  asOf: number;
};

export type MarketDataServiceDeps = {
  router: ProviderRouter;
  collection: Collection;
  freshness: FreshnessGate;
  stocks: StockStore;
  bars: BarStore;
  quotes: QuoteStore;
  fundamentals: FundamentalsStore;
  datasets: DatasetStore;
  ticks: TickStore;
  tickRetentionHours: number;
  /** The in-process collector's running quote, when this process runs it. */
  liveQuote: (symbol: string) => Quote | undefined;
  /** Last real date of the demo's shipped history per symbol (null when not a demo symbol). */
  realUntil: (symbol: string) => string | null;
  /** Tell the jobs a stock is newly tracked (starts its collection). */
  onTracked: (symbol: string) => Promise<void>;
  log: Logger;
  now?: () => number;
};

const SPARK_BARS = 30;
const MOVERS = 5;

export function createMarketDataService(deps: MarketDataServiceDeps) {
  const now = deps.now ?? Date.now;

  function instrumentOf(rawSymbol: string): Instrument {
    const symbol = normalizeSymbol(rawSymbol);
    const instrument = getInstrument(symbol);
    if (!instrument) {
      throw new DomainError('NOT_FOUND', `No stock or index with the symbol ${symbol}`, { symbol });
    }
    return instrument;
  }

  async function ensure(instrument: Instrument, dataset: Dataset, key?: string) {
    await deps.stocks.ensure(instrument);
    return deps.freshness.ensure(
      instrument.symbol,
      dataset,
      () => deps.collection.collect(instrument, dataset).then(() => undefined),
      { key },
    );
  }

  /** Live (this process's collector) → stored (another process's) → provider, freshest first. */
  async function latestQuote(instrument: Instrument): Promise<Quote | null> {
    const live = deps.liveQuote(instrument.symbol);
    if (live) return live;
    const stored = await deps.quotes.get(instrument.symbol);
    if (stored && now() - stored.updatedAt.getTime() < 60_000) return stored;
    try {
      await ensure(instrument, 'quote');
    } catch (error) {
      deps.log.warn({ symbol: instrument.symbol, err: String(error) }, 'quote refresh failed');
    }
    return (await deps.quotes.get(instrument.symbol)) ?? stored ?? null;
  }

  async function quoteFromBars(instrument: Instrument): Promise<Quote | null> {
    const last = await deps.bars.lastDate('DailyBar', instrument.symbol);
    if (!last) return null;
    const recent = await deps.bars.read('DailyBar', instrument.symbol, {
      from: periodStartDate('5d', last) ?? undefined,
    });
    const bar = recent.at(-1);
    if (!bar) return null;
    const previous = recent.at(-2)?.close ?? null;
    const change = previous === null ? null : bar.close - previous;
    return {
      symbol: instrument.symbol,
      currency: instrument.currency,
      price: bar.close,
      open: bar.open,
      high: bar.high,
      low: bar.low,
      previousClose: previous,
      change,
      changePercent: change === null || !previous ? null : (change / previous) * 100,
      volume: bar.volume,
      tradingDay: bar.date,
      asOf: new Date(`${bar.date}T00:00:00Z`).getTime(),
      provider: 'demo',
    };
  }

  async function marketRow(instrument: Instrument): Promise<MarketRow | null> {
    const quote =
      deps.liveQuote(instrument.symbol) ??
      (await deps.quotes.get(instrument.symbol)) ??
      (await quoteFromBars(instrument));
    if (!quote) return null;
    const last = await deps.bars.lastDate('DailyBar', instrument.symbol);
    const spark = last
      ? (
          await deps.bars.read('DailyBar', instrument.symbol, {
            from: periodStartDate('3m', last) ?? undefined,
          })
        )
          .slice(-SPARK_BARS)
          .map((bar) => bar.close)
      : [];
    return {
      symbol: instrument.symbol,
      name: instrument.nameEn,
      nameKo: instrument.nameKo,
      market: instrument.market,
      currency: instrument.currency,
      kind: instrument.kind,
      price: quote.price,
      change: quote.change,
      changePercent: quote.changePercent,
      volume: quote.volume,
      spark,
      asOf: quote.asOf,
    };
  }

  return {
    /** The instrument, its latest quote and where its data comes from. */
    async get(rawSymbol: string): Promise<StockDetail> {
      const instrument = instrumentOf(rawSymbol);
      const quote = await latestQuote(instrument);
      const tracked = (await deps.stocks.tracked(instrument.market)).some(
        (stock) => stock.symbol === instrument.symbol,
      );
      return {
        instrument,
        quote,
        provider: deps.router.primary(instrument.market)?.id ?? null,
        realUntil: deps.realUntil(instrument.symbol),
        tracked,
      };
    },

    async chart(input: { symbol: string; interval: ChartInterval; period: ChartPeriod }): Promise<
      Staleness & {
        symbol: string;
        currency: string;
        interval: ChartInterval;
        period: ChartPeriod;
        bars: ChartBar[];
      }
    > {
      assertIntervalPeriod(input.interval, input.period);
      const instrument = instrumentOf(input.symbol);
      const base = {
        symbol: instrument.symbol,
        currency: instrument.currency,
        interval: input.interval,
        period: input.period,
      };
      if (input.interval === 'intraday') {
        const bars = await intradayBars(instrument, intradaySessions(input.period));
        return { ...base, bars, fetchedAt: new Date(now()), stale: false, lastError: null };
      }
      const dataset = input.interval === 'daily' ? 'daily' : 'weekly';
      const table = input.interval === 'daily' ? 'DailyBar' : 'WeeklyBar';
      const freshness = await ensure(instrument, dataset);
      const last = await deps.bars.lastDate(table, instrument.symbol);
      const from = last ? periodStartDate(input.period, last) : null;
      const stored = await deps.bars.read(table, instrument.symbol, { from: from ?? undefined });
      return {
        ...base,
        ...freshness,
        bars: stored.map((bar) => ({
          time: bar.date,
          open: bar.open,
          high: bar.high,
          low: bar.low,
          close: bar.close,
          volume: bar.volume,
          simulated: bar.quality === 'simulated',
        })),
      };
    },

    async overview(rawSymbol: string): Promise<Staleness & { overview: CompanyOverview | null }> {
      const instrument = instrumentOf(rawSymbol);
      const freshness = await ensure(instrument, 'overview');
      const stored = await deps.fundamentals.getOverview(instrument.symbol);
      return { ...freshness, overview: stored?.overview ?? null };
    },

    async statements(input: {
      symbol: string;
      kind: StatementKind;
      period: StatementPeriod;
    }): Promise<Staleness & { statements: FinancialStatement[] }> {
      const instrument = instrumentOf(input.symbol);
      const freshness = await ensure(instrument, 'statements');
      const { statements } = await deps.fundamentals.getStatements(
        instrument.symbol,
        input.kind,
        input.period,
      );
      return { ...freshness, statements };
    },

    /** Instant autocomplete over the instrument master, merged with the provider's search. */
    async search(query: string, limit = 10): Promise<SearchMatch[]> {
      const master = searchInstruments(query, { limit });
      const usProvider = deps.router.primary('US');
      const latin = /^[\sA-Za-z0-9.&-]{2,}$/.test(query.trim());
      if (master.length >= limit || !latin || !usProvider || usProvider.id === 'demo') {
        return master;
      }
      try {
        const remote = await usProvider.search(query.trim());
        // Only what we can serve: symbols in the master (names come from it).
        const known = remote.filter((match) => getInstrument(match.symbol));
        return mergeSearchResults(master, known, limit);
      } catch (error) {
        deps.log.warn({ err: String(error) }, 'provider search failed; master results only');
        return master;
      }
    },

    async collectionStatus(rawSymbol: string): Promise<DatasetState[]> {
      const instrument = instrumentOf(rawSymbol);
      return deps.datasets.list(instrument.symbol);
    },

    /** A user started following the stock: collect its data if nobody did before. */
    async track(rawSymbol: string): Promise<{ symbol: string; newlyTracked: boolean }> {
      const instrument = instrumentOf(rawSymbol);
      const { newlyTracked } = await deps.stocks.ensure(instrument, true);
      if (newlyTracked) await deps.onTracked(instrument.symbol);
      return { symbol: instrument.symbol, newlyTracked };
    },

    /** Collect one dataset now (the collection jobs' step body). */
    async collect(rawSymbol: string, dataset: Dataset): Promise<{ rows: number }> {
      const instrument = instrumentOf(rawSymbol);
      await deps.stocks.ensure(instrument);
      return deps.collection.collect(instrument, dataset);
    },

    /** Tracked symbols of a market (scheduled refreshes walk these). */
    async trackedSymbols(market: Market): Promise<string[]> {
      return (await deps.stocks.tracked(market)).map((stock) => stock.symbol);
    },

    /** Should a scheduled refresh run now? (quotes while the session is open, bars on trading days) */
    isDue(market: Market, when: 'session-open' | 'trading-day' | 'always'): boolean {
      const at = new Date(now());
      if (when === 'session-open') return isSessionOpen(market, at);
      if (when === 'trading-day') return isTradingDay(market, sessionDate(market, at));
      return true;
    },

    /** Delete ticks older than the retention window (their minute bars stay). */
    async pruneTicks(): Promise<number> {
      return deps.ticks.pruneBefore(new Date(now() - deps.tickRetentionHours * 3_600_000));
    },

    async marketOverview(): Promise<MarketOverview> {
      const markets: Market[] = ['KR', 'US'];
      const rows = async (instruments: Instrument[]) =>
        (await Promise.all(instruments.map(marketRow))).filter(
          (row): row is MarketRow => row !== null,
        );
      const indices = await rows(markets.flatMap((market) => marketIndices(market)));
      const major = {
        KR: await rows(majorInstruments('KR')),
        US: await rows(majorInstruments('US')),
      };
      const stocks = [...major.KR, ...major.US].filter(
        (row) => row.kind !== 'index' && row.changePercent !== null,
      );
      const byChange = [...stocks].sort((a, b) => b.changePercent! - a.changePercent!);
      return {
        indices,
        major,
        gainers: byChange.filter((row) => row.changePercent! > 0).slice(0, MOVERS),
        losers: byChange
          .filter((row) => row.changePercent! < 0)
          .reverse()
          .slice(0, MOVERS),
        asOf: now(),
      };
    },
  };

  async function intradayBars(instrument: Instrument, sessions: number): Promise<ChartBar[]> {
    // Minute bars rolled up from live ticks; sessions counted back from the current one.
    const to = new Date(now() + 60_000);
    const from = new Date(now() - (sessions === 1 ? 1 : sessions + 2) * 86_400_000);
    let bars = await deps.bars.readIntraday(instrument.symbol, from, to);
    if (bars.length > 0 && sessions === 1) {
      const lastSession = tradingDayOf(instrument.market, new Date(bars.at(-1)!.time));
      bars = bars.filter(
        (bar) => tradingDayOf(instrument.market, new Date(bar.time)) === lastSession,
      );
    }
    if (bars.length === 0) {
      // Nothing collected live yet (a fresh install, or a stock not streamed): ask the provider.
      const { value } = await deps.router.call(instrument.market, (p) =>
        p.intradayBars(instrument.symbol, '1min'),
      );
      bars = value;
    }
    return bars.map((bar) => ({ ...bar, simulated: deps.realUntil(instrument.symbol) !== null }));
  }
}

export type MarketDataService = ReturnType<typeof createMarketDataService>;
