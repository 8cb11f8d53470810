'use client';

import { useFormatter, useTranslations } from 'use-intl';
import { Alert } from '@/components/ui/alert';

/** A labelled progress bar for a queued or running backtest, or its failure reason. */
export function BacktestProgress({
  status,
  progress,
  error,
}: {
  status: 'queued' | 'running' | 'complete' | 'failed';
  progress: number;
  error: string | null;
}) {
  const t = useTranslations('analysis.backtests.progress');
  const format = useFormatter();
  if (status === 'failed') return <Alert>{t('failed', { reason: error ?? '' })}</Alert>;
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  const text =
    status === 'queued'
      ? t('queued')
      : t('running', { percent: format.number(percent / 100, { style: 'percent' }) });
  return (
    <div className="flex flex-col gap-2" data-testid="backtest-progress">
      <div className="flex items-center justify-between text-sm">
        <span aria-live="polite">{text}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t('label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className="h-2.5 w-full overflow-hidden rounded-full bg-surface-muted"
      >
        <div
          className="h-full rounded-full bg-accent transition-[width] duration-300"
          style={{ width: `${Math.max(percent, status === 'queued' ? 3 : 5)}%` }}
        />
      </div>
    </div>
  );
}
