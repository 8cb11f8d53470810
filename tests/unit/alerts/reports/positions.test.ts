import { describe, expect, it } from 'vitest';
import { dayMovers, heldSymbols, type HeldSymbol } from '@/server/alerts/reports/positions';
import type { HoldingDto } from '@/server/portfolio/analytics-dto';

function holding(fields: Partial<HoldingDto> & { symbol: string }): HoldingDto {
  return {
    accountId: 'a1',
    accountName: 'Main',
    name: fields.symbol,
    nameKo: null,
    currency: 'KRW',
    quantity: '1',
    averageCost: '100',
    price: '100',
    priceSource: 'close',
    priceDate: '2024-03-15',
    previousClose: '100',
    marketValueLocal: '100',
    displayCurrency: 'KRW',
    marketValue: '100',
    costBasis: '100',
    dayChange: '0',
    dayChangeRate: 0,
    unrealizedPnl: '0',
    unrealizedReturnRate: 0,
    realizedPnl: '0',
    dividends: '0',
    currencyEffect: '0',
    weight: null,
    ...fields,
  };
}

function held(symbol: string, dayChangeRate: number | null): HeldSymbol {
  return {
    symbol,
    name: symbol,
    nameKo: null,
    currency: 'KRW',
    quantity: '1',
    price: '100',
    dayChangeRate,
    dayChange: dayChangeRate === null ? null : String(dayChangeRate * 100),
    displayCurrency: 'KRW',
  };
}

describe('heldSymbols', () => {
  it('merges one symbol held in several accounts, adding quantities and day changes exactly', () => {
    const merged = heldSymbols([
      holding({ symbol: 'AAPL', currency: 'USD', quantity: '0.1', dayChange: '1234.5' }),
      holding({ symbol: '005930.KS', quantity: '3' }),
      holding({
        symbol: 'AAPL',
        accountId: 'a2',
        currency: 'USD',
        quantity: '0.2',
        dayChange: '0.25',
      }),
    ]);
    expect(merged.map((h) => [h.symbol, h.quantity, h.dayChange])).toEqual([
      ['AAPL', '0.3', '1234.75'],
      ['005930.KS', '3', '0'],
    ]);
  });

  it('keeps the day change null only when no account has one', () => {
    const [one] = heldSymbols([
      holding({ symbol: 'X', dayChange: null, dayChangeRate: null, price: null }),
      holding({ symbol: 'X', dayChange: '7', dayChangeRate: 0.07, price: '107' }),
    ]);
    expect(one).toMatchObject({ dayChange: '7', dayChangeRate: 0.07, price: '107' });
    const [none] = heldSymbols([holding({ symbol: 'Y', dayChange: null, dayChangeRate: null })]);
    expect(none!.dayChange).toBeNull();
  });
});

describe('dayMovers', () => {
  it('ranks the three biggest risers and fallers, never listing a symbol twice', () => {
    const { best, worst } = dayMovers([
      held('A', 0.01),
      held('B', 0.05),
      held('C', -0.02),
      held('D', 0.03),
      held('E', 0.04),
      held('F', 0),
      held('G', null),
      held('H', -0.06),
    ]);
    expect(best.map((m) => m.symbol)).toEqual(['B', 'E', 'D']);
    expect(worst.map((m) => m.symbol)).toEqual(['H', 'C']);
  });

  it('breaks ties by symbol and carries prices in the instrument currency', () => {
    const { best } = dayMovers([held('B', 0.02), held('A', 0.02)]);
    expect(best.map((m) => m.symbol)).toEqual(['A', 'B']);
    expect(best[0]).toMatchObject({
      price: { amount: '100', currency: 'KRW' },
      dayChange: { amount: '2', currency: 'KRW' },
    });
  });
});
