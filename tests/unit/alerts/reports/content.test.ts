import { describe, expect, it } from 'vitest';
import { parseReportContent, type DailyReportContent } from '@/server/alerts/reports/content';
import { messageValuesOf } from '@/server/alerts/reports/fired-alerts';

const minimal: DailyReportContent = {
  version: 1,
  date: '2024-03-15',
  generatedAt: '2024-03-15T00:00:00.000Z',
  currency: 'KRW',
  portfolio: {
    totalValue: { amount: '0', currency: 'KRW' },
    dayChange: null,
    dayChangeRate: null,
    sincePrevious: null,
    accounts: 0,
    holdings: 0,
  },
  best: [],
  worst: [],
  alerts: {
    from: '2024-03-14T00:00:00.000Z',
    to: '2024-03-15T00:00:00.000Z',
    total: 0,
    bySeverity: { info: 0, warning: 0, critical: 0 },
    latest: [],
  },
  signals: [],
  dividends: { status: 'unknown', horizonDays: 60, items: [] },
  strategies: { source: 'default', horizon: 5, bars: 252, items: [] },
};

describe('parseReportContent', () => {
  it('reads back what JSON stored', () => {
    expect(parseReportContent(JSON.parse(JSON.stringify(minimal)))).toEqual(minimal);
  });

  it('rejects content that is not exact money or of another version', () => {
    const floatMoney = {
      ...minimal,
      portfolio: { ...minimal.portfolio, totalValue: { amount: 1.5, currency: 'KRW' } },
    };
    expect(() => parseReportContent(floatMoney)).toThrow(/portfolio\.totalValue\.amount/);
    expect(() => parseReportContent({ ...minimal, version: 2 })).toThrow(/version/);
  });
});

describe('messageValuesOf', () => {
  it('keeps strings and numbers and turns anything else into text', () => {
    expect(
      messageValuesOf({ symbol: 'AAPL', price: 190.5, up: true, none: null, nested: { a: 1 } }),
    ).toEqual({ symbol: 'AAPL', price: 190.5, up: 'true', nested: '{"a":1}' });
    expect(messageValuesOf(['x'])).toEqual({});
    expect(messageValuesOf(null)).toEqual({});
  });
});
