'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'use-intl';
import { displayName } from '@/components/markets/display-name';
import { stockHref } from '@/components/stocks/search/stock-href';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { DailyReportContent } from './types';
import { useReportFormat } from './use-report-format';

/** Held stocks with an ex-dividend or payment date ahead, or a note that none is known. */
export function DividendsCard({ dividends }: { dividends: DailyReportContent['dividends'] }) {
  const t = useTranslations('reports.dividends');
  const locale = useLocale();
  const fmt = useReportFormat();
  return (
    <Card aria-labelledby="report-dividends-title" data-testid="report-dividends">
      <CardHeader
        titleId="report-dividends-title"
        title={t('title')}
        description={t('description', { days: dividends.horizonDays })}
      />
      {dividends.status === 'unknown' ? (
        <CardBody>
          <p className="text-sm text-muted">{t('unknown')}</p>
        </CardBody>
      ) : (
        <ul className="divide-y divide-border">
          {dividends.items.map((d) => (
            <li
              key={d.symbol}
              data-testid="report-dividend"
              className="flex flex-col gap-1 px-5 py-3"
            >
              <Link href={stockHref(d.symbol)} className="text-sm font-medium hover:underline">
                {displayName(d, locale)}{' '}
                <span className="font-mono text-xs text-muted">{d.symbol}</span>
              </Link>
              <span className="flex flex-wrap gap-x-3 text-sm tabular-nums">
                {d.exDividendDate ? (
                  <span>{t('exDate', { date: fmt.date(d.exDividendDate) })}</span>
                ) : null}
                {d.paymentDate ? (
                  <span>{t('payDate', { date: fmt.date(d.paymentDate) })}</span>
                ) : null}
              </span>
              <span className="flex flex-wrap gap-x-3 text-xs text-muted tabular-nums">
                <span>{t('shares', { quantity: fmt.quantity(d.quantity) })}</span>
                {d.dividendPerShare ? (
                  <span>{t('perShare', { amount: fmt.money(d.dividendPerShare) })}</span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
