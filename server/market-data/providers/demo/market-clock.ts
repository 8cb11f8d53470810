import { TZDate } from '@date-fns/tz';
import type { Market } from '@/server/market-data/types';

/**
 * When the demo market trades. Two modes:
 * - continuous (default): session D runs from D 00:00 to the next trading day 00:00 in the
 *   market's timezone, so the last trading day's bar keeps moving over weekends and holidays and
 *   the demo is always alive, while daily bars still exist only for trading days;
 * - followSessions: session D is the part of day D in which `isSessionOpen` says the market is
 *   open (sampled per minute: sessions open and close on whole minutes).
 */
export interface DemoCalendar {
  isTradingDay(market: Market, date: string): boolean;
  isSessionOpen(market: Market, at: Date): boolean;
}

export interface SessionWindow {
  date: string;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

export const marketTimeZone: Record<Market, string> = {
  KR: 'Asia/Seoul',
  US: 'America/New_York',
};

const MINUTE = 60_000;

export function localDate(market: Market, at: number): string {
  const d = new TZDate(at, marketTimeZone[market]);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function localMidnight(market: Market, date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 0, 0, 0, marketTimeZone[market]).getTime();
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Trading days strictly after `after` up to and including `until`. */
export function tradingDaysBetween(
  calendar: DemoCalendar,
  market: Market,
  after: string,
  until: string,
): string[] {
  const days: string[] = [];
  for (let date = addDays(after, 1); date <= until; date = addDays(date, 1)) {
    if (calendar.isTradingDay(market, date)) days.push(date);
  }
  return days;
}

const SEARCH_LIMIT_DAYS = 30;

export function nextTradingDay(calendar: DemoCalendar, market: Market, date: string): string {
  for (let d = addDays(date, 1), i = 0; i < SEARCH_LIMIT_DAYS; d = addDays(d, 1), i++) {
    if (calendar.isTradingDay(market, d)) return d;
  }
  throw new Error(`no ${market} trading day within ${SEARCH_LIMIT_DAYS} days after ${date}`);
}

/** The latest trading day on or before `date`. */
export function tradingDayOnOrBefore(calendar: DemoCalendar, market: Market, date: string): string {
  for (let d = date, i = 0; i < SEARCH_LIMIT_DAYS; d = addDays(d, -1), i++) {
    if (calendar.isTradingDay(market, d)) return d;
  }
  throw new Error(`no ${market} trading day within ${SEARCH_LIMIT_DAYS} days before ${date}`);
}

export class SessionClock {
  private readonly windows = new Map<string, SessionWindow | null>();

  constructor(
    private readonly calendar: DemoCalendar,
    private readonly followSessions: boolean,
  ) {}

  /** The window of trading day `date`, or null when the market never opens that day. */
  window(market: Market, date: string): SessionWindow | null {
    const key = `${market}:${date}`;
    if (!this.windows.has(key)) this.windows.set(key, this.computeWindow(market, date));
    return this.windows.get(key) ?? null;
  }

  private computeWindow(market: Market, date: string): SessionWindow | null {
    const midnight = localMidnight(market, date);
    if (!this.followSessions) {
      return {
        date,
        start: midnight,
        end: localMidnight(market, nextTradingDay(this.calendar, market, date)),
      };
    }
    const dayEnd = localMidnight(market, addDays(date, 1));
    let start = -1;
    for (let t = midnight; t < dayEnd; t += MINUTE) {
      const open = this.calendar.isSessionOpen(market, new Date(t));
      if (open && start < 0) start = t;
      if (!open && start >= 0) return { date, start, end: t };
    }
    return start >= 0 ? { date, start, end: dayEnd } : null;
  }

  /**
   * The session that `now` belongs to: the latest trading day whose window has started (it may
   * be over, e.g. in the evening with followSessions), or null when none started in the last weeks.
   */
  currentSession(market: Market, now: number): SessionWindow | null {
    let date = tradingDayOnOrBefore(this.calendar, market, localDate(market, now));
    for (let i = 0; i < 10; i++) {
      const window = this.window(market, date);
      if (window && window.start <= now) return window;
      date = tradingDayOnOrBefore(this.calendar, market, addDays(date, -1));
    }
    return null;
  }
}
