import { hostname } from 'node:os';
import type { MarketDataConfig } from '@/server/env';
import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Logger } from '@/server/logger';
import type { RateLimiter } from '@/server/rate-limit/rate-limiter';
import { stockChannel } from '@/server/realtime/channels';
import type { RealtimePublisher } from '@/server/realtime/publisher';
import { createCircuitBreaker, type CircuitBreaker } from './circuit-breaker';
import { createCollection } from './collection';
import { createFreshnessGate } from './freshness';
import { getInstrument } from './instruments';
import { createCollector, type Collector } from './live/collector';
import { createTickWriter } from './live/tick-writer';
import { createProviderRouter } from './provider-router';
import { createAlphaVantageProvider } from './providers/alphavantage/provider';
import { createDemoProvider, demoDataInfo, demoSymbols } from './providers/demo';
import { createKisProvider } from './providers/kis/provider';
import { createAlphaVantageFx } from './fx/alphavantage-fx';
import { createRequestBudget } from './rate-budget';
import { defaultRetryPolicy } from './retry';
import { createMarketDataService } from './service';
import { lastCompletedSession, sessionBounds, sessionDate } from './sessions';
import { createBarStore } from './store/bars';
import { createCollectorStatsStore } from './store/collector-stats';
import { createDatasetStore } from './store/datasets';
import { createFundamentalsStore } from './store/fundamentals';
import { createDbTokenStore } from './store/provider-tokens';
import { createQuoteStore } from './store/quotes';
import { createStockStore } from './store/stocks';
import { createTickStore } from './store/ticks';
import { marketOf } from './symbols';
import { tradingDayOf } from './trading-day';
import type { MarketDataProvider } from './types';

const KIS_HOSTS = {
  real: {
    baseUrl: 'https://openapi.koreainvestment.com:9443',
    wsUrl: 'ws://ops.koreainvestment.com:21000',
  },
  paper: {
    baseUrl: 'https://openapivts.koreainvestment.com:29443',
    wsUrl: 'ws://ops.koreainvestment.com:31000',
  },
} as const;

/** The most symbols one KIS websocket session may subscribe to. */
const KIS_MAX_STREAMED = 40;

export type MarketDataWiringDeps = {
  db: PrismaClient;
  config: MarketDataConfig;
  rateLimiter: RateLimiter;
  realtime: RealtimePublisher;
  log: Logger;
  sendEvents: (events: { name: string; data: Record<string, unknown> }[]) => Promise<void>;
  /** The process's live collector, if it runs one (set after boot). */
  liveCollector?: () => Collector | undefined;
  /** Replace real providers (tests point them at local fixture servers). */
  providers?: MarketDataProvider[];
  now?: () => number;
};

