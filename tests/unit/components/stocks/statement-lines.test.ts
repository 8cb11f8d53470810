import { describe, expect, it } from 'vitest';
import { overviewMetricRows } from '@/components/stocks/overview-metrics';
import { priceFormatOptions } from '@/components/stocks/price-format';
import { statementChartData, statementTable } from '@/components/stocks/statement-lines';

const statements: { fiscalDateEnding: string; lines: Record<string, string | null> }[] = [
  { fiscalDateEnding: '2022-12-31', lines: { totalRevenue: '100', netIncome: '10', custom: '1' } },
  { fiscalDateEnding: '2023-12-31', lines: { totalRevenue: '120', netIncome: null } },
];

describe('statement lines', () => {
  it('lists the main lines in order, newest period first, unknown keys left out', () => {
    const table = statementTable(statements, 'income');
    expect(table.periods).toEqual(['2023-12-31', '2022-12-31']);
    expect(table.rows).toEqual([
      { key: 'totalRevenue', values: [120, 100] },
      { key: 'netIncome', values: [null, 10] },
    ]);
  });

  it('omits lines no period reports', () => {
    expect(statementTable(statements, 'balance').rows).toEqual([]);
  });

  it('charts the key pair oldest first', () => {
    expect(statementChartData(statements, 'income')).toEqual([
      { period: '2022-12-31', totalRevenue: 100, netIncome: 10 },
      { period: '2023-12-31', totalRevenue: 120, netIncome: null },
    ]);
  });
});

describe('overview metrics', () => {
  it('keeps missing metrics as null and builds the 52-week range only from both ends', () => {
    const rows = overviewMetricRows({ peRatio: 12.5, week52High: 90, week52Low: null });
    expect(rows.find((row) => row.key === 'peRatio')?.value).toBe(12.5);
    expect(rows.find((row) => row.key === 'marketCap')?.value).toBeNull();
    expect(rows.find((row) => row.key === 'week52Range')?.value).toBeNull();
    const ranged = overviewMetricRows({ week52High: 90, week52Low: 60 });
    expect(ranged.find((row) => row.key === 'week52Range')?.value).toEqual({ low: 60, high: 90 });
  });
});

describe('price formats', () => {
  it('shows KRW in whole won, USD in cents and index levels as points', () => {
    expect(
      new Intl.NumberFormat('en', priceFormatOptions('KRW') as Intl.NumberFormatOptions).format(
        70123.4,
      ),
    ).toBe('₩70,123');
    expect(
      new Intl.NumberFormat('en', priceFormatOptions('USD') as Intl.NumberFormatOptions).format(
        189.5,
      ),
    ).toBe('$189.50');
    expect(
      new Intl.NumberFormat(
        'en',
        priceFormatOptions('KRW', 'index') as Intl.NumberFormatOptions,
      ).format(2650.1),
    ).toBe('2,650.10');
  });
});
