import type { Logger } from '@/server/logger';
import type { MarketDataProvider, Quote, Tick, TickSubscription } from '../types';
import { createLiveQuotes } from './live-quotes';
import { createTickIdGenerator } from './tick-ids';
import type { TickWriter } from './tick-writer';

export type CollectorStream = {
  provider: MarketDataProvider;
  /** The symbols this provider should stream now (re-read every resync). */
  symbols: () => Promise<string[]>;
};

export type CollectorStats = {
  id: string;
  provider: string;
  state: 'starting' | 'running' | 'reconnecting' | 'stopped';
  symbols: number;
  ticksPerSecond: number;
  totalTicks: number;
  bufferFill: number;
  lastFlushAt: Date | null;
  lastFlushMs: number | null;
  /** Age of the newest tick when it reached us (provider time → our clock). */
  lagMs: number | null;
  reconnects: number;
  startedAt: Date;
};

/** What browsers get per symbol: the latest price and the session's running numbers. */
export type TickMessage = {
  symbol: string;
  price: number;
  change: number | null;
  changePercent: number | null;
  volume: number | null;
  high: number | null;
  low: number | null;
  time: number;
  currency: string;
};

export type CollectorDeps = {
  id: string;
  streams: CollectorStream[];
  writer: TickWriter;
  /** The previous-close baseline for a symbol's running quote. */
  seedQuote: (provider: MarketDataProvider, symbol: string) => Promise<Quote | null>;
  /** Session date (market timezone) of an instant, for rolling the running quote over. */
  sessionDate: (symbol: string, at: Date) => string;
  publish: (message: TickMessage) => Promise<void>;
  saveQuotes: (quotes: Quote[]) => Promise<void>;
  saveStats: (stats: CollectorStats) => Promise<void>;
  log: Logger;
  resyncMs?: number;
  statsMs?: number;
  /** At most one browser message per symbol per this many ms (the latest state wins). */
  publishThrottleMs?: number;
  now?: () => number;
};

/**
 * The live pipeline: provider streams → ids → buffered writer (ticks + minute bars) → running
 * quotes → throttled realtime messages. Runs inside `next start` or as `npm run collector`.
 */
