'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'use-intl';
import { useStrategyName } from '@/components/analysis/backtests/strategy-name';
import { useSignalReason } from '@/components/analysis/signals/signal-reason';
import { displayName } from '@/components/markets/display-name';
import { priceToneClasses } from '@/components/stocks/price-colors';
import { stockHref } from '@/components/stocks/search/stock-href';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { ReportEngineSignal } from './types';
import { useReportFormat } from './use-report-format';

function groupBySymbol(signals: ReportEngineSignal[]) {
  const groups = new Map<string, ReportEngineSignal[]>();
  for (const s of signals) groups.set(s.symbol, [...(groups.get(s.symbol) ?? []), s]);
  return [...groups.values()];
}

/** The engine's BUY/SELL calls on each holding's latest bar, grouped by stock, with reasons. */
export function EngineSignalsCard({ signals }: { signals: ReportEngineSignal[] }) {
  const t = useTranslations('reports.signals');
  const tActions = useTranslations('analysis.actions');
  const locale = useLocale();
  const tones = priceToneClasses(locale);
  const fmt = useReportFormat();
  const strategyName = useStrategyName();
  const reasonOf = useSignalReason();
  return (
    <Card aria-labelledby="report-signals-title" data-testid="report-signals">
      <CardHeader
        titleId="report-signals-title"
        title={t('title')}
        description={t('description')}
      />
      {signals.length === 0 ? (
        <CardBody>
          <p className="text-sm text-muted">{t('empty')}</p>
        </CardBody>
      ) : (
        <div className="divide-y divide-border">
          {groupBySymbol(signals).map((group) => {
            const first = group[0]!;
            return (
              <section
                key={first.symbol}
                aria-label={displayName(first, locale)}
                className="px-5 py-3"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <Link
                    href={stockHref(first.symbol)}
                    className="text-sm font-medium hover:underline"
                  >
                    {displayName(first, locale)}{' '}
                    <span className="font-mono text-xs text-muted">{first.symbol}</span>
                  </Link>
                  <span className="text-xs text-muted">
                    {t('barOf', { date: fmt.date(first.barDate) })}
                  </span>
                </div>
                <ul className="mt-2 flex flex-col gap-2">
                  {group.map((s) => (
                    <li key={s.strategy} data-testid="report-signal" className="flex gap-3">
                      <span
                        className={cn(
                          'inline-flex h-6 min-w-12 shrink-0 items-center justify-center rounded-full border border-current/30 px-2 text-xs font-semibold',
                          s.action === 'BUY' ? tones.up : tones.down,
                        )}
                        title={t('confidence', { value: fmt.percent(s.confidence) })}
                      >
                        {tActions(s.action)}
                      </span>
                      <span className="min-w-0 text-sm">
                        <span className="font-medium">
                          {strategyName(s.strategy, s.strategyName)}
                        </span>
                        <span className="block text-muted">{reasonOf(s)}</span>
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </Card>
  );
}
