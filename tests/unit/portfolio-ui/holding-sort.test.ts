import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOLDING_SORT,
  ariaSort,
  nextSort,
  sortHoldings,
} from '@/components/portfolio/dashboard/holding-sort';
import type { HoldingView } from '@/components/portfolio/dashboard/live-holdings';

function row(symbol: string, fields: Partial<HoldingView>): HoldingView {
  return {
    accountId: 'a',
    accountName: 'Account',
    symbol,
    name: symbol,
    nameKo: null,
    currency: 'KRW',
    quantity: '1',
    averageCost: '1',
    price: '1',
    priceSource: 'live',
    priceDate: '2026-11-20',
    previousClose: '1',
    marketValueLocal: '1',
    displayCurrency: 'KRW',
    marketValue: '1',
    costBasis: '1',
    dayChange: '0',
    dayChangeRate: 0,
    unrealizedPnl: '0',
    unrealizedReturnRate: 0,
    realizedPnl: '0',
    dividends: '0',
    currencyEffect: '0',
    weight: 0,
    key: `a:${symbol}`,
    live: false,
    ...fields,
  };
}

const symbols = (rows: HoldingView[]) => rows.map((r) => r.symbol);
const text = (r: HoldingView, key: 'name' | 'account') => (key === 'name' ? r.name : r.accountName);

describe('holdings sorting', () => {
  it('compares decimal strings exactly, not as text or floats', () => {
    const rows = [
      row('A', { marketValue: '9.5' }),
      row('B', { marketValue: '10' }),
      // Differs from C only beyond double precision.
      row('C', { marketValue: '12345678901234567.02' }),
      row('D', { marketValue: '12345678901234567.01' }),
    ];
    expect(symbols(sortHoldings(rows, DEFAULT_HOLDING_SORT, text, 'en'))).toEqual([
      'C',
      'D',
      'B',
      'A',
    ]);
    expect(
      symbols(sortHoldings(rows, { key: 'marketValue', direction: 'asc' }, text, 'en')),
    ).toEqual(['A', 'B', 'D', 'C']);
  });

  it('puts rows without a value last in both directions', () => {
    const rows = [
      row('A', { dayChange: null }),
      row('B', { dayChange: '-5' }),
      row('C', { dayChange: '3' }),
    ];
    expect(
      symbols(sortHoldings(rows, { key: 'dayChange', direction: 'desc' }, text, 'en')),
    ).toEqual(['C', 'B', 'A']);
    expect(symbols(sortHoldings(rows, { key: 'dayChange', direction: 'asc' }, text, 'en'))).toEqual(
      ['B', 'C', 'A'],
    );
  });

  it('sorts names by the reader’s collation (Korean: 가나다 order, Hangul before Latin)', () => {
    const rows = [
      row('1', { name: '카카오' }),
      row('2', { name: '삼성전자' }),
      row('3', { name: 'NAVER' }),
    ];
    expect(
      sortHoldings(rows, { key: 'name', direction: 'asc' }, text, 'ko').map((r) => r.name),
    ).toEqual(['삼성전자', '카카오', 'NAVER']);
  });

  it('keeps the incoming order for ties (stable)', () => {
    const rows = [row('A', { weight: 0.1 }), row('B', { weight: 0.1 }), row('C', { weight: 0.2 })];
    expect(symbols(sortHoldings(rows, { key: 'weight', direction: 'desc' }, text, 'en'))).toEqual([
      'C',
      'A',
      'B',
    ]);
  });

  it('flips the same column and starts a new one by its kind', () => {
    expect(nextSort(DEFAULT_HOLDING_SORT, 'marketValue')).toEqual({
      key: 'marketValue',
      direction: 'asc',
    });
    expect(nextSort(DEFAULT_HOLDING_SORT, 'price')).toEqual({ key: 'price', direction: 'desc' });
    expect(nextSort(DEFAULT_HOLDING_SORT, 'name')).toEqual({ key: 'name', direction: 'asc' });
  });

  it('tells assistive technology which column sorts and how', () => {
    expect(ariaSort(DEFAULT_HOLDING_SORT, 'marketValue')).toBe('descending');
    expect(ariaSort({ key: 'name', direction: 'asc' }, 'name')).toBe('ascending');
    expect(ariaSort(DEFAULT_HOLDING_SORT, 'price')).toBe('none');
  });
});
