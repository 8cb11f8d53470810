import type { Bar, IntradayBar, Tick } from '@/server/market-data/types';
import type { DemoInstrument } from './dataset';
import { simulateDailyBars } from './daily-sim';
import {
  localDate,
  SessionClock,
  tradingDaysBetween,
  type DemoCalendar,
  type SessionWindow,
} from './market-clock';
import { planSession, SessionCursor, type SessionPlan } from './session-ticks';
import { instrumentStats, type InstrumentStats } from './stats';

/**
 * The simulated market for one provider instance: real history, then simulated daily bars for every
 * trading day after the last real one, and the live session's trades up to "now". Everything is a
 * function of (seed, symbol, clock, tick interval, session mode); state here is only a cache.
 */
export interface EngineOptions {
  seed: number;
  tickIntervalMs: number;
  calendar: DemoCalendar;
  followSessions: boolean;
}

interface LiveSession {
  window: SessionWindow;
  plan: SessionPlan;
  cursor: SessionCursor;
  previousClose: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  trades: number;
  minutes: IntradayBar[];
}

/** Live state of an instrument at a moment. */
export interface MarketState {
  /** The session `now` belongs to; null when it is still inside the real history. */
  session: SessionWindow | null;
  /** The session's bar so far (the planned bar once the session is over). */
  bar: Bar | null;
  previousClose: number | null;
  /** Whether `bar` is simulated (false: it is the last real bar). */
  simulated: boolean;
}

const MINUTE = 60_000;
/** How long recent trades stay available to streams that poll for them. */
const RECENT_TRADES_MS = 5 * MINUTE;

export class DemoEngine {
  private readonly clock: SessionClock;
  private readonly stats = new Map<string, InstrumentStats>();
  private readonly simulated = new Map<string, Bar[]>();
  private readonly live = new Map<string, LiveSession>();
  private readonly recent = new Map<string, Tick[]>();

  constructor(
    private readonly options: EngineOptions,
    private readonly history: ReadonlyMap<string, readonly Bar[]>,
  ) {
    this.clock = new SessionClock(options.calendar, options.followSessions);
  }

  realBars(instrument: DemoInstrument): readonly Bar[] {
    const bars = this.history.get(instrument.symbol);
    if (!bars || bars.length === 0) throw new Error(`no shipped history for ${instrument.symbol}`);
    return bars;
  }

  statsOf(instrument: DemoInstrument): InstrumentStats {
    let stats = this.stats.get(instrument.symbol);
    if (!stats) {
      stats = instrumentStats(this.realBars(instrument));
      this.stats.set(instrument.symbol, stats);
    }
    return stats;
  }

  /** Simulated bars for trading days after realUntil up to `until` (inclusive), cached. */
  simulatedBars(instrument: DemoInstrument, until: string): Bar[] {
    const real = this.realBars(instrument);
    const lastReal = real.at(-1) as Bar;
    let bars = this.simulated.get(instrument.symbol) ?? [];
    const lastDate = bars.at(-1)?.date ?? lastReal.date;
    if (until > lastDate) {
      const dates = tradingDaysBetween(this.options.calendar, instrument.market, lastDate, until);
      const more = simulateDailyBars(
        instrument,
        this.statsOf(instrument),
        this.options.seed,
        bars.at(-1) ?? lastReal,
        dates,
      );
      bars = [...bars, ...more];
      this.simulated.set(instrument.symbol, bars);
    }
    return bars.filter((bar) => bar.date <= until);
  }

  private currentSession(instrument: DemoInstrument, now: number): SessionWindow | null {
    const session = this.clock.currentSession(instrument.market, now);
    return session && session.date > instrument.realUntil ? session : null;
  }

  private startSession(instrument: DemoInstrument, window: SessionWindow): LiveSession {
    const bars = this.simulatedBars(instrument, window.date);
    const bar = bars.at(-1) as Bar;
    const previousClose = (bars.at(-2) ?? this.realBars(instrument).at(-1))?.close ?? bar.open;
    const { tickIntervalMs, seed } = this.options;
    const plan = planSession({
      symbol: instrument.symbol,
      market: instrument.market,
      kind: instrument.kind,
      seed,
      date: window.date,
      bar,
      start: window.start,
      intervalMs: tickIntervalMs,
      slots: Math.max(4, Math.ceil((window.end - window.start) / tickIntervalMs)),
      sessionSigma: this.statsOf(instrument).ocSigma,
    });
    return {
      window,
      plan,
      cursor: new SessionCursor(plan),
      previousClose,
      open: bar.open,
      high: -Infinity,
      low: Infinity,
      close: bar.open,
      volume: 0,
      trades: 0,
      minutes: [],
    };
  }

