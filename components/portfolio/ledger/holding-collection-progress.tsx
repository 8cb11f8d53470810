'use client';

import { useTranslations } from 'use-intl';
import { useCollectionStatus } from '@/components/stocks/use-collection-status';
import { Badge } from '@/components/ui/badge';
import { Spinner } from '@/components/ui/spinner';
import { CheckIcon } from './ledger-icons';

const tones = {
  pending: 'neutral',
  running: 'info',
  complete: 'success',
  failed: 'danger',
} as const;
const order = ['quote', 'daily', 'weekly', 'overview', 'statements'] as const;

/**
 * A newly added stock's data collection, live (the stock page's progress, compact for a
 * dialog). Hidden when the stock's data was already there; says so when collection finishes.
 */
export function HoldingCollectionProgress({
  symbol,
  expectStart,
}: {
  symbol: string;
  /** The save started collection: show that it is starting even before the first dataset. */
  expectStart: boolean;
}) {
  const t = useTranslations();
  const status = useCollectionStatus(symbol);
  const states = [...(status.data ?? [])].sort(
    (a, b) => order.indexOf(a.dataset) - order.indexOf(b.dataset),
  );
  const unfinished = states.some((state) => state.status !== 'complete');
  if (!expectStart && !unfinished) return null;
  if (status.isPending) return null;

  const busy =
    states.length === 0 ||
    states.some((state) => state.status === 'pending' || state.status === 'running');

  return (
    <section
      aria-labelledby="holding-collection-title"
      data-testid="holding-collection"
      className="rounded-lg border border-border px-3 py-2.5"
    >
      <h3
        id="holding-collection-title"
        className="flex items-center gap-2 text-sm font-semibold"
        aria-live="polite"
      >
        {busy ? (
          <Spinner className="size-3.5" />
        ) : unfinished ? null : (
          <CheckIcon className="size-4 text-gain" />
        )}
        {busy
          ? t('ledger.add.collecting')
          : unfinished
            ? t('stocks.collection.titleFailed')
            : t('ledger.add.collected')}
      </h3>
      {unfinished && !busy ? (
        <p className="mt-1 text-xs text-muted">{t('ledger.add.collectFailed')}</p>
      ) : null}
      {states.length > 0 ? (
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-live="polite">
          {states.map((state) => (
            <li key={state.dataset}>
              <Badge tone={tones[state.status]} dot>
                {t(`stocks.collection.datasets.${state.dataset}`)} ·{' '}
                {t(`stocks.collection.statuses.${state.status}`)}
              </Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-xs text-muted">{t('ledger.add.collectingSoon')}</p>
      )}
    </section>
  );
}
