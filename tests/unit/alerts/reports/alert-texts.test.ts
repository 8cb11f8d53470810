import { describe, expect, it } from 'vitest';
import { reportAlertTexts } from '@/server/alerts/reports/alert-texts';
import type { ReportFiredAlert } from '@/server/alerts/reports/content';

const alert = (fields: Partial<ReportFiredAlert>): ReportFiredAlert => ({
  id: 'n1',
  kind: 'price-above',
  severity: 'warning',
  symbol: 'AAPL',
  messageKey: 'alertRules.fired.priceAbove',
  messageValues: { symbol: 'AAPL', price: '191.5', threshold: '190', currency: 'USD' },
  link: '/stocks/AAPL',
  createdAt: '2024-03-15T00:00:00.000Z',
  ...fields,
});

describe('reportAlertTexts', () => {
  it('renders alerts as the notification centre does, in the reader’s language', () => {
    const en = reportAlertTexts('en', [alert({})]).n1!;
    expect(en.text).toContain('$191.50');
    expect(en.title).not.toBe(en.text);
    const ko = reportAlertTexts('ko', [alert({})]).n1!;
    expect(ko.text).not.toBe(en.text);
  });

  it('gives null for a message key this version does not know', () => {
    expect(
      reportAlertTexts('en', [alert({ id: 'x', messageKey: 'alertRules.fired.nope' })]),
    ).toEqual({ x: null });
  });
});
