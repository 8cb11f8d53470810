import { describe, expect, it } from 'vitest';
import { upcomingDividends } from '@/server/alerts/reports/dividends';
import type { HeldSymbol } from '@/server/alerts/reports/positions';
import type { CompanyOverview } from '@/server/market-data/types';

const held = (symbol: string, quantity = '10'): HeldSymbol => ({
  symbol,
  name: symbol,
  nameKo: null,
  currency: 'USD',
  quantity,
  price: '1',
  dayChangeRate: 0,
  dayChange: '0',
  displayCurrency: 'KRW',
});

const overview = (
  symbol: string,
  dates: { ex?: string; pay?: string },
  perShare?: number | null,
): CompanyOverview => ({
  symbol,
  name: symbol,
  nameKo: null,
  description: null,
  exchange: 'NASDAQ',
  currency: 'USD',
  country: 'US',
  sector: null,
  industry: null,
  metrics: perShare === undefined ? {} : { dividendPerShare: perShare },
  dividendDate: dates.pay ?? null,
  exDividendDate: dates.ex ?? null,
  quality: 'real',
  provider: 'alphavantage',
});

const REPORT_DATE = '2024-03-15';

describe('upcomingDividends', () => {
  it('lists ex or payment dates from the report date to 60 days later, soonest first', () => {
    const overviews = new Map(
      [
        overview('TODAY', { ex: '2024-03-15' }, 0.24),
        overview('LAST', { pay: '2024-05-14' }, 0.96),
        overview('LATE', { ex: '2024-05-15' }),
        overview('PAST', { ex: '2024-03-14' }),
        overview('MID', { ex: '2024-02-01', pay: '2024-04-01' }, null),
      ].map((o) => [o.symbol, o]),
    );
    const symbols = ['TODAY', 'LAST', 'LATE', 'PAST', 'MID', 'NO-OVERVIEW'];
    const result = upcomingDividends(
      symbols.map((s) => held(s)),
      overviews,
      REPORT_DATE,
    );
    expect(result.status).toBe('known');
    expect(result.horizonDays).toBe(60);
    expect(result.items.map((d) => d.symbol)).toEqual(['TODAY', 'MID', 'LAST']);
    expect(result.items[0]).toEqual({
      symbol: 'TODAY',
      name: 'TODAY',
      nameKo: null,
      exDividendDate: '2024-03-15',
      paymentDate: null,
      dividendPerShare: { amount: '0.24', currency: 'USD' },
      quantity: '10',
    });
    expect(result.items[1]!.dividendPerShare).toBeNull();
  });

  it('says "unknown" when no held symbol has an upcoming date', () => {
    const overviews = new Map([['PAST', overview('PAST', { ex: '2024-01-01' })]]);
    expect(upcomingDividends([held('PAST')], overviews, REPORT_DATE)).toEqual({
      status: 'unknown',
      horizonDays: 60,
      items: [],
    });
  });
});
