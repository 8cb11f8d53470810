import { describe, expect, it } from 'vitest';
import type { DailyReportContent } from '@/server/alerts/reports/content';
import { portfolioFigures, previousValue } from '@/server/alerts/reports/portfolio-figures';
import type { SummaryDto } from '@/server/portfolio/analytics-dto';

const summary = (fields: Partial<SummaryDto>): SummaryDto =>
  ({
    asOf: '2024-03-15',
    currency: 'KRW',
    totalValue: '1000000.10',
    dayChange: '-2500.05',
    dayChangeRate: -0.0025,
    accounts: 2,
    ...fields,
  }) as SummaryDto;

const reportWorth = (amount: string, currency: 'KRW' | 'USD') =>
  ({ portfolio: { totalValue: { amount, currency } } }) as DailyReportContent;

const history = {
  currency: 'KRW' as const,
  points: [
    { date: '2024-03-13', value: '990000', invested: '0', cash: '0', netFlow: '0' },
    { date: '2024-03-14', value: '995000', invested: '0', cash: '0', netFlow: '0' },
    { date: '2024-03-15', value: '1000000.10', invested: '0', cash: '0', netFlow: '0' },
  ],
};

describe('previousValue', () => {
  it('prefers the previous report in the same currency', () => {
    expect(
      previousValue(
        'KRW',
        '2024-03-15',
        { date: '2024-03-12', content: reportWorth('900000', 'KRW') },
        history,
      ),
    ).toEqual({
      basis: 'report',
      date: '2024-03-12',
      value: { amount: '900000', currency: 'KRW' },
    });
  });

  it('falls back to the last snapshot before the valuation date', () => {
    const fromOtherCurrency = previousValue(
      'KRW',
      '2024-03-15',
      { date: '2024-03-12', content: reportWorth('700', 'USD') },
      history,
    );
    expect(fromOtherCurrency).toEqual({
      basis: 'snapshot',
      date: '2024-03-14',
      value: { amount: '995000', currency: 'KRW' },
    });
    expect(previousValue('KRW', '2024-03-15', null, history)?.date).toBe('2024-03-14');
    expect(previousValue('KRW', '2024-03-13', null, history)).toBeNull();
    expect(previousValue('USD', '2024-03-15', null, history)).toBeNull();
  });
});

describe('portfolioFigures', () => {
  it('carries the summary as money with its currency and the exact change since before', () => {
    const figures = portfolioFigures(summary({}), 4, {
      basis: 'snapshot',
      date: '2024-03-14',
      value: { amount: '995000.30', currency: 'KRW' },
    });
    expect(figures).toEqual({
      totalValue: { amount: '1000000.10', currency: 'KRW' },
      dayChange: { amount: '-2500.05', currency: 'KRW' },
      dayChangeRate: -0.0025,
      sincePrevious: {
        basis: 'snapshot',
        date: '2024-03-14',
        previousValue: { amount: '995000.30', currency: 'KRW' },
        change: { amount: '4999.8', currency: 'KRW' },
        rate: 4999.8 / 995000.3,
      },
      accounts: 2,
      holdings: 4,
    });
  });

  it('has no rate against a zero previous value and no change without one', () => {
    const zero = portfolioFigures(summary({ dayChange: null, dayChangeRate: null }), 0, {
      basis: 'report',
      date: '2024-03-14',
      value: { amount: '0', currency: 'KRW' },
    });
    expect(zero.dayChange).toBeNull();
    expect(zero.sincePrevious).toMatchObject({ rate: null, change: { amount: '1000000.1' } });
    expect(portfolioFigures(summary({}), 0, null).sincePrevious).toBeNull();
  });
});
