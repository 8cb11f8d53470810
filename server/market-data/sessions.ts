import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { DomainError } from '@/server/errors';
import type { Market } from './types';

/**
 * Regular trading sessions of KRX (Asia/Seoul) and the US exchanges (America/New_York, DST-aware).
 * Holidays and early closes come from the calendars shipped in server/market-data/data/calendars
 * (README there says how to update them); hours and the KRX delayed opens are rules below.
 *
 * Session dates are `YYYY-MM-DD` in the market's timezone; instants are UTC `Date`s. Sessions are
 * half-open: open at `open`, closed again at `close`. Beyond the last year a calendar covers,
 * every weekday is treated as a session (see `calendarCoverage` to warn about it).
 */

const timezones: Record<Market, string> = { KR: 'Asia/Seoul', US: 'America/New_York' };

export function marketTimezone(market: Market): string {
  return timezones[market];
}

export interface SessionBounds {
  /** The session's date in the market's timezone. */
  date: string;
  open: Date;
  close: Date;
}

// ─── Calendars ──────────────────────────────────────────────────────────────

const CALENDAR_DIR = 'server/market-data/data/calendars';
const calendarFiles: Record<Market, { file: string; exchange: string }> = {
  KR: { file: 'krx_holidays.csv', exchange: 'KRX' },
  US: { file: 'nyse_holidays.csv', exchange: 'NYSE' },
};
const KRX_DELAYED_FILE = 'krx_delayed_sessions.csv';

interface MarketCalendar {
  closed: ReadonlySet<string>;
  /** Early-close date → close, minutes after local midnight. */
  earlyCloses: ReadonlyMap<string, number>;
  /** Date → minutes the whole session is shifted later (KRX exam days). */
  delayed: ReadonlyMap<string, number>;
  firstYear: number;
  lastYear: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const holidayRowSchema = z.object({
  date: z.string().regex(DATE),
  exchange: z.string(),
  kind: z.enum(['closed', 'early_close']),
  name: z.string(),
});

const delayedRowSchema = z.object({
  date: z.string().regex(DATE),
  exchange: z.literal('KRX'),
  delay_minutes: z.string().regex(/^\d{1,3}$/),
  name: z.string(),
});

function readCsv<T>(file: string, schema: z.ZodType<T>): T[] {
  const fullPath = path.resolve(/*turbopackIgnore: true*/ process.cwd(), CALENDAR_DIR, file);
  const records = parse(readFileSync(/*turbopackIgnore: true*/ fullPath, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as unknown[];
  return records.map((record, index) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(
        `${CALENDAR_DIR}/${file} line ${index + 2}: invalid ${issue?.path.join('.') || 'row'} (${issue?.message})`,
      );
    }
    return result.data;
  });
}

/** "Christmas Eve (markets close at 1:00pm)" → 13 × 60; 13:00 when the name gives no time. */
function earlyCloseMinutes(name: string): number {
  const match = /close at (\d{1,2}):(\d{2})\s*([ap])m/i.exec(name);
  if (!match) return 13 * 60;
  const hour = (Number(match[1]) % 12) + (match[3]!.toLowerCase() === 'p' ? 12 : 0);
  return hour * 60 + Number(match[2]);
}

function loadCalendar(market: Market): MarketCalendar {
  const { file, exchange } = calendarFiles[market];
  const closed = new Set<string>();
  const earlyCloses = new Map<string, number>();
  const rows = readCsv(file, holidayRowSchema);
  for (const [index, row] of rows.entries()) {
    if (row.exchange !== exchange) {
      throw new Error(`${CALENDAR_DIR}/${file} line ${index + 2}: exchange is not ${exchange}`);
    }
    if (row.kind === 'closed') closed.add(row.date);
    else earlyCloses.set(row.date, earlyCloseMinutes(row.name));
  }
  const delayed = new Map<string, number>();
  if (market === 'KR') {
    for (const row of readCsv(KRX_DELAYED_FILE, delayedRowSchema)) {
      delayed.set(row.date, Number(row.delay_minutes));
    }
  }
  const years = rows.map((row) => Number(row.date.slice(0, 4)));
  return {
    closed,
    earlyCloses,
    delayed,
    firstYear: Math.min(...years),
    lastYear: Math.max(...years),
  };
}

const calendars: Partial<Record<Market, MarketCalendar>> = {};

function calendarOf(market: Market): MarketCalendar {
  return (calendars[market] ??= loadCalendar(market));
}

/** The years the shipped holiday calendar covers; outside them only weekends are closed. */
export function calendarCoverage(market: Market): { from: string; to: string } {
  const calendar = calendarOf(market);
  return { from: `${calendar.firstYear}-01-01`, to: `${calendar.lastYear}-12-31` };
}

// ─── Dates ──────────────────────────────────────────────────────────────────

function checkDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const valid =
    DATE.test(date) &&
    new Date(Date.UTC(year!, month! - 1, day!)).toISOString().slice(0, 10) === date;
  if (!valid) {
    throw new DomainError('INVALID', `Invalid date "${date}": expected YYYY-MM-DD`, {
      field: 'date',
    });
  }
  return date;
}

