'use client';

import { useFormatter, useTranslations } from 'use-intl';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { useCollectionStatus } from './use-collection-status';

const tones = {
  pending: 'neutral',
  running: 'info',
  complete: 'success',
  failed: 'danger',
} as const;
const order = ['overview', 'daily', 'weekly', 'statements', 'quote'] as const;

/**
 * Shown while any dataset of the stock is waiting, being collected or failed: status, rows so
 * far and the failure reason per dataset, updated live. Hidden once everything is complete.
 */
export function CollectionProgressCard({ symbol }: { symbol: string }) {
  const t = useTranslations('stocks.collection');
  const format = useFormatter();
  const status = useCollectionStatus(symbol);
  const states = [...(status.data ?? [])].sort(
    (a, b) => order.indexOf(a.dataset) - order.indexOf(b.dataset),
  );
  if (!states.some((state) => state.status !== 'complete')) return null;
  const busy = states.some((state) => state.status === 'pending' || state.status === 'running');

  return (
    <Card aria-labelledby="collection-title" data-testid="collection-progress" className="mb-6">
      <CardHeader
        titleId="collection-title"
        title={
          <span className="inline-flex items-center gap-2">
            {busy ? <Spinner /> : null}
            {busy ? t('titleRunning') : t('titleFailed')}
          </span>
        }
        description={busy ? t('descriptionRunning') : t('descriptionFailed')}
      />
      <CardBody>
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-live="polite">
          {states.map((state) => (
            <li key={state.dataset} className="rounded-lg border border-border px-3 py-2">
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm font-medium">{t(`datasets.${state.dataset}`)}</span>
                <Badge tone={tones[state.status]} dot>
                  {t(`statuses.${state.status}`)}
                </Badge>
              </div>
              <p className="mt-1 text-xs text-muted tabular-nums">
                {t('rows', { rows: format.number(state.rows) })}
              </p>
              {state.status === 'failed' && state.error ? (
                <p className="mt-1 text-xs break-words text-danger">{state.error}</p>
              ) : null}
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
