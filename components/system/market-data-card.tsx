'use client';

import type { ReactNode } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { MarketDataHealth } from '@/server/system/health';
import { RelativeTime } from './relative-time';

type Props = { marketData: MarketDataHealth };

const breakerTone = { closed: 'success', 'half-open': 'warning', open: 'danger' } as const;
const collectorTone = {
  running: 'success',
  starting: 'info',
  reconnecting: 'warning',
  stopped: 'neutral',
  gone: 'danger',
} as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 font-medium break-words">{children}</dd>
    </>
  );
}

/** Providers per market, circuit breakers of the real providers, and the live tick collectors. */
export function MarketDataCard({ marketData }: Props) {
  const t = useTranslations('system.marketData');
  const format = useFormatter();
  const providerName = (id: string | null) => (id ? t(`provider.${id as 'demo'}`) : '—');
  return (
    <Card aria-labelledby="market-data-title" className="lg:col-span-2">
      <CardHeader
        titleId="market-data-title"
        title={t('title')}
        actions={
          <Badge tone={marketData.ok ? 'success' : 'danger'} dot>
            {marketData.ok ? t('ok') : t('problem')}
          </Badge>
        }
      />
      <CardBody className="flex flex-col gap-4">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <Row label={t('providerKR')}>{providerName(marketData.providers.KR)}</Row>
          <Row label={t('providerUS')}>{providerName(marketData.providers.US)}</Row>
          {marketData.breakers.map((breaker) => (
            <Row key={breaker.provider} label={t('breaker', { provider: breaker.provider })}>
              <Badge tone={breakerTone[breaker.state]} dot>
                {t(`breakerState.${breaker.state}`)}
              </Badge>
            </Row>
          ))}
        </dl>
        <div>
          <h3 className="mb-2 text-sm font-semibold">{t('collectors')}</h3>
          {marketData.collectors.length === 0 ? (
            <p className="text-sm text-muted">{t('noCollectors')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[640px] text-left text-sm" data-testid="collectors">
                <thead className="text-xs text-muted">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      {t('collector')}
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      {t('state')}
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right font-medium">
                      {t('symbols')}
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right font-medium">
                      {t('ticksPerSecond')}
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right font-medium">
                      {t('totalTicks')}
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right font-medium">
                      {t('buffer')}
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      {t('lastFlush')}
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right font-medium">
                      {t('lag')}
                    </th>
                    <th scope="col" className="py-1 text-right font-medium">
                      {t('reconnects')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {marketData.collectors.map((collector) => (
                    <tr key={collector.id} className="border-t border-border">
                      <td className="py-1.5 pr-3 font-mono text-xs">{collector.id}</td>
                      <td className="py-1.5 pr-3">
                        <Badge tone={collectorTone[collector.state]} dot>
                          {t(`collectorState.${collector.state}`)}
                        </Badge>
                      </td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{collector.symbols}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">
                        {format.number(collector.ticksPerSecond, { maximumFractionDigits: 1 })}
                      </td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">
                        {format.number(collector.totalTicks)}
                      </td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">
                        {format.number(collector.bufferFill)}
                      </td>
                      <td className="py-1.5 pr-3">
                        {collector.lastFlushAt ? (
                          <>
                            <RelativeTime date={collector.lastFlushAt} />
                            {collector.lastFlushMs !== null
                              ? ` · ${t('ms', { ms: collector.lastFlushMs })}`
                              : null}
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">
                        {collector.lagMs === null ? '—' : t('ms', { ms: collector.lagMs })}
                      </td>
                      <td className="py-1.5 text-right tabular-nums">{collector.reconnects}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