  /**
   * Trades with `since < time <= now`, oldest first. Several readers (streams, quotes) can ask in any
   * order: trades stay available for a few minutes after they happened.
   */
  tradesBetween(instrument: DemoInstrument, since: number, now: number): Tick[] {
    this.advance(instrument, now);
    return (this.recent.get(instrument.symbol) ?? []).filter(
      (t) => t.time > since && t.time <= now,
    );
  }

  /** Generates the live session's trades up to `now`. */
  private advance(instrument: DemoInstrument, now: number): void {
    const window = this.currentSession(instrument, now);
    if (!window) return;
    const out: Tick[] = [];
    let live = this.live.get(instrument.symbol);
    if (live && live.window.date !== window.date) {
      // Finish the previous session first, so a running stream sees its last trades.
      this.drain(instrument, live, Infinity, now - RECENT_TRADES_MS, out);
      live = undefined;
    }
    if (!live) {
      live = this.startSession(instrument, window);
      this.live.set(instrument.symbol, live);
    }
    this.drain(instrument, live, now, now - RECENT_TRADES_MS, out);
    if (out.length > 0) {
      const newest = (out.at(-1) as Tick).time;
      const kept = (this.recent.get(instrument.symbol) ?? []).filter(
        (t) => t.time > newest - RECENT_TRADES_MS,
      );
      this.recent.set(
        instrument.symbol,
        kept.concat(out.filter((t) => t.time > newest - RECENT_TRADES_MS)),
      );
    }
  }

  private drain(
    instrument: DemoInstrument,
    live: LiveSession,
    until: number,
    keepAfter: number,
    out: Tick[],
  ): void {
    live.cursor.advanceTo(until, (price, size, time) => {
      if (size === 0) return;
      live.trades++;
      live.high = Math.max(live.high, price);
      live.low = Math.min(live.low, price);
      live.close = price;
      live.volume += size;
      const bucket = Math.floor(time / MINUTE) * MINUTE;
      const minute = live.minutes.at(-1);
      if (minute && minute.time === bucket) {
        minute.high = Math.max(minute.high, price);
        minute.low = Math.min(minute.low, price);
        minute.close = price;
        minute.volume += size;
      } else {
        live.minutes.push({
          time: bucket,
          open: price,
          high: price,
          low: price,
          close: price,
          volume: size,
        });
      }
      if (time <= keepAfter) return;
      const change = roundChange(price - live.previousClose);
      out.push({
        symbol: instrument.symbol,
        price,
        size,
        time,
        cumulativeVolume: live.volume,
        change,
        changePercent: roundChange((change / live.previousClose) * 100),
      });
    });
  }

  /** The instrument's state at `now` (advancing the live session). */
  state(instrument: DemoInstrument, now: number): MarketState {
    this.advance(instrument, now);
    const window = this.currentSession(instrument, now);
    const live = this.live.get(instrument.symbol);
    if (window && live && live.window.date === window.date) {
      const bar: Bar | null =
        live.trades === 0
          ? null
          : {
              date: window.date,
              open: live.open,
              high: live.high,
              low: live.low,
              close: live.close,
              volume: live.volume,
            };
      return { session: window, bar, previousClose: live.previousClose, simulated: true };
    }
    // Still inside the real history: the last real bar on or before today.
    const today = localDate(instrument.market, now);
    const real = this.realBars(instrument).filter((bar) => bar.date <= today);
    return {
      session: null,
      bar: real.at(-1) ?? null,
      previousClose: real.at(-2)?.close ?? null,
      simulated: false,
    };
  }

  /** Real, simulated and live daily bars up to `now`. */
  dailyBars(instrument: DemoInstrument, now: number): Bar[] {
    const state = this.state(instrument, now);
    const real = this.realBars(instrument);
    if (!state.session) return real.filter((bar) => bar.date <= localDate(instrument.market, now));
    const simulated = this.simulatedBars(instrument, state.session.date).filter(
      (bar) => bar.date < (state.session as SessionWindow).date,
    );
    return [...real, ...simulated, ...(state.bar ? [state.bar] : [])];
  }

  /** 1-minute bars of the live session so far. */
  minuteBars(instrument: DemoInstrument, now: number): IntradayBar[] {
    const state = this.state(instrument, now);
    if (!state.session) return [];
    return (this.live.get(instrument.symbol)?.minutes ?? []).map((bar) => ({ ...bar }));
  }
}

/** Differences of tick prices carry float noise (312.06 - 311.5); keep 8 decimals. */
function roundChange(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}