export function createCollector(deps: CollectorDeps) {
  const now = deps.now ?? Date.now;
  const nextId = createTickIdGenerator();
  const live = createLiveQuotes();
  const throttleMs = deps.publishThrottleMs ?? 250;
  const subscriptions = new Map<
    MarketDataProvider,
    { sub: TickSubscription; symbols: Set<string> }
  >();
  const pendingPublish = new Map<string, TickMessage>();
  const dirtyQuotes = new Set<string>();
  const startedAt = new Date(now());
  let state: CollectorStats['state'] = 'starting';
  let totalTicks = 0;
  let windowTicks = 0;
  let windowStart = now();
  let ticksPerSecond = 0;
  let lagMs: number | null = null;
  let reconnects = 0;
  let timers: NodeJS.Timeout[] = [];
  let publishTimer: NodeJS.Timeout | null = null;
  let resyncing: Promise<void> | null = null;

  function onTick(provider: MarketDataProvider, tick: Tick) {
    const arrived = now();
    totalTicks += 1;
    windowTicks += 1;
    lagMs = arrived - tick.time;
    deps.writer.push([{ ...tick, id: nextId() }]);
    const quote = live.apply(tick, provider.id, deps.sessionDate(tick.symbol, new Date(tick.time)));
    if (!quote) return;
    dirtyQuotes.add(tick.symbol);
    pendingPublish.set(tick.symbol, {
      symbol: tick.symbol,
      price: quote.price,
      change: quote.change,
      changePercent: quote.changePercent,
      volume: quote.volume,
      high: quote.high,
      low: quote.low,
      time: tick.time,
      currency: quote.currency,
    });
    publishTimer ??= setTimeout(flushPublishes, throttleMs);
  }

  function flushPublishes() {
    publishTimer = null;
    const messages = [...pendingPublish.values()];
    pendingPublish.clear();
    for (const message of messages) {
      deps.publish(message).catch((error: unknown) => {
        deps.log.warn({ err: String(error), symbol: message.symbol }, 'tick publish failed');
      });
    }
  }

  async function resync() {
    for (const stream of deps.streams) {
      let wanted: string[];
      try {
        wanted = await stream.symbols();
      } catch (error) {
        deps.log.warn({ err: String(error), provider: stream.provider.id }, 'symbol list failed');
        continue;
      }
      for (const symbol of wanted) {
        if (live.has(symbol)) continue;
        try {
          const seed = await deps.seedQuote(stream.provider, symbol);
          if (seed) live.seed(seed);
        } catch (error) {
          deps.log.warn({ err: String(error), symbol }, 'could not seed live quote');
        }
      }
      const current = subscriptions.get(stream.provider);
      const wantedSet = new Set(wanted);
      if (!current) {
        if (wanted.length === 0) continue;
        const sub = stream.provider.streamTicks(wanted, {
          onTick: (tick) => onTick(stream.provider, tick),
          onStatus: (status) => {
            if (status.state === 'reconnecting') {
              reconnects += 1;
              state = 'reconnecting';
            } else if (status.state === 'open') state = 'running';
          },
        });
        subscriptions.set(stream.provider, { sub, symbols: wantedSet });
        continue;
      }
      const added = wanted.filter((symbol) => !current.symbols.has(symbol));
      const removed = [...current.symbols].filter((symbol) => !wantedSet.has(symbol));
      if (added.length > 0) current.sub.subscribe(added);
      if (removed.length > 0) current.sub.unsubscribe(removed);
      current.symbols = wantedSet;
    }
  }

  function stats(): CollectorStats {
    const writer = deps.writer.stats();
    return {
      id: deps.id,
      provider: deps.streams.map((stream) => stream.provider.id).join(','),
      state,
      symbols: [...subscriptions.values()].reduce((n, entry) => n + entry.symbols.size, 0),
      ticksPerSecond,
      totalTicks,
      bufferFill: writer.buffered,
      lastFlushAt: writer.lastFlushAt,
      lastFlushMs: writer.lastFlushMs,
      lagMs,
      reconnects,
      startedAt,
    };
  }

  async function report() {
    const elapsed = (now() - windowStart) / 1000;
    ticksPerSecond = elapsed > 0 ? windowTicks / elapsed : 0;
    windowTicks = 0;
    windowStart = now();
    const changed = [...dirtyQuotes]
      .map((symbol) => live.get(symbol))
      .filter((quote): quote is Quote => quote !== undefined);
    dirtyQuotes.clear();
    try {
      if (changed.length > 0) await deps.saveQuotes(changed);
      await deps.saveStats(stats());
    } catch (error) {
      deps.log.warn({ err: String(error) }, 'collector report failed');
    }
  }

  return {
    async start(): Promise<void> {
      await resync();
      state = 'running';
      const every = (ms: number, fn: () => Promise<void>) => {
        const timer = setInterval(() => void fn(), ms);
        timer.unref?.();
        timers.push(timer);
      };
      every(deps.resyncMs ?? 30_000, async () => {
        resyncing ??= resync().finally(() => {
          resyncing = null;
        });
        await resyncing;
      });
      every(deps.statsMs ?? 5_000, report);
    },
    /** Stop streaming and persist everything still buffered (SIGTERM). */
    async stop(): Promise<void> {
      state = 'stopped';
      for (const timer of timers) clearInterval(timer);
      timers = [];
      if (publishTimer) {
        clearTimeout(publishTimer);
        flushPublishes(); // the last state of every symbol still goes out
      }
      await Promise.all([...subscriptions.values()].map((entry) => entry.sub.close()));
      subscriptions.clear();
      await deps.writer.close();
      await report();
    },
    /** Force a symbol-list refresh now (a stock was just tracked). */
    async resync(): Promise<void> {
      await resync();
    },
    liveQuote(symbol: string): Quote | undefined {
      return live.get(symbol);
    },
    stats,
  };
}

export type Collector = ReturnType<typeof createCollector>;
