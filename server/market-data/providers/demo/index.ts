import { z } from 'zod';
import { logger } from '@/server/logger';
import { ProviderError } from '@/server/market-data/errors';
import { isSessionOpen, isTradingDay } from '@/server/market-data/sessions';
import type {
  Bar,
  BarRange,
  MarketDataProvider,
  Quote,
  Symbol,
  TickStreamHandlers,
  TickSubscription,
} from '@/server/market-data/types';
import { aggregateIntraday, weeklyFromDaily } from './aggregate';
import { demoInstruments, loadDemoHistory, type DemoInstrument } from './dataset';
import { DemoEngine } from './engine';
import { nextTradingDay, type DemoCalendar } from './market-clock';
import { demoOverview } from './overview';
import { searchDemoInstruments } from './search';
import { illustrativeStatements } from './statements';

/**
 * The offline `demo` provider: real daily history shipped in the repository, then a simulated
 * market continuing from the last real close (see engine.ts, daily-sim.ts, session-ticks.ts).
 */

export type { DemoCalendar } from './market-clock';

export interface DemoProviderOptions {
  /** Seed of every simulated series (default 1). */
  seed?: number;
  /** Epoch ms "now" (default Date.now). */
  now?: () => number;
  /** Trade only while the market session is open (default false: trade around the clock). */
  followSessions?: boolean;
  /** Time between trade slots per symbol (default 1000 ms). */
  tickIntervalMs?: number;
  /** Trading days and session hours (default server/market-data/sessions.ts). */
  calendar?: DemoCalendar;
  /** Folder of the shipped daily files (default server/market-data/data/daily under the cwd). */
  dataDir?: string;
}

export interface DemoDataInfo {
  /** Last date of real history. */
  realUntil: string;
  /** First simulated session (the trading day after realUntil). */
  simulatedFrom: string;
}

export interface DemoProvider extends MarketDataProvider {
  dataInfo(symbol: Symbol): DemoDataInfo;
}

const optionsSchema = z.object({
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  followSessions: z.boolean().default(false),
  tickIntervalMs: z.number().int().min(50).max(60_000).default(1000),
  dataDir: z.string().min(1).optional(),
});

const defaultCalendar: DemoCalendar = { isTradingDay, isSessionOpen };

/** Symbols the demo serves. */
export function demoSymbols(): Symbol[] {
  return [...demoInstruments().keys()];
}

function findInstrument(symbol: Symbol): DemoInstrument | undefined {
  const instruments = demoInstruments();
  return instruments.get(symbol) ?? instruments.get(symbol.trim().toUpperCase());
}

/** Where real data ends for a demo symbol; undefined for symbols the demo does not serve. */
export function demoDataInfo(
  symbol: Symbol,
  calendar: DemoCalendar = defaultCalendar,
): DemoDataInfo | undefined {
  const instrument = findInstrument(symbol);
  if (!instrument) return undefined;
  return {
    realUntil: instrument.realUntil,
    simulatedFrom: nextTradingDay(calendar, instrument.market, instrument.realUntil),
  };
}

const inRange = (date: string, range: BarRange | undefined): boolean =>
  (!range?.from || date >= range.from) && (!range?.to || date <= range.to);