function checkInstant(at: Date): Date {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new DomainError('INVALID', 'Invalid time: expected a valid Date', { field: 'at' });
  }
  return at;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

function isWeekend(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year!, month! - 1, day!)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The instant at `minutes` after midnight of `date` in the market's timezone. */
function localInstant(market: Market, date: string, minutes: number): Date {
  const [year, month, day] = date.split('-').map(Number);
  const local = new TZDate(year!, month! - 1, day!, 0, minutes, 0, timezones[market]);
  return new Date(local.getTime());
}

/** The calendar date of `at` in the market's timezone. */
export function sessionDate(market: Market, at: Date): string {
  const local = new TZDate(checkInstant(at).getTime(), timezones[market]);
  const month = String(local.getMonth() + 1).padStart(2, '0');
  const day = String(local.getDate()).padStart(2, '0');
  return `${local.getFullYear()}-${month}-${day}`;
}

// ─── Hours ──────────────────────────────────────────────────────────────────

const hm = (hours: number, minutes = 0) => hours * 60 + minutes;

// KRX's regular hours changed over time (exchange_calendars' XKRX history, continuous trading
// since 2000-05-22; the lunch break before that is not modelled): [effective from, minutes].
const krxOpens: [string, number][] = [
  ['1998-12-07', hm(9)],
  ['1995-01-01', hm(9, 30)],
  ['0000-01-01', hm(9, 40)],
];
const krxCloses: [string, number][] = [
  ['2016-08-01', hm(15, 30)],
  ['1995-01-01', hm(15)],
  ['0000-01-01', hm(15, 20)],
];

function effective(table: [string, number][], date: string): number {
  for (const [from, minutes] of table) if (date >= from) return minutes;
  return table[table.length - 1]![1];
}

/** Is `date` a KRX session and the first one of its year (which opens an hour late)? */
function isFirstKrxSessionOfYear(date: string): boolean {
  let day = `${date.slice(0, 4)}-01-01`;
  while (!isTradingDay('KR', day)) day = addDays(day, 1);
  return day === date;
}

/** Open and close of the regular session on `date`, or null when there is none. */
export function sessionBounds(market: Market, date: string): SessionBounds | null {
  if (!isTradingDay(market, date)) return null;
  const calendar = calendarOf(market);
  let open: number;
  let close: number;
  if (market === 'KR') {
    open = effective(krxOpens, date);
    close = effective(krxCloses, date);
    const delay = calendar.delayed.get(date);
    if (delay !== undefined) {
      // College-entrance exam day: the whole schedule moves later.
      open += delay;
      close += delay;
    } else if (isFirstKrxSessionOfYear(date)) {
      open += 60;
    }
  } else {
    open = hm(9, 30);
    close = calendar.earlyCloses.get(date) ?? hm(16);
  }
  return { date, open: localInstant(market, date, open), close: localInstant(market, date, close) };
}

// ─── Queries ────────────────────────────────────────────────────────────────

/** A weekday that is not a full-day holiday (early-close days are trading days). */
export function isTradingDay(market: Market, date: string): boolean {
  checkDate(date);
  return !isWeekend(date) && !calendarOf(market).closed.has(date);
}

export function isSessionOpen(market: Market, at: Date): boolean {
  const bounds = sessionBounds(market, sessionDate(market, at));
  return bounds !== null && at >= bounds.open && at < bounds.close;
}

// No market is closed for a year; the bound only stops a corrupt calendar from looping forever.
const SEARCH_DAYS = 366;

function findSession(
  market: Market,
  at: Date,
  step: 1 | -1,
  accept: (bounds: SessionBounds) => boolean,
): SessionBounds {
  let date = sessionDate(market, at);
  for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, step)) {
    const bounds = sessionBounds(market, date);
    if (bounds && accept(bounds)) return bounds;
  }
  throw new Error(`No ${market} session within ${SEARCH_DAYS} days of ${at.toISOString()}`);
}

/** The next session open strictly after `at` (while a session is open: the following one's). */
export function nextOpen(market: Market, at: Date): Date {
  return findSession(market, at, 1, (bounds) => bounds.open > at).open;
}

/** The next session close strictly after `at` (while a session is open: today's). */
export function nextClose(market: Market, at: Date): Date {
  return findSession(market, at, 1, (bounds) => bounds.close > at).close;
}

/** The date of the last session whose close is at or before `at`. */
export function lastCompletedSession(market: Market, at: Date): string {
  return findSession(market, at, -1, (bounds) => bounds.close <= at).date;
}

/** Trading days from `from` to `to`, both inclusive, in order. */
export function tradingDays(market: Market, from: string, to: string): string[] {
  checkDate(from);
  checkDate(to);
  const days: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (isTradingDay(market, date)) days.push(date);
  }
  return days;
}
