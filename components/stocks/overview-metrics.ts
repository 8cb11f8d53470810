/**
 * Which overview metrics the stock page lists, in order, and how each is formatted. Provider
 * ratios (dividend yield, margins) arrive as fractions (0.0213 = 2.13%).
 */

export type OverviewMetrics = Partial<Record<string, number | null>>;

export type MetricKey =
  | 'marketCap'
  | 'peRatio'
  | 'eps'
  | 'dividendYield'
  | 'movingAverage50'
  | 'movingAverage200'
  | 'beta';

export type MetricRow =
  | { key: MetricKey; kind: 'money' | 'compactMoney' | 'ratio' | 'percent'; value: number | null }
  | { key: 'week52Range'; kind: 'range'; value: { low: number; high: number } | null };

const valueOf = (metrics: OverviewMetrics, key: string): number | null => {
  const value = metrics[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** The rows to show; missing values stay in the list as null (rendered "—"). */
export function overviewMetricRows(metrics: OverviewMetrics): MetricRow[] {
  const low = valueOf(metrics, 'week52Low');
  const high = valueOf(metrics, 'week52High');
  return [
    { key: 'marketCap', kind: 'compactMoney', value: valueOf(metrics, 'marketCap') },
    { key: 'peRatio', kind: 'ratio', value: valueOf(metrics, 'peRatio') },
    { key: 'eps', kind: 'money', value: valueOf(metrics, 'eps') },
    { key: 'dividendYield', kind: 'percent', value: valueOf(metrics, 'dividendYield') },
    {
      key: 'week52Range',
      kind: 'range',
      value: low !== null && high !== null ? { low, high } : null,
    },
    { key: 'movingAverage50', kind: 'money', value: valueOf(metrics, 'movingAverage50') },
    { key: 'movingAverage200', kind: 'money', value: valueOf(metrics, 'movingAverage200') },
    { key: 'beta', kind: 'ratio', value: valueOf(metrics, 'beta') },
  ];
}
