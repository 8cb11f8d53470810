import { isTradingDay, lastCompletedSession, sessionDate } from './sessions';
import type { Market } from './types';

/**
 * The session an instant's trade belongs to: the market's calendar date when it is a trading
 * day, otherwise the last session before it (weekend and holiday trades of the always-open demo
 * market extend the previous session, as its provider does).
 */
export function tradingDayOf(market: Market, at: Date): string {
  const date = sessionDate(market, at);
  return isTradingDay(market, date) ? date : lastCompletedSession(market, at);
}
