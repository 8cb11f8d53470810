import { describe, expect, it } from 'vitest';
import { defaultAccountId, cashIn } from '@/components/portfolio/ledger/accounts';
import { exportFilename, localDateKey } from '@/components/portfolio/ledger/export-file';
import {
  cashShortfall,
  formatMoney,
  formatQuantity,
  grossAmount,
  marketOfCurrency,
  marketToday,
  priceInputText,
  purchaseCost,
} from '@/components/portfolio/ledger/ledger-format';

describe('money and quantities on screen', () => {
  it('formats exact decimal strings without float rounding', () => {
    expect(formatMoney('en', '12345678901234567.89', 'USD')).toBe('$12,345,678,901,234,567.89');
    expect(formatMoney('ko', '71500', 'KRW')).toBe('₩71,500');
    expect(formatMoney('en', '0.5', 'KRW')).toBe('₩0.5');
    expect(formatMoney('en', '12.3456', 'USD')).toBe('$12.3456');
    expect(formatMoney('en', '3', 'USD')).toBe('$3.00');
    expect(formatMoney('en', '-1400000', 'KRW')).toBe('-₩1,400,000');
    expect(formatQuantity('en', '0.00012345')).toBe('0.00012345');
    expect(formatQuantity('ko', '1234567')).toBe('1,234,567');
  });

  it('computes a row amount as quantity × price exactly, else the amount', () => {
    expect(grossAmount({ quantity: '3', price: '0.1', amount: null })).toBe('0.3');
    expect(grossAmount({ quantity: '0.00012345', price: '98765432.1', amount: null })).toBe(
      '12192.592592745',
    );
    expect(grossAmount({ quantity: null, price: null, amount: '3610' })).toBe('3610');
    expect(grossAmount({ quantity: null, price: null, amount: null })).toBeNull();
  });
});

describe('the purchase form', () => {
  it('prefills the price from a quote in the currency’s precision', () => {
    expect(priceInputText(71500, 'KRW')).toBe('71500');
    expect(priceInputText(189.23, 'USD')).toBe('189.23');
    expect(priceInputText(0.000012345, 'USD')).toBe('0');
    expect(priceInputText(12.345678, 'USD')).toBe('12.3457');
    expect(priceInputText(Number.NaN, 'USD')).toBe('');
  });

  it('totals the cost and the cash it lacks', () => {
    expect(purchaseCost('3', '0.1', '')).toBe('0.3');
    expect(purchaseCost('10', '71500', '150')).toBe('715150');
    expect(purchaseCost('', '71500', '')).toBeNull();
    expect(purchaseCost('abc', '1', '')).toBeNull();
    expect(cashShortfall('500000', '715150')).toBe('215150');
    expect(cashShortfall('1000000', '715150')).toBe('0');
    expect(cashShortfall(null, '0.3')).toBe('0.3');
    // Cash already below zero (an account that allows it) does not pay for anything.
    expect(cashShortfall('-100', '50')).toBe('50');
  });

  it('dates a trade in the market’s own calendar', () => {
    // 2026-05-20 23:30 in New York is already the 21st in Seoul.
    const instant = Date.parse('2026-05-21T03:30:00Z');
    expect(marketToday('US', instant)).toBe('2026-05-20');
    expect(marketToday('KR', instant)).toBe('2026-05-21');
    expect(marketOfCurrency('KRW')).toBe('KR');
    expect(marketOfCurrency('USD')).toBe('US');
  });

  it('puts a stock in an account of its currency unless told otherwise', () => {
    const accounts = [
      {
        id: 'usd',
        baseCurrency: 'USD' as const,
        cash: [{ currency: 'USD' as const, balance: '5' }],
      },
      { id: 'krw', baseCurrency: 'KRW' as const, cash: [] },
    ];
    expect(defaultAccountId(accounts, 'KRW')).toBe('krw');
    expect(defaultAccountId(accounts, 'USD')).toBe('usd');
    expect(defaultAccountId([accounts[0]!], 'KRW')).toBe('usd');
    expect(defaultAccountId([], 'KRW')).toBeNull();
    expect(cashIn(accounts[0]!, 'USD')).toBe('5');
    expect(cashIn(accounts[0]!, 'KRW')).toBeNull();
  });
});

describe('export files', () => {
  it('stamps the file with the reader’s date', () => {
    expect(exportFilename('stockvis-transactions-all-2026-05-20.csv', '2026-05-21')).toBe(
      'stockvis-transactions-all-2026-05-21.csv',
    );
    expect(exportFilename('stockvis-transactions-국내주식-krw-2026-05-20.json', '2026-05-21')).toBe(
      'stockvis-transactions-국내주식-krw-2026-05-21.json',
    );
    expect(exportFilename('ledger.csv', '2026-05-21')).toBe('ledger-2026-05-21.csv');
    expect(exportFilename('ledger', '2026-05-21')).toBe('ledger-2026-05-21');
  });

  it('reads the local calendar date', () => {
    expect(localDateKey(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
