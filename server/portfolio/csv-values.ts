/**
 * Cell parsers for transaction CSVs: numbers with thousands separators and currency marks
 * (`1,234,567`, `₩1,000`, `1,000원`, `$12.50`), dates in the formats Korean and US brokerages
 * export (YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, optionally followed by a time) and
 * transaction types in English or Korean (매수, 매도, 배당, 입금, 출금 …). Each returns the
 * normalised value or a message; none ever goes through a float.
 */
import { isCalendarDate } from './calc-dates';
import type { Currency, TransactionType } from './types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Spreadsheet formula guard written by the export (`'=…`); removed on import. */
export function unguardCell(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** Decimal text (null for an empty cell). A leading minus is kept so validation can name it. */
export function parseCsvNumber(raw: string): Parsed<string | null> {
  let text = raw.normalize('NFKC').trim();
  if (text === '' || text === '-') return ok(null);
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text.replace(/^(KRW|USD)\s*|\s*(KRW|USD)$/i, '').replace(/[₩$원\s]/g, '');
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('+')) text = text.slice(1);
  // Thousands separators only between digit groups of three: `1,234.5` yes, `1,2` no.
  if (text.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) return bad(`"${raw.trim()}" is not a number`);
    text = text.replace(/,/g, '');
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) return bad(`"${raw.trim()}" is not a number`);
  return ok(negative ? `-${text}` : text);
}

/** `YYYY-MM-DD` from the accepted spellings; anything else (or an impossible date) is an error. */
export function parseCsvDate(raw: string): Parsed<string> {
  const text = raw.normalize('NFKC').trim().split(/[\sT]/)[0] ?? '';
  const match =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\.?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) {
    return bad(
      `"${raw.trim()}" is not a date (use YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD or YYYYMMDD)`,
    );
  }
  const date = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isCalendarDate(date) ? ok(date) : bad(`${date} is not a calendar date`);
}

const exactTypes: Record<string, TransactionType> = {
  buy: 'buy',
  b: 'buy',
  bought: 'buy',
  purchase: 'buy',
  sell: 'sell',
  s: 'sell',
  sold: 'sell',
  sale: 'sell',
  dividend: 'dividend',
  div: 'dividend',
  interest: 'interest',
  fee: 'fee',
  fees: 'fee',
  commission: 'fee',
  tax: 'tax',
  deposit: 'deposit',
  withdrawal: 'withdrawal',
  withdraw: 'withdrawal',
  transferin: 'transfer_in',
  transferout: 'transfer_out',
  split: 'split',
  stocksplit: 'split',
};

// Korean brokerage labels vary (장내매수, 현금배당, 이체입금 …): the keyword decides, first match.
const koreanKeywords: [string, TransactionType][] = [
  ['매수', 'buy'],
  ['매입', 'buy'],
  ['매도', 'sell'],
  ['배당', 'dividend'],
  ['이자', 'interest'],
  ['수수료', 'fee'],
  ['세금', 'tax'],
  ['입고', 'transfer_in'],
  ['출고', 'transfer_out'],
  ['분할', 'split'],
  ['입금', 'deposit'],
  ['출금', 'withdrawal'],
];

export function parseCsvType(raw: string): Parsed<TransactionType> {
  const text = raw.normalize('NFKC').trim();
  const key = text.toLowerCase().replace(/[\s_\-]+/g, '');
  const exact = exactTypes[key];
  if (exact) return ok(exact);
  for (const [keyword, type] of koreanKeywords) if (text.includes(keyword)) return ok(type);
  return bad(
    text === ''
      ? 'is empty'
      : `"${text}" is not a transaction type (buy, sell, dividend, deposit, withdrawal, … or 매수, 매도, 배당, 입금, 출금)`,
  );
}

const currencyWords: Record<string, Currency> = {
  krw: 'KRW',
  '₩': 'KRW',
  원: 'KRW',
  원화: 'KRW',
  usd: 'USD',
  $: 'USD',
  us$: 'USD',
  달러: 'USD',
  미국달러: 'USD',
};

export function parseCsvCurrency(raw: string): Parsed<Currency | null> {
  const text = raw.normalize('NFKC').trim().toLowerCase();
  if (text === '') return ok(null);
  const currency = currencyWords[text];
  return currency ? ok(currency) : bad(`"${raw.trim()}" is not a supported currency (KRW, USD)`);
}
