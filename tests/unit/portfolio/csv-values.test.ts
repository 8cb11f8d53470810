import { describe, expect, it } from 'vitest';
import { detectMapping } from '@/server/portfolio/csv-columns';
import { importKeyOf } from '@/server/portfolio/csv-key';
import {
  parseCsvCurrency,
  parseCsvDate,
  parseCsvNumber,
  parseCsvType,
  unguardCell,
} from '@/server/portfolio/csv-values';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) =>
  parsed.ok ? parsed.value : `error: ${parsed.message}`;

describe('CSV cell parsers', () => {
  it('reads numbers with thousands separators and currency marks, exactly', () => {
    expect(value(parseCsvNumber('1,234,567'))).toBe('1234567');
    expect(value(parseCsvNumber('₩1,000'))).toBe('1000');
    expect(value(parseCsvNumber('71,000원'))).toBe('71000');
    expect(value(parseCsvNumber('$10,000.25'))).toBe('10000.25');
    expect(value(parseCsvNumber('0.1234567891'))).toBe('0.1234567891');
    expect(value(parseCsvNumber('USD 12.5'))).toBe('12.5');
    expect(value(parseCsvNumber(''))).toBeNull();
    expect(value(parseCsvNumber('(5)'))).toBe('-5');
    expect(value(parseCsvNumber('１，０００'))).toBe('1000'); // full-width
  });

  it('rejects malformed numbers rather than guessing', () => {
    expect(value(parseCsvNumber('1,23'))).toMatch(/^error: "1,23" is not a number/);
    expect(value(parseCsvNumber('12abc'))).toMatch(/^error/);
    expect(value(parseCsvNumber('1.2.3'))).toMatch(/^error/);
  });

  it('reads the date formats brokerages export', () => {
    for (const text of [
      '2024-01-05',
      '2024/01/05',
      '2024.01.05',
      '2024.1.5.',
      '20240105',
      '2024-01-05 15:30:00',
    ]) {
      expect(value(parseCsvDate(text)), text).toBe('2024-01-05');
    }
    expect(value(parseCsvDate('2024-02-30'))).toMatch(/not a calendar date/);
    expect(value(parseCsvDate('05/01/2024'))).toMatch(/not a date/);
  });

  it('maps English and Korean transaction labels', () => {
    const cases: [string, string][] = [
      ['Buy', 'buy'],
      ['SELL', 'sell'],
      ['매수', 'buy'],
      ['장내매수', 'buy'],
      ['매도', 'sell'],
      ['현금배당', 'dividend'],
      ['입금', 'deposit'],
      ['이체입금', 'deposit'],
      ['출금', 'withdrawal'],
      ['transfer in', 'transfer_in'],
      ['주식입고', 'transfer_in'],
      ['액면분할', 'split'],
    ];
    for (const [text, type] of cases) expect(value(parseCsvType(text)), text).toBe(type);
    expect(value(parseCsvType('환전'))).toMatch(/not a transaction type/);
  });

  it('reads currencies and strips the export formula guard', () => {
    expect(value(parseCsvCurrency('원'))).toBe('KRW');
    expect(value(parseCsvCurrency('usd'))).toBe('USD');
    expect(value(parseCsvCurrency('EUR'))).toMatch(/not a supported currency/);
    expect(unguardCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguardCell("it's")).toBe("it's");
  });
});

describe('column detection', () => {
  it('maps Korean brokerage headers', () => {
    expect(
      detectMapping([
        '거래일자',
        '구분',
        '종목코드',
        '종목명',
        '수량',
        '단가',
        '수수료',
        '세금',
        '비고',
      ]),
    ).toEqual({
      date: '거래일자',
      type: '구분',
      symbol: '종목코드',
      name: '종목명',
      quantity: '수량',
      price: '단가',
      fees: '수수료',
      taxes: '세금',
      note: '비고',
    });
  });

  it('maps English headers regardless of case and spacing, first column wins', () => {
    expect(detectMapping(['Trade Date', 'Action', 'Ticker', 'Qty', 'Unit Price', 'Date'])).toEqual({
      date: 'Trade Date',
      type: 'Action',
      symbol: 'Ticker',
      quantity: 'Qty',
      price: 'Unit Price',
    });
  });
});

describe('import key', () => {
  const row = {
    type: 'buy' as const,
    tradeDate: '2024-01-03',
    currency: 'KRW' as const,
    symbol: '005930.KS',
    quantity: '10',
    price: '71000',
    fees: '0',
  };
  it('is the same for equal values however they were written', () => {
    expect(importKeyOf('acc', row)).toBe(
      importKeyOf('acc', { ...row, quantity: '10.000', price: '071000.0', fees: null }),
    );
  });
  it('differs per account and per field', () => {
    expect(importKeyOf('acc', row)).not.toBe(importKeyOf('other', row));
    expect(importKeyOf('acc', row)).not.toBe(importKeyOf('acc', { ...row, quantity: '11' }));
  });
});
