'use client';

import { useLocale } from 'use-intl';
import { cn } from '@/components/ui/cn';
import { priceArrow, priceTone } from '@/components/stocks/price-colors';
import type { PriceKind } from '@/components/stocks/price-format';
import { useMarketFormat } from './use-market-format';

/** "▲ +1,200 (+1.52%)" in the locale's up/down colour; the arrow also helps colour-blind readers. */
export function PriceChange({
  change,
  changePercent,
  currency,
  kind,
  showAmount = true,
  className,
}: {
  change: number | null;
  changePercent: number | null;
  currency: string;
  kind: PriceKind;
  showAmount?: boolean;
  className?: string;
}) {
  const locale = useLocale();
  const fmt = useMarketFormat();
  const direction = change ?? changePercent;
  const arrow = priceArrow(direction);
  return (
    <span className={cn('tabular-nums', priceTone(direction, locale), className)}>
      {arrow ? (
        <span aria-hidden="true" className="mr-1 text-[0.7em]">
          {arrow}
        </span>
      ) : null}
      {showAmount ? (
        <>
          {fmt.change(change, { currency, kind })}{' '}
          <span className="whitespace-nowrap">({fmt.percent(changePercent)})</span>
        </>
      ) : (
        fmt.percent(changePercent)
      )}
    </span>
  );
}
