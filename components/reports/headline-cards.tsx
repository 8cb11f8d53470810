'use client';

import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { priceArrow, priceTone } from '@/components/stocks/price-colors';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { DailyReportContent, Money } from './types';
import { useReportFormat } from './use-report-format';

function Figure({
  label,
  children,
  note,
}: {
  label: string;
  children: ReactNode;
  note: ReactNode;
}) {
  return (
    <Card className="flex flex-col gap-1 px-5 py-4">
      <h2 className="text-sm text-muted">{label}</h2>
      <div className="text-2xl font-semibold tracking-tight tabular-nums">{children}</div>
      <p className="text-xs text-muted">{note}</p>
    </Card>
  );
}

/** "▲ +5,600 (+0.18%)" in the locale's up/down colour, or a dash. */
function Change({ amount, rate }: { amount: Money | null; rate: number | null }) {
  const locale = useLocale();
  const fmt = useReportFormat();
  if (!amount) return <span className="text-muted">–</span>;
  const direction = Number(amount.amount);
  const arrow = priceArrow(direction);
  return (
    <span className={cn('tabular-nums', priceTone(direction, locale))}>
      {arrow ? (
        <span aria-hidden="true" className="mr-1 text-[0.6em] align-middle">
          {arrow}
        </span>
      ) : null}
      {fmt.signedMoney(amount)}{' '}
      <span className="text-base font-medium whitespace-nowrap">({fmt.change(rate)})</span>
    </span>
  );
}

/** The portfolio's value, its day change and the change since the previous report or close. */
export function HeadlineCards({ portfolio }: { portfolio: DailyReportContent['portfolio'] }) {
  const t = useTranslations('reports.headline');
  const fmt = useReportFormat();
  const since = portfolio.sincePrevious;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-3" data-testid="report-headline">
      <Figure
        label={t('totalValue')}
        note={t('counts', { accounts: portfolio.accounts, holdings: portfolio.holdings })}
      >
        <span data-testid="report-total-value">{fmt.money(portfolio.totalValue)}</span>
      </Figure>
      <Figure label={t('dayChange')} note={portfolio.dayChange ? '\u00a0' : t('noDayChange')}>
        <Change amount={portfolio.dayChange} rate={portfolio.dayChangeRate} />
      </Figure>
      <Figure
        label={t('sincePrevious')}
        note={
          since
            ? t(since.basis === 'report' ? 'sinceReport' : 'sinceSnapshot', {
                date: fmt.date(since.date),
              })
            : t('noPrevious')
        }
      >
        <Change amount={since?.change ?? null} rate={since?.rate ?? null} />
      </Figure>
    </div>
  );
}