export function createDemoProvider(options: DemoProviderOptions = {}): DemoProvider {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`demo provider option ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const { seed, followSessions, tickIntervalMs, dataDir } = parsed.data;
  const now = options.now ?? Date.now;
  const calendar = options.calendar ?? defaultCalendar;
  let engine: Promise<DemoEngine> | undefined;

  const getEngine = (): Promise<DemoEngine> => {
    engine ??= loadDemoHistory(dataDir).then(
      (history) => new DemoEngine({ seed, tickIntervalMs, calendar, followSessions }, history),
    );
    // A failed load is retried on the next call.
    engine.catch(() => (engine = undefined));
    return engine;
  };

  const instrumentOf = (symbol: Symbol): DemoInstrument => {
    const instrument = findInstrument(symbol);
    if (!instrument) {
      throw new ProviderError('demo', 'not-found', `The demo has no data for "${symbol}"`);
    }
    return instrument;
  };

  const prepare = async (symbol: Symbol, signal?: AbortSignal) => {
    signal?.throwIfAborted();
    const instrument = instrumentOf(symbol);
    return { instrument, engine: await getEngine() };
  };

  async function dailyBars(symbol: Symbol, range?: BarRange, signal?: AbortSignal): Promise<Bar[]> {
    const { instrument, engine } = await prepare(symbol, signal);
    return engine.dailyBars(instrument, now()).filter((bar) => inRange(bar.date, range));
  }

  const streams = createStreamHub(instrumentOf, getEngine, now, tickIntervalMs);

  return {
    id: 'demo',
    markets: ['KR', 'US'],

    dataInfo(symbol) {
      return demoDataInfo(instrumentOf(symbol).symbol, calendar) as DemoDataInfo;
    },

    async quote(symbol, signal): Promise<Quote> {
      const { instrument, engine } = await prepare(symbol, signal);
      const at = now();
      const state = engine.state(instrument, at);
      const bar = state.bar;
      const previousClose = state.previousClose;
      const price = bar?.close ?? previousClose;
      if (price === null || price === undefined) {
        throw new ProviderError('demo', 'not-found', `No demo price for "${symbol}" yet`);
      }
      const change =
        previousClose !== null ? Math.round((price - previousClose) * 1e8) / 1e8 : null;
      return {
        symbol: instrument.symbol,
        currency: instrument.currency,
        price,
        open: bar?.open ?? null,
        high: bar?.high ?? null,
        low: bar?.low ?? null,
        previousClose,
        change,
        changePercent:
          change !== null && previousClose
            ? Math.round((change / previousClose) * 100 * 1e8) / 1e8
            : null,
        volume: bar?.volume ?? null,
        tradingDay: state.session?.date ?? bar?.date ?? '',
        asOf: at,
        provider: 'demo',
      };
    },

    dailyBars,

    async weeklyBars(symbol, range, signal) {
      const weeks = weeklyFromDaily(await dailyBars(symbol, undefined, signal));
      // A week is included when any of its days (Monday … Friday) falls in the range.
      return weeks.filter((week) => {
        const monday = new Date(Date.parse(`${week.date}T00:00:00Z`) - 4 * 86_400_000)
          .toISOString()
          .slice(0, 10);
        return (!range?.from || week.date >= range.from) && (!range?.to || monday <= range.to);
      });
    },

    async intradayBars(symbol, interval, signal) {
      const { instrument, engine } = await prepare(symbol, signal);
      const minutes = engine.minuteBars(instrument, now());
      return interval === '1min' ? minutes : aggregateIntraday(minutes, 5 * 60_000);
    },

    async overview(symbol, signal) {
      const { instrument, engine } = await prepare(symbol, signal);
      return demoOverview(instrument, engine.realBars(instrument));
    },

    async statements(symbol, kind, signal) {
      signal?.throwIfAborted();
      return illustrativeStatements(instrumentOf(symbol), kind, now());
    },

    async search(query, signal) {
      signal?.throwIfAborted();
      return searchDemoInstruments(demoInstruments().values(), query);
    },

    streamTicks(symbols, handlers) {
      return streams.open(symbols, handlers);
    },
  };
}

interface Listener {
  handlers: TickStreamHandlers;
  /** Symbol → time of the last trade delivered (or of subscribing). */
  cursors: Map<Symbol, number>;
}

/**
 * One timer per provider, shared by every subscription: each interval, every subscribed symbol's
 * trades since the listener's cursor are delivered in time order. The timer is unref'd and stops
 * when the last subscription closes.
 */
function createStreamHub(
  instrumentOf: (symbol: Symbol) => DemoInstrument,
  getEngine: () => Promise<DemoEngine>,
  now: () => number,
  intervalMs: number,
) {
  const listeners = new Set<Listener>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let ready: DemoEngine | undefined;

  const deliver = () => {
    if (!ready) return;
    const at = now();
    for (const listener of listeners) {
      for (const [symbol, since] of listener.cursors) {
        const trades = ready.tradesBetween(instrumentOf(symbol), since, at);
        for (const trade of trades) {
          try {
            listener.handlers.onTick(trade);
          } catch (error) {
            logger.warn({ err: error, symbol }, 'demo tick handler threw');
          }
        }
        const last = trades.at(-1);
        if (last) listener.cursors.set(symbol, last.time);
      }
    }
  };

  const ensureTimer = () => {
    if (timer || listeners.size === 0) return;
    timer = setInterval(deliver, intervalMs);
    timer.unref?.();
  };

  return {
    open(symbols: Symbol[], handlers: TickStreamHandlers): TickSubscription {
      const listener: Listener = { handlers, cursors: new Map() };
      const add = (list: Symbol[]) => {
        const at = now();
        for (const symbol of list) {
          const canonical = instrumentOf(symbol).symbol;
          if (!listener.cursors.has(canonical)) listener.cursors.set(canonical, at);
        }
      };
      add(symbols);
      listeners.add(listener);
      let closed = false;
      handlers.onStatus?.({ state: 'connecting' });
      getEngine().then(
        (engine) => {
          ready = engine;
          if (closed) return;
          handlers.onStatus?.({ state: 'open' });
          ensureTimer();
        },
        (error: unknown) => {
          listeners.delete(listener);
          handlers.onStatus?.({
            state: 'closed',
            error: error instanceof Error ? error.message : String(error),
          });
        },
      );
      return {
        subscribe(list) {
          add(list);
        },
        unsubscribe(list) {
          for (const symbol of list) listener.cursors.delete(instrumentOf(symbol).symbol);
        },
        async close() {
          if (closed) return;
          closed = true;
          listeners.delete(listener);
          if (listeners.size === 0 && timer) {
            clearInterval(timer);
            timer = undefined;
          }
          handlers.onStatus?.({ state: 'closed' });
        },
      };
    },
  };
}
