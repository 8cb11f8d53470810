'use client';

import { useLocale, useTranslations } from 'use-intl';
import { cn } from '@/components/ui/cn';
import { HighlightedText } from './highlighted-text';
import type { StockSearchMatch } from './use-stock-search';

/**
 * One result: the name in the reader's language first, the other language below, then symbol and
 * exchange. Clicks are handled by the listbox (the input keeps focus; see StockSearch).
 */
export function SearchOption({
  id,
  match,
  query,
  active,
  onChoose,
  onHover,
}: {
  id: string;
  match: StockSearchMatch;
  query: string;
  active: boolean;
  onChoose: () => void;
  onHover: () => void;
}) {
  const t = useTranslations('markets.search');
  const locale = useLocale();
  const primary = locale === 'ko' ? (match.nameKo ?? match.name) : match.name;
  const secondary = locale === 'ko' ? match.name : match.nameKo;
  const kindLabel = match.kind === 'stock' ? null : t(`kind.${match.kind}`);
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      data-symbol={match.symbol}
      // Keep focus in the input: the click must not blur it before it lands.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
      onMouseMove={active ? undefined : onHover}
      className={cn(
        'flex cursor-pointer items-center gap-3 rounded-lg px-3 py-2',
        active ? 'bg-surface-muted' : 'hover:bg-surface-muted/60',
      )}
    >
      <div className="min-w-0 flex-1">
        <p
          className="truncate text-sm font-medium"
          lang={locale === 'ko' && match.nameKo ? 'ko' : 'en'}
        >
          <HighlightedText text={primary} query={query} />
        </p>
        {secondary && secondary !== primary ? (
          <p className="truncate text-xs text-muted" lang={locale === 'ko' ? 'en' : 'ko'}>
            <HighlightedText text={secondary} query={query} />
          </p>
        ) : null}
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1">
        <span className="font-mono text-xs tabular-nums">
          <HighlightedText text={match.symbol} query={query} />
        </span>
        <span className="flex gap-1">
          {kindLabel ? (
            <span className="rounded-full bg-accent-subtle px-1.5 text-[11px] leading-4 font-medium text-accent">
              {kindLabel}
            </span>
          ) : null}
          <span className="rounded-full border border-border px-1.5 text-[11px] leading-4 font-medium text-muted">
            {match.kind === 'index' ? t(`market.${match.market}`) : match.exchange}
          </span>
        </span>
      </div>
    </li>
  );
}