/** Build the market-data layer once per process: providers, stores, service and collector factory. */
export function buildMarketData(deps: MarketDataWiringDeps) {
  const log = deps.log.child({ module: 'market-data' });
  const breakers: CircuitBreaker[] = [];
  const fxSources: FxSource[] = [];
  const providers = deps.providers ?? configuredProviders(deps, breakers, fxSources);
  const router = createProviderRouter(providers);
  const stores = {
    stocks: createStockStore(deps.db),
    bars: createBarStore(deps.db),
    quotes: createQuoteStore(deps.db),
    fundamentals: createFundamentalsStore(deps.db),
    datasets: createDatasetStore(deps.db),
    ticks: createTickStore(deps.db),
    collectorStats: createCollectorStatsStore(deps.db),
  };
  const realUntil = (symbol: string) => demoDataInfo(symbol)?.realUntil ?? null;
  const collection = createCollection({
    router,
    ...stores,
    qualityOf: (provider, symbol) => {
      const until = provider.id === 'demo' ? realUntil(symbol) : null;
      return (bar) => (until !== null && bar.date > until ? 'simulated' : 'real');
    },
    onProgress: async (symbol, state) => {
      await deps.realtime
        .publish(stockChannel(symbol), 'collection.progress', {
          dataset: state.dataset,
          status: state.status,
          rows: state.rows,
          error: state.error,
        })
        .catch(() => undefined);
    },
    log,
    now: deps.now,
  });
  const service = createMarketDataService({
    router,
    collection,
    freshness: createFreshnessGate({ datasets: stores.datasets, log, now: deps.now }),
    ...stores,
    tickRetentionHours: deps.config.tickRetentionHours,
    liveQuote: (symbol) => deps.liveCollector?.()?.liveQuote(symbol),
    realUntil,
    onTracked: (symbol) => deps.sendEvents([{ name: 'market/stock.tracked', data: { symbol } }]),
    log,
    now: deps.now,
  });

  /** The live pipeline for this process (in-process for `next start`, or `npm run collector`). */
  function collector(options: { id?: string; flushIntervalMs?: number } = {}): Collector {
    const writer = createTickWriter(stores.ticks, log, {
      flushIntervalMs: options.flushIntervalMs,
    });
    const streams = providers
      .filter((provider) => provider.id === 'demo' || provider.id === 'kis')
      .map((provider) => ({
        provider,
        symbols: async () => {
          const markets = provider.markets.filter(
            (market) => router.primary(market)?.id === provider.id,
          );
          if (markets.length === 0) return [];
          const tracked = (await stores.stocks.tracked())
            .filter((stock) => markets.includes(stock.market as 'KR' | 'US'))
            .map((stock) => stock.symbol);
          if (provider.id === 'demo') {
            // The demo market is always alive: its whole universe streams.
            const universe = demoSymbols().filter((symbol) => markets.includes(marketOf(symbol)));
            return [...new Set([...universe, ...tracked.filter((s) => universe.includes(s))])];
          }
          return tracked.slice(0, KIS_MAX_STREAMED);
        },
      }));
    return createCollector({
      id: options.id ?? `${hostname()}-${process.pid}`,
      streams,
      writer,
      seedQuote: (provider, symbol) => provider.quote(symbol),
      sessionDate: (symbol, at) => tradingDayOf(marketOf(symbol), at),
      publish: (message) => deps.realtime.publish(stockChannel(message.symbol), 'tick', message),
      saveQuotes: async (quotes) => {
        for (const quote of quotes) await stores.quotes.upsert(quote);
        // Alerts and portfolio valuations follow the stored quote (their jobs debounce per key).
        await deps.sendEvents(
          quotes.map((quote) => ({ name: 'market/price.moved', data: { symbol: quote.symbol } })),
        );
      },
      saveStats: (stats) => stores.collectorStats.save(stats),
      log,
    });
  }

  /**
   * Where the demo serves a market, follow its whole universe, so the collection jobs store its
   * history and the markets page has something to show on a fresh install.
   */
  async function trackDemoUniverse(): Promise<string[]> {
    const symbols = demoSymbols().filter(
      (symbol) => router.primary(marketOf(symbol))?.id === 'demo',
    );
    const started: string[] = [];
    for (const symbol of symbols) {
      if ((await service.track(symbol)).newlyTracked) started.push(symbol);
    }
    return started;
  }

  return {
    service,
    router,
    trackDemoUniverse,
    stores,
    collector,
    /** Circuit-breaker state per real provider, for /api/health. */
    breakers: () => breakers.map((breaker) => breaker.snapshot()),
    /** Real daily FX rates (Alpha Vantage FX_DAILY) when a key is configured. */
    fx: fxSources[0],
    instrument: getInstrument,
  };
}

export type MarketDataLayer = ReturnType<typeof buildMarketData>;

/** A source of real daily exchange rates, with the provider name stored beside them. */
export type FxSource = {
  provider: string;
  fxDaily(base: string, quote: string): Promise<{ date: string; rate: string }[]>;
};

function configuredProviders(
  deps: MarketDataWiringDeps,
  breakers: CircuitBreaker[],
  fxSources: FxSource[],
): MarketDataProvider[] {
  const { config } = deps;
  const providers: MarketDataProvider[] = [
    // Two prints a second per symbol: a live page sees the price move within a few seconds.
    createDemoProvider({
      seed: config.demo.seed,
      followSessions: config.demo.followSessions,
      tickIntervalMs: 500,
    }),
  ];
  if (config.alphaVantage) {
    const breaker = createCircuitBreaker({ provider: 'alphavantage' });
    breakers.push(breaker);
    // Stocks and FX share one key, so one budget and one breaker.
    const av = {
      apiKey: config.alphaVantage.apiKey,
      budget: createRequestBudget({
        provider: 'alphavantage',
        limits: { perMinute: config.alphaVantage.perMinute, perDay: config.alphaVantage.perDay },
        limiter: deps.rateLimiter,
      }),
      breaker,
      retry: defaultRetryPolicy,
    };
    providers.push(createAlphaVantageProvider(av));
    const fx = createAlphaVantageFx(av);
    fxSources.push({ provider: 'alphavantage', fxDaily: (base, quote) => fx.fxDaily(base, quote) });
  }
  if (config.kis) {
    const breaker = createCircuitBreaker({ provider: 'kis' });
    breakers.push(breaker);
    providers.push(
      createKisProvider({
        appKey: config.kis.appKey,
        appSecret: config.kis.appSecret,
        ...KIS_HOSTS[config.kis.env],
        tokenStore: createDbTokenStore(deps.db),
        budget: createRequestBudget({
          provider: 'kis',
          limits: { perSecond: config.kis.perSecond },
          limiter: deps.rateLimiter,
        }),
        breaker,
        retry: defaultRetryPolicy,
        instrumentOf: (symbol) => getInstrument(symbol) ?? undefined,
        tradingDayOf: krxTradingDayOf,
      }),
    );
  }
  return providers;
}

/** The session a KRX quote taken at `at` belongs to: today once it opened, else the last one. */
function krxTradingDayOf(at: Date): string {
  const today = sessionDate('KR', at);
  const bounds = sessionBounds('KR', today);
  return bounds && at >= bounds.open ? today : lastCompletedSession('KR', at);
}
