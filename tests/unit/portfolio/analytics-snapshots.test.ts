import { describe, expect, it } from 'vitest';
import { createPositionWalker } from '@/server/portfolio/analytics-positions';
import { fixedFx } from '@/server/portfolio/calc-fx';
import { applyLedger } from '@/server/portfolio/ledger';
import { computeAccountSnapshots, computeTotalSnapshots } from '@/server/portfolio/snapshots';
import type { LedgerTransaction } from '@/server/portfolio/types';

const ledger: LedgerTransaction[] = [
  { id: 'd1', type: 'deposit', tradeDate: '2024-01-02', currency: 'KRW', amount: '10000000' },
  { id: 'd2', type: 'deposit', tradeDate: '2024-01-02', currency: 'USD', amount: '5000' },
  {
    id: 'b1',
    type: 'buy',
    tradeDate: '2024-01-03',
    currency: 'KRW',
    symbol: '005930.KS',
    quantity: '100',
    price: '70000',
    fees: '1000',
  },
  {
    id: 'b2',
    type: 'buy',
    tradeDate: '2024-01-04',
    currency: 'USD',
    symbol: 'AAPL',
    quantity: '10',
    price: '180',
  },
  {
    id: 's1',
    type: 'split',
    tradeDate: '2024-01-05',
    currency: 'USD',
    symbol: 'AAPL',
    splitRatio: '2',
  },
  {
    id: 's2',
    type: 'sell',
    tradeDate: '2024-01-06',
    currency: 'KRW',
    symbol: '005930.KS',
    quantity: '40',
    price: '72000',
    taxes: '5000',
  },
  {
    id: 'v1',
    type: 'dividend',
    tradeDate: '2024-01-06',
    currency: 'USD',
    symbol: 'AAPL',
    amount: '4',
    taxes: '0.6',
  },
  { id: 'w1', type: 'withdrawal', tradeDate: '2024-01-07', currency: 'KRW', amount: '1000000' },
  {
    id: 't1',
    type: 'transfer_in',
    tradeDate: '2024-01-07',
    currency: 'USD',
    symbol: 'MSFT',
    quantity: '3',
    price: '370',
  },
];

describe('position walker', () => {
  it('ends in the same quantities and cash as the ledger replay', () => {
    const walker = createPositionWalker(ledger);
    walker.advanceTo('2024-12-31');
    const replay = applyLedger(ledger);
    const open = replay.holdings.filter((h) => !h.quantity.isZero());
    expect(
      walker
        .holdings()
        .map((h) => [h.symbol, h.quantity.toString()])
        .sort(),
    ).toEqual(open.map((h) => [h.symbol, h.quantity.toString()]).sort());
    for (const [currency, balance] of Object.entries(replay.cash)) {
      expect(
        walker
          .cash()
          .get(currency as 'KRW' | 'USD')
          ?.toString(),
        currency,
      ).toBe(balance!.toString());
    }
  });

  it('reports external flows on the day they are applied, securities at market value', () => {
    const walker = createPositionWalker(ledger);
    expect(walker.advanceTo('2024-01-06')).toHaveLength(2);
    const flows = walker.advanceTo('2024-01-07');
    expect(flows.map((f) => [f.currency, f.inflow.toString(), f.outflow.toString()])).toEqual([
      ['KRW', '0', '1000000'],
      ['USD', '1110', '0'],
    ]);
  });
});

describe('account snapshots', () => {
  const fx = fixedFx([{ base: 'USD', quote: 'KRW', rate: '1300' }]);
  const closes = new Map([
    ['005930.KS', { dates: ['2024-01-03', '2024-01-05'], closes: ['71000', '73000'] }],
    ['AAPL', { dates: ['2024-01-04'], closes: ['185'] }],
  ]);

  it('has one row per calendar day, carrying closes forward and converting at the day rate', () => {
    const rows = computeAccountSnapshots({
      currency: 'KRW',
      transactions: ledger.slice(0, 4),
      closes,
      fx,
      from: '2024-01-01',
      to: '2024-01-06',
    });
    expect(rows.map((r) => r.date)).toEqual([
      '2024-01-02',
      '2024-01-03',
      '2024-01-04',
      '2024-01-05',
      '2024-01-06',
    ]);
    const jan2 = rows[0]!;
    expect(jan2.value.toString()).toBe(String(10_000_000 + 5000 * 1300));
    expect(jan2.inflow.toString()).toBe(String(10_000_000 + 5000 * 1300));
    expect(jan2.invested.toString()).toBe(jan2.inflow.toString());
    // Jan 6 (Saturday): Samsung carries Friday's 73,000; AAPL its only close 185.
    const cashKrw = 10_000_000 - 100 * 70_000 - 1000;
    const cashUsd = 5000 - 1800;
    const jan6 = rows.at(-1)!;
    expect(jan6.marketValue.toString()).toBe(String(100 * 73_000 + 10 * 185 * 1300));
    expect(jan6.cash.toString()).toBe(String(cashKrw + cashUsd * 1300));
    expect(jan6.inflow.isZero()).toBe(true);
  });

  it('starts later rows from the full history (invested counts earlier flows)', () => {
    const rows = computeAccountSnapshots({
      currency: 'KRW',
      transactions: ledger,
      closes,
      fx,
      from: '2024-01-07',
      to: '2024-01-07',
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.invested.toString()).toBe(
      String(10_000_000 + 5000 * 1300 - 1_000_000 + 1110 * 1300),
    );
    expect(rows[0]!.outflow.toString()).toBe('1000000');
  });

  it('fails naming the date when a rate is missing', () => {
    expect(() =>
      computeAccountSnapshots({
        currency: 'KRW',
        transactions: ledger,
        closes,
        fx: fixedFx([]),
        from: '2024-01-01',
        to: '2024-01-03',
      }),
    ).toThrow(/no USD→KRW exchange rate for 2024-01-02/);
  });

  it('sums accounts into totals in the display currency and accumulates invested', () => {
    const krw = computeAccountSnapshots({
      currency: 'KRW',
      transactions: ledger.slice(0, 1),
      closes,
      fx,
      from: '2024-01-02',
      to: '2024-01-03',
    });
    const usd = computeAccountSnapshots({
      currency: 'USD',
      transactions: [ledger[1]!],
      closes,
      fx,
      from: '2024-01-02',
      to: '2024-01-03',
    });
    const totals = computeTotalSnapshots({
      displayCurrency: 'USD',
      accountRows: [...krw, ...usd],
      fx,
    });
    expect(totals).toHaveLength(2);
    expect(totals[0]!.value.toFixed(6)).toBe((10_000_000 / 1300 + 5000).toFixed(6));
    expect(totals[1]!.inflow.isZero()).toBe(true);
    expect(totals[1]!.invested.eq(totals[0]!.invested)).toBe(true);
  });
});
