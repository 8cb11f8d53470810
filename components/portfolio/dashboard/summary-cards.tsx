'use client';

import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { priceArrow, priceTone } from '@/components/stocks/price-colors';
import { useThrottledValue } from '@/components/stocks/use-throttled-value';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';
import { dec } from './decimal';
import { FigureCard } from './figure';
import type { LiveSummary } from './live-holdings';
import { MethodNote } from './method-note';
import { useMethodText } from './method-text';
import type { SummaryDto } from './types';
import { usePortfolioFormat } from './use-portfolio-format';

/** Keeps an amount on one line inside a sentence (`<num>` in the catalogue). */
const num = (chunks: ReactNode) => <span className="whitespace-nowrap">{chunks}</span>;

/** Screen readers hear the live total at most this often. */
const ANNOUNCE_EVERY_MS = 30_000;

/** A signed amount and rate in the locale's up/down colour, with an arrow for colour-blind readers. */
export function SignedChange({
  amount,
  rate,
  currency,
  showArrow = true,
  className,
}: {
  amount: string | null;
  rate: number | null;
  currency: string;
  /** Off where the rate beside it already carries the arrow. */
  showArrow?: boolean;
  className?: string;
}) {
  const locale = useLocale();
  const fmt = usePortfolioFormat();
  const direction = amount !== null ? dec(amount).toNumber() : rate;
  const arrow = showArrow ? priceArrow(direction) : '';
  return (
    <span className={cn('tabular-nums', priceTone(direction, locale), className)}>
      {arrow ? (
        <span aria-hidden="true" className="mr-1 text-[0.7em]">
          {arrow}
        </span>
      ) : null}
      {amount !== null ? (
        <span className="whitespace-nowrap">{fmt.signedMoney(amount, currency)}</span>
      ) : null}
      {rate !== null ? (
        <span className="ml-1.5 whitespace-nowrap">
          {amount !== null ? `(${fmt.percent(rate, true)})` : fmt.percent(rate, true)}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Total value, day change, total return (method shown), cash, unrealized and realized P&L. The
 * price-driven figures come from `live` (the summary moved by the holdings' live prices).
 */
export function SummaryCards({ summary, live }: { summary: SummaryDto; live: LiveSummary }) {
  const t = useTranslations('portfolio.summary');
  const fmt = usePortfolioFormat();
  const methods = useMethodText();
  const currency = summary.currency;
  const total = fmt.money(live.totalValue, currency);
  const announced = useThrottledValue(total, ANNOUNCE_EVERY_MS);
  const method = methods.totalReturn(summary.totalReturn.method, summary.totalReturn.description);
  const currencyEffect = dec(summary.currencyEffect);

  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3">
      <FigureCard
        testId="summary-total-value"
        className="col-span-2 lg:col-span-1"
        label={t('totalValue')}
        value={
          <span
            data-testid="total-value"
            data-value={live.totalValue}
            className="text-2xl whitespace-nowrap sm:text-3xl"
          >
            {total}
          </span>
        }
      >
        <span>{t('asOf', { date: fmt.date(summary.asOf) })}</span>
        {summary.fx ? (
          <span className="flex flex-wrap items-center gap-1.5">
            {t('fxNote', {
              pair: summary.fx.pair,
              rate: fmt.rate(summary.fx.rate),
              date: fmt.date(summary.fx.date),
            })}
            {summary.fx.quality === 'illustrative' ? (
              <Badge tone="warning" data-testid="fx-illustrative">
                {t('illustrative')}
              </Badge>
            ) : null}
          </span>
        ) : null}
        {summary.fx?.quality === 'illustrative' ? <span>{t('illustrativeHint')}</span> : null}
        {summary.unpricedSymbols.length > 0 ? (
          <span>{t('unpriced', { symbols: summary.unpricedSymbols.join(', ') })}</span>
        ) : null}
        <span className="sr-only" role="status" aria-live="polite">
          {announced ? t('announce', { value: announced }) : ''}
        </span>
      </FigureCard>

      <FigureCard
        testId="summary-day-change"
        label={t('dayChange')}
        value={
          live.dayChange === null ? (
            fmt.money(null, currency)
          ) : (
            <SignedChange
              amount={live.dayChange}
              rate={null}
              currency={currency}
              showArrow={false}
            />
          )
        }
      >
        <SignedChange amount={null} rate={live.dayChangeRate} currency={currency} />
      </FigureCard>

      <FigureCard
        testId="summary-total-return"
        label={t('totalReturn')}
        value={
          <SignedChange
            amount={live.totalReturn.amount}
            rate={null}
            currency={currency}
            showArrow={false}
          />
        }
      >
        <SignedChange amount={null} rate={live.totalReturn.rate} currency={currency} />
        <MethodNote name={method.name} description={method.description} />
      </FigureCard>

      <FigureCard testId="summary-cash" label={t('cash')} value={fmt.money(summary.cash, currency)}>
        <span>{t.rich('invested', { amount: fmt.money(summary.invested, currency), num })}</span>
      </FigureCard>

      <FigureCard
        testId="summary-unrealized"
        label={t('unrealized')}
        value={
          <SignedChange
            amount={live.unrealizedPnl}
            rate={null}
            currency={currency}
            showArrow={false}
          />
        }
      >
        <SignedChange amount={null} rate={live.unrealizedReturnRate} currency={currency} />
        {!currencyEffect.isZero() ? (
          <span>
            {t.rich('currencyEffect', {
              amount: fmt.signedMoney(summary.currencyEffect, currency),
              num,
            })}
          </span>
        ) : null}
      </FigureCard>

      <FigureCard
        testId="summary-realized"
        className="col-span-2 lg:col-span-1"
        label={t('realized')}
        value={
          <SignedChange
            amount={summary.realizedPnl}
            rate={null}
            currency={currency}
            showArrow={false}
          />
        }
      >
        <span>{t.rich('dividends', { amount: fmt.money(summary.dividends, currency), num })}</span>
        <span>
          {t.rich('costs', {
            amount: fmt.money(dec(summary.fees).plus(summary.taxes).toFixed(), currency),
            num,
          })}
        </span>
      </FigureCard>
    </dl>
  );
}

/** The cards' shape while the summary loads. */
export function SummaryCardsSkeleton() {
  return (
    <div aria-hidden="true" className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3">
      {[0, 1, 2, 3, 4, 5].map((card) => (
        <div
          key={card}
          className={cn(
            'flex flex-col gap-2 rounded-xl border border-border bg-surface p-4',
            (card === 0 || card === 5) && 'col-span-2 lg:col-span-1',
          )}
        >
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-7 w-36 max-w-full" />
          <Skeleton className="h-3 w-28" />
        </div>
      ))}
    </div>
  );
}
