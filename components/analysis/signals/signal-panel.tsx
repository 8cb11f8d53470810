'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { priceToneClasses } from '@/components/stocks/price-colors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { useStrategyName } from '../backtests/strategy-name';
import { useSignalReason } from './signal-reason';

const FIRST_ROWS = 8;
const REFRESH_MS = 60_000;

type Action = 'BUY' | 'SELL' | 'HOLD';

function ActionBadge({ action, label }: { action: Action; label: string }) {
  const locale = useLocale();
  const tones = priceToneClasses(locale);
  return (
    <span
      className={cn(
        'inline-flex min-w-12 justify-center rounded-full border px-2 py-0.5 text-xs font-semibold',
        action === 'BUY' ? tones.up : action === 'SELL' ? tones.down : 'text-muted',
        'border-current/30',
      )}
    >
      {label}
    </span>
  );
}

/** Each strategy's call on the latest daily bar with its reason, and the composite score. */
export function SignalPanel({ symbol }: { symbol: string }) {
  const t = useTranslations('analysis');
  const format = useFormatter();
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const strategyName = useStrategyName();
  const reasonOf = useSignalReason();
  const [all, setAll] = useState(false);
  const query = useQuery(
    trpc.indicators.signals.queryOptions({ symbol }, { refetchInterval: REFRESH_MS }),
  );
  const data = query.data;
  const date = data?.date
    ? format.dateTime(new Date(`${data.date}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' })
    : '';
  const percent = (value: number) => format.number(value, { style: 'percent' });
  // Fresh BUY/SELL calls first, then the standing states.
  const signals = data
    ? [...data.signals].sort(
        (a, b) =>
          Number(b.action !== 'HOLD') - Number(a.action !== 'HOLD') || b.confidence - a.confidence,
      )
    : [];
  const shown = all ? signals : signals.slice(0, FIRST_ROWS);

  return (
    <Card aria-labelledby="signals-title" data-testid="signal-panel">
      <CardHeader
        titleId="signals-title"
        title={t('signals.title')}
        description={data?.date ? t('signals.description', { date }) : undefined}
      />
      <CardBody className="flex flex-col gap-3">
        {query.isPending ? (
          <div role="status" className="flex flex-col gap-2">
            <span className="sr-only">{t('signals.loading')}</span>
            <Skeleton className="h-14 w-full" />
            <Skeleton className="h-40 w-full" />
          </div>
        ) : query.isError ? (
          <div className="flex flex-col items-start gap-2">
            <Alert>
              {t('signals.loadFailed')} {describeError(query.error)}
            </Alert>
            <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
              {t('signals.retry')}
            </Button>
          </div>
        ) : !data || data.signals.length === 0 ? (
          <p className="text-sm text-muted">{t('signals.empty')}</p>
        ) : (
          <>
            <div
              className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-surface-muted px-3 py-2.5"
              data-testid="signal-composite"
            >
              <div className="flex items-center gap-2">
                <span className="text-sm font-semibold">{t('signals.composite')}</span>
                <ActionBadge
                  action={data.composite.action}
                  label={t(`actions.${data.composite.action}`)}
                />
                <span className="text-xs text-muted tabular-nums">
                  {t('signals.score', {
                    score: format.number(data.composite.score, {
                      maximumFractionDigits: 2,
                      signDisplay: 'exceptZero',
                    }),
                  })}
                </span>
              </div>
              <p className="text-xs text-muted">{reasonOf(data.composite)}</p>
            </div>
            <ul className="flex flex-col divide-y divide-border" aria-label={t('signals.title')}>
              {shown.map((signal) => (
                <li
                  key={signal.id}
                  data-strategy={signal.id}
                  className="flex items-start justify-between gap-3 py-2"
                >
                  <div className="min-w-0">
                    <p className="text-sm font-medium">{strategyName(signal.id, signal.name)}</p>
                    <p className="text-xs text-muted">{reasonOf(signal)}</p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-0.5">
                    <ActionBadge action={signal.action} label={t(`actions.${signal.action}`)} />
                    {signal.action !== 'HOLD' ? (
                      <span className="text-[11px] text-muted tabular-nums">
                        {t('signals.confidence', { value: percent(signal.confidence) })}
                      </span>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
            {signals.length > FIRST_ROWS ? (
              <Button
                variant="ghost"
                size="sm"
                className="self-start"
                aria-expanded={all}
                onClick={() => setAll(!all)}
              >
                {all ? t('signals.showFewer') : t('signals.showAll', { count: signals.length })}
              </Button>
            ) : null}
            {data.simulated ? (
              <p className="text-xs text-muted">{t('signals.simulatedNote')}</p>
            ) : null}
            <p className="text-xs text-muted">{t('signals.disclaimer')}</p>
          </>
        )}
      </CardBody>
    </Card>
  );
}
