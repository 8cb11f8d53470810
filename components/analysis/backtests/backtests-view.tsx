'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { BacktestForm } from './backtest-form';
import { BacktestProgress } from './backtest-progress';
import { BacktestResult } from './backtest-result';
import { RunComparison } from './run-comparison';
import { SavedRuns } from './saved-runs';
import { useStrategyName } from './strategy-name';
import { useBacktestEvents } from './use-backtest-events';

/** The /backtests page: form, the selected run (progress, then result), saved runs, comparison. */
export function BacktestsView({ userId }: { userId: string }) {
  const t = useTranslations('analysis.backtests.result');
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const strategyName = useStrategyName();
  const liveProgress = useBacktestEvents(userId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [compared, setCompared] = useState<string[]>([]);

  const run = useQuery(
    trpc.indicators.backtestRun.queryOptions(
      { id: selectedId ?? '' },
      {
        enabled: selectedId !== null,
        refetchInterval: (query) =>
          query.state.data?.status === 'queued' || query.state.data?.status === 'running'
            ? 2_000
            : false,
      },
    ),
  );

  function toggleCompare(id: string) {
    setCompared((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  }

  const detail = run.data;
  return (
    <div className="flex flex-col gap-6">
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-5">
        <div className="min-w-0 lg:col-span-3">
          <BacktestForm onStarted={setSelectedId} />
        </div>
        <div className="min-w-0 lg:col-span-2">
          <SavedRuns
            selectedId={selectedId}
            onSelect={setSelectedId}
            compared={compared}
            onToggleCompare={toggleCompare}
            liveProgress={liveProgress}
          />
        </div>
      </div>

      <div aria-live="polite" className="min-w-0">
        {selectedId === null ? (
          <Card>
            <CardBody>
              <p className="text-sm text-muted">{t('empty')}</p>
            </CardBody>
          </Card>
        ) : run.isPending ? (
          <Card>
            <CardBody className="flex flex-col gap-3" role="status">
              <span className="sr-only">{t('loading')}</span>
              <BacktestProgress status="queued" progress={0} error={null} />
              <Skeleton className="h-64 w-full" />
            </CardBody>
          </Card>
        ) : run.isError ? (
          <Card>
            <CardBody className="flex flex-col items-start gap-2">
              <Alert>
                {t('loadFailed')} {describeError(run.error)}
              </Alert>
              <Button variant="secondary" size="sm" onClick={() => void run.refetch()}>
                {t('retry')}
              </Button>
            </CardBody>
          </Card>
        ) : detail && detail.status === 'complete' && detail.result ? (
          <BacktestResult result={detail.result} strategyName={strategyName(detail.strategy)} />
        ) : detail ? (
          <Card>
            <CardBody>
              <BacktestProgress
                status={detail.status}
                progress={Math.max(liveProgress[detail.id] ?? 0, detail.progress)}
                error={detail.error}
              />
            </CardBody>
          </Card>
        ) : null}
      </div>

      {compared.length > 0 ? (
        <RunComparison ids={compared} onClear={() => setCompared([])} />
      ) : null}
    </div>
  );
}
