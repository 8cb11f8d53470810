'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { priceTone } from '@/components/stocks/price-colors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { TrashIcon } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import type { BacktestRunSummary } from '../types';
import { useStrategyName } from './strategy-name';
import { useBacktestFormat } from './use-backtest-format';

const statusTone = {
  queued: 'neutral',
  running: 'info',
  complete: 'success',
  failed: 'danger',
} as const;

function paramsText(params: Record<string, number>): string {
  return Object.values(params).join(', ');
}

/** The user's saved runs, newest first: open one, tick several to compare, delete. */
export function SavedRuns({
  selectedId,
  onSelect,
  compared,
  onToggleCompare,
  liveProgress,
}: {
  selectedId: string | null;
  onSelect: (id: string) => void;
  compared: readonly string[];
  onToggleCompare: (id: string) => void;
  liveProgress: Record<string, number>;
}) {
  const t = useTranslations('analysis.backtests.runs');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const fmt = useBacktestFormat();
  const strategyName = useStrategyName();
  const runs = useQuery(
    trpc.indicators.backtestRuns.queryOptions(undefined, {
      // Polls only while something is unfinished (covers a realtime outage).
      refetchInterval: (query) =>
        query.state.data?.some((run) => run.status === 'queued' || run.status === 'running')
          ? 3_000
          : false,
    }),
  );
  const remove = useMutation(
    trpc.indicators.deleteBacktestRun.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.indicators.backtestRuns.queryFilter()),
    }),
  );

  const label = (run: BacktestRunSummary) =>
    `${run.symbol} ${strategyName(run.strategy)} (${paramsText(run.params)})`;

  return (
    <Card aria-labelledby="saved-runs-title">
      <CardHeader titleId="saved-runs-title" title={t('title')} description={t('description')} />
      <CardBody>
        {runs.isPending ? (
          <div role="status" className="flex flex-col gap-2">
            <span className="sr-only">{t('loading')}</span>
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-full" />
          </div>
        ) : runs.isError ? (
          <div className="flex flex-col items-start gap-2">
            <Alert>
              {t('loadFailed')} {describeError(runs.error)}
            </Alert>
            <Button variant="secondary" size="sm" onClick={() => void runs.refetch()}>
              {t('retry')}
            </Button>
          </div>
        ) : runs.data.length === 0 ? (
          <p className="text-sm text-muted">{t('empty')}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-border" data-testid="saved-runs">
            {runs.data.map((run) => {
              const selected = run.id === selectedId;
              const progress = liveProgress[run.id] ?? run.progress;
              return (
                <li
                  key={run.id}
                  data-run-id={run.id}
                  className={cn(
                    'flex items-center gap-3 py-2.5',
                    selected && 'bg-accent-subtle/40',
                  )}
                >
                  <input
                    type="checkbox"
                    aria-label={t('compare', { label: label(run) })}
                    checked={compared.includes(run.id)}
                    disabled={run.status !== 'complete'}
                    onChange={() => onToggleCompare(run.id)}
                    className="size-4 shrink-0"
                  />
                  <button
                    type="button"
                    onClick={() => onSelect(run.id)}
                    aria-current={selected || undefined}
                    className="flex min-w-0 flex-1 flex-col items-start gap-0.5 rounded-md text-left focus-visible:outline-2 focus-visible:outline-accent"
                  >
                    <span className="flex w-full flex-wrap items-center gap-2">
                      <span className="font-medium">{run.symbol}</span>
                      <span className="truncate text-sm">{strategyName(run.strategy)}</span>
                      <Badge tone={statusTone[run.status]} dot>
                        {t(`status.${run.status}`)}
                        {run.status === 'running' ? ` ${Math.round(progress * 100)}%` : ''}
                      </Badge>
                    </span>
                    <span className="flex flex-wrap gap-x-3 text-xs text-muted">
                      <span>{paramsText(run.params)}</span>
                      <span>{fmt.dateTime(new Date(run.createdAt))}</span>
                      {run.metrics ? (
                        <span className={priceTone(run.metrics.totalReturn, locale)}>
                          {t('return', { value: fmt.percent(run.metrics.totalReturn, true) })}
                        </span>
                      ) : null}
                    </span>
                  </button>
                  <Button
                    variant="ghost"
                    size="icon"
                    aria-label={t('deleteLabel', { label: label(run) })}
                    title={t('delete')}
                    pending={remove.isPending && remove.variables?.id === run.id}
                    onClick={() => remove.mutate({ id: run.id })}
                  >
                    <TrashIcon className="size-4" />
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
