'use client';

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslations } from 'use-intl';
import { Card, CardBody } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { Market } from './market-format';
import { StockTable } from './stock-table';
import type { MarketRow } from './types';
import { useMarketFormat } from './use-market-format';

const MARKETS: Market[] = ['KR', 'US'];

/**
 * Major stocks per market behind Korea / US tabs (WAI-ARIA tabs: arrow keys move between them).
 * Only the visible market's rows subscribe to live ticks.
 */
export function MajorStocksCard({ major }: { major: Record<Market, MarketRow[]> }) {
  const t = useTranslations('markets');
  const fmt = useMarketFormat();
  const id = useId();
  const [selected, setSelected] = useState<Market>(major.KR.length > 0 ? 'KR' : 'US');
  const tabRefs = useRef<Record<Market, HTMLButtonElement | null>>({ KR: null, US: null });
  const rows = major[selected];
  const latest = rows.reduce((max, row) => Math.max(max, row.asOf), 0);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = MARKETS.indexOf(selected);
    const next =
      event.key === 'ArrowRight'
        ? MARKETS[(index + 1) % MARKETS.length]
        : event.key === 'ArrowLeft'
          ? MARKETS[(index + MARKETS.length - 1) % MARKETS.length]
          : event.key === 'Home'
            ? MARKETS[0]
            : event.key === 'End'
              ? MARKETS[MARKETS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    setSelected(next);
    tabRefs.current[next]?.focus();
  }

  return (
    <Card aria-labelledby={`${id}-title`}>
      {/* The title keeps a minimum width, so on a phone the tabs wrap below it. */}
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-border px-5 py-4">
        <div className="min-w-48 flex-1">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {t('major.title')}
          </h2>
          {latest > 0 ? (
            <p className="mt-1 text-sm text-muted">
              {t('asOf', { time: fmt.asOf(selected, latest), zone: t(`zone.${selected}`) })}
            </p>
          ) : null}
        </div>
        <div
          role="tablist"
          aria-label={t('major.tabsLabel')}
          onKeyDown={onKeyDown}
          className="inline-flex rounded-lg border border-border bg-surface p-0.5"
        >
          {MARKETS.map((market) => {
            const active = market === selected;
            return (
              <button
                key={market}
                ref={(element) => {
                  tabRefs.current[market] = element;
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${market}`}
                aria-selected={active}
                aria-controls={`${id}-panel`}
                tabIndex={active ? 0 : -1}
                onClick={() => setSelected(market)}
                className={cn(
                  'h-8 rounded-md px-3 text-sm font-medium transition-colors',
                  active ? 'bg-accent-subtle text-accent' : 'text-muted hover:text-foreground',
                )}
              >
                {t(`marketName.${market}`)}
                <span className="ml-1.5 text-xs text-muted tabular-nums">
                  {major[market].length}
                </span>
              </button>
            );
          })}
        </div>
      </header>
      <CardBody
        id={`${id}-panel`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-${selected}`}
        className="py-2"
      >
        {rows.length > 0 ? (
          <StockTable
            key={selected}
            rows={rows}
            caption={t('major.caption', { market: t(`marketName.${selected}`) })}
          />
        ) : (
          <p className="py-6 text-center text-sm text-muted">{t('major.empty')}</p>
        )}
      </CardBody>
    </Card>
  );
}
