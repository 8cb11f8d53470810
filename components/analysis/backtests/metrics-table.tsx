'use client';

import { useTranslations } from 'use-intl';
import type { BacktestMetrics } from '../types';
import { metricRows } from './metric-rows';
import { useBacktestFormat } from './use-backtest-format';

/** Every metric of one run as a definition list in two columns on wide screens. */
export function MetricsTable({
  metrics,
  currency,
  signalSuccess,
}: {
  metrics: BacktestMetrics;
  currency: string;
  signalSuccess: { horizon: number; rate: number | null } | null;
}) {
  const t = useTranslations('analysis.backtests.metrics');
  const fmt = useBacktestFormat();
  const rows = metricRows(fmt, currency, { bars: (count) => t('bars', { count }) });
  return (
    <dl className="grid grid-cols-1 gap-x-8 text-sm sm:grid-cols-2" data-testid="backtest-metrics">
      {rows.map((row) => (
        <div
          key={row.key}
          className="flex items-baseline justify-between gap-3 border-b border-border py-1.5"
        >
          <dt className="text-muted">{t(row.key)}</dt>
          <dd className="font-medium tabular-nums" data-metric={row.key}>
            {row.value(metrics)}
          </dd>
        </div>
      ))}
      {signalSuccess ? (
        <div className="flex items-baseline justify-between gap-3 border-b border-border py-1.5">
          <dt className="text-muted">{t('signalSuccess', { horizon: signalSuccess.horizon })}</dt>
          <dd className="font-medium tabular-nums">{fmt.percent(signalSuccess.rate)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
