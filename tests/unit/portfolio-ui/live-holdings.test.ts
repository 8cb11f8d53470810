import { describe, expect, it } from 'vitest';
import {
  holdingKey,
  liveHolding,
  liveHoldings,
  liveSummary,
} from '@/components/portfolio/dashboard/live-holdings';
import type { HoldingDto, SummaryDto } from '@/components/portfolio/dashboard/types';

const krw: HoldingDto = {
  accountId: 'acc-krw',
  accountName: 'KRW',
  symbol: '005930.KS',
  name: 'Samsung Electronics',
  nameKo: '삼성전자',
  currency: 'KRW',
  quantity: '160',
  averageCost: '68630',
  price: '173700',
  priceSource: 'live',
  priceDate: '2026-11-20',
  previousClose: '172100',
  marketValueLocal: '27792000',
  displayCurrency: 'KRW',
  marketValue: '27792000',
  costBasis: '10980800',
  dayChange: '256000',
  dayChangeRate: 1600 / 172100,
  unrealizedPnl: '16811200',
  unrealizedReturnRate: 16811200 / 10980800,
  realizedPnl: '0',
  dividends: '0',
  currencyEffect: '0',
  weight: 0.1,
};

// A USD holding shown in KRW at 1392.95 won per dollar.
const usd: HoldingDto = {
  ...krw,
  accountId: 'acc-usd',
  accountName: 'USD',
  symbol: 'SPY',
  name: 'SPDR S&P 500 ETF Trust',
  nameKo: null,
  currency: 'USD',
  quantity: '40',
  averageCost: '445.7775',
  price: '724.97',
  previousClose: '719.14',
  marketValueLocal: '28998.8',
  marketValue: '40393878.46',
  costBasis: '21990349.548',
  dayChange: '324835.94',
  dayChangeRate: 5.83 / 719.14,
  unrealizedPnl: '18403528.912',
  unrealizedReturnRate: 0.8369,
  currencyEffect: '2847481.197',
};

const tick = (price: number, change: number | null = null) => ({ price, change, asOf: 1 });

describe('liveHolding', () => {
  it('keeps the server row until a tick arrives', () => {
    const view = liveHolding(krw, undefined);
    expect(view).toMatchObject({ marketValue: '27792000', live: false });
    expect(view.key).toBe(holdingKey(krw));
  });

  it('revalues quantity × price exactly in decimal arithmetic', () => {
    // 160 × 173,800 = 27,808,000; the day change against 172,100 is 160 × 1,700.
    const view = liveHolding(krw, tick(173800));
    expect(view.live).toBe(true);
    expect(view.price).toBe('173800');
    expect(view.marketValue).toBe('27808000');
    expect(view.dayChange).toBe('272000');
    expect(view.unrealizedPnl).toBe('16827200');
    expect(view.dayChangeRate).toBeCloseTo(1700 / 172100, 12);
  });

  it('translates a foreign holding at the rate the server used, without float error', () => {
    // In floats 40 × 725.1 × 1392.95 is 40401121.800000004; decimal arithmetic keeps it exact.
    const view = liveHolding(usd, tick(725.1));
    expect(view.marketValueLocal).toBe('29004');
    expect(view.marketValue).toBe('40401121.8'); // 29004 × 1392.95
    expect(view.dayChange).toBe('332079.28'); // 40 × 5.96 × 1392.95
    expect(view.unrealizedPnl).toBe('18410772.252');
  });

  it("prefers the tick's own change for the previous close", () => {
    const view = liveHolding(krw, tick(174000, 2500));
    expect(view.previousClose).toBe('171500');
    expect(view.dayChange).toBe('400000'); // 160 × 2,500
  });
});

describe('liveHoldings and liveSummary', () => {
  const summary: SummaryDto = {
    asOf: '2026-11-22',
    currency: 'KRW',
    totalValue: '100000000',
    cash: '31814121.54',
    marketValue: '68185878.46',
    invested: '80000000',
    costBasis: '32971149.548',
    unrealizedPnl: '35214728.912',
    unrealizedReturnRate: 35214728.912 / 32971149.548,
    realizedPnl: '0',
    dividends: '0',
    interest: '0',
    fees: '0',
    taxes: '0',
    dayChange: '580835.94',
    dayChangeRate: 580835.94 / (100000000 - 580835.94),
    totalReturn: { amount: '20000000', rate: 0.25, method: 'simple', description: '' },
    currencyEffect: '2847481.197',
    accounts: 2,
    unpricedSymbols: [],
    fx: null,
  };
  const rows = [krw, usd];

  it('moves weights with the live total', () => {
    const quotes = new Map([['005930.KS', tick(173800)]]);
    const views = liveHoldings(rows, quotes, summary.totalValue);
    // Total 100,000,000 + 16,000 (160 × 100 won): Samsung 27,808,000 of 100,016,000.
    expect(views[0]!.weight).toBeCloseTo(27808000 / 100016000, 12);
    expect(views[1]!.weight).toBe(usd.weight); // no tick: the server's weight stays
  });

  it('adds the live deltas to the totals and recomputes the rates', () => {
    const quotes = new Map([
      ['005930.KS', tick(173800)],
      ['SPY', tick(725.1)],
    ]);
    const views = liveHoldings(rows, quotes, summary.totalValue);
    const live = liveSummary(summary, rows, views);
    // +16,000 (Samsung) and +7,243.34 (SPY: 40 × 0.13 × 1392.95).
    expect(live.totalValue).toBe('100023243.34');
    expect(live.marketValue).toBe('68209121.8');
    expect(live.unrealizedPnl).toBe('35237972.252');
    expect(live.dayChange).toBe('604079.28');
    expect(live.totalReturn.amount).toBe('20023243.34');
    expect(live.totalReturn.rate).toBeCloseTo(20023243.34 / 80000000, 12);
    expect(live.dayChangeRate).toBeCloseTo(604079.28 / (100023243.34 - 604079.28), 12);
  });

  it('leaves the summary unchanged without ticks', () => {
    const views = liveHoldings(rows, new Map(), summary.totalValue);
    const live = liveSummary(summary, rows, views);
    expect(live.totalValue).toBe(summary.totalValue);
    expect(live.dayChange).toBe(summary.dayChange);
  });
});
