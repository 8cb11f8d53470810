import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, toDayNumber } from '@/server/portfolio/calc-dates';
import { createFxTable } from '@/server/portfolio/calc-fx';
import {
  formatForDisplay,
  roundForDisplay,
  sumDecimals,
  toDecimal,
} from '@/server/portfolio/money';

describe('money', () => {
  it('adds exactly where floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumDecimals([toDecimal(0.1), toDecimal('0.2')]).toString()).toBe('0.3');
  });

  it('rounds per currency for display only (KRW 0 dp, USD 2 dp, half up)', () => {
    expect(formatForDisplay('1234.5', 'KRW')).toBe('1235');
    expect(formatForDisplay('1234.005', 'USD')).toBe('1234.01');
    expect(formatForDisplay(new Decimal('-2.345'), 'USD')).toBe('-2.35');
    expect(roundForDisplay('99.999', 'USD').toString()).toBe('100');
  });

  it('rejects non-numbers naming the field', () => {
    expect(() => toDecimal('12abc', 'price')).toThrow(/price must be a finite number/);
    expect(() => toDecimal(Number.NaN, 'amount')).toThrow(/amount/);
    expect(() => toDecimal(Infinity, 'amount')).toThrow(/amount/);
  });
});

describe('calendar dates', () => {
  it('counts actual days without timezone drift', () => {
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2); // across the US DST change
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15');
  });

  it('rejects impossible dates', () => {
    expect(() => toDayNumber('2023-02-29', 'tradeDate')).toThrow(
      /tradeDate must be a calendar date/,
    );
    expect(() => toDayNumber('2023-2-1')).toThrow();
  });
});

describe('createFxTable', () => {
  const fx = createFxTable(
    [
      { date: '2024-06-28', base: 'USD', quote: 'KRW', rate: '1380.5' },
      { date: '2024-07-01', base: 'USD', quote: 'KRW', rate: '1385' },
    ],
    { maxStaleDays: 4 },
  );

  it('carries the last rate over weekends, inverts pairs and expires stale rates', () => {
    expect(fx('USD', 'KRW', '2024-06-30')!.toString()).toBe('1380.5');
    expect(fx('USD', 'KRW', '2024-07-01')!.toString()).toBe('1385');
    expect(fx('KRW', 'USD', '2024-07-01')!.times(1385).toString()).toBe('1');
    expect(fx('KRW', 'KRW', '2000-01-01')!.toString()).toBe('1');
    expect(fx('USD', 'KRW', '2024-06-27')).toBeUndefined();
    expect(fx('USD', 'KRW', '2024-07-06')).toBeUndefined();
  });

  it('rejects a non-positive rate naming the row', () => {
    expect(() =>
      createFxTable([{ date: '2024-01-01', base: 'USD', quote: 'KRW', rate: 0 }]),
    ).toThrow(/fx\[0\]\.rate must be positive/);
  });
});
