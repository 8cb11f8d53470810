'use client';

import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { priceTone } from '@/components/stocks/price-colors';
import { Button } from '@/components/ui/button';
import type { BacktestTrade } from '../types';
import { useBacktestFormat } from './use-backtest-format';

const FIRST_ROWS = 20;

/** The round trips, newest first, scrollable sideways on small screens. */
export function TradeList({ trades, currency }: { trades: BacktestTrade[]; currency: string }) {
  const t = useTranslations('analysis.backtests');
  const locale = useLocale();
  const fmt = useBacktestFormat();
  const [all, setAll] = useState(false);
  if (trades.length === 0) return <p className="text-sm text-muted">{t('result.noTrades')}</p>;
  const newestFirst = [...trades].reverse();
  const shown = all ? newestFirst : newestFirst.slice(0, FIRST_ROWS);
  const th = 'px-2 py-2 text-left font-medium whitespace-nowrap';
  const td = 'px-2 py-1.5 whitespace-nowrap tabular-nums';
  return (
    <div className="flex flex-col gap-2">
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="trade-list">
          <thead className="border-b border-border text-muted">
            <tr>
              <th scope="col" className={th}>
                {t('trade.side')}
              </th>
              <th scope="col" className={th}>
                {t('trade.entry')}
              </th>
              <th scope="col" className={th}>
                {t('trade.exit')}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t('trade.quantity')}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t('trade.entryPrice')}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t('trade.exitPrice')}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t('trade.pnl')}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t('trade.return')}
              </th>
              <th scope="col" className={th}>
                {t('trade.reason')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((trade) => (
              <tr
                key={`${trade.entryIndex}-${trade.exitIndex}`}
                className="border-b border-border/60"
              >
                <td className={td}>{t(`trade.${trade.side}`)}</td>
                <td className={td}>{fmt.date(trade.entryDate)}</td>
                <td className={td}>{fmt.date(trade.exitDate)}</td>
                <td className={`${td} text-right`}>{fmt.count(trade.quantity)}</td>
                <td className={`${td} text-right`}>{fmt.money(trade.entryPrice, currency)}</td>
                <td className={`${td} text-right`}>{fmt.money(trade.exitPrice, currency)}</td>
                <td className={`${td} text-right ${priceTone(trade.pnl, locale)}`}>
                  {fmt.money(trade.pnl, currency)}
                </td>
                <td className={`${td} text-right ${priceTone(trade.returnPct, locale)}`}>
                  {fmt.percent(trade.returnPct, true)}
                </td>
                <td className={td}>{t(`trade.reasons.${trade.exitReason}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && trades.length > FIRST_ROWS ? (
        <Button variant="secondary" size="sm" className="self-start" onClick={() => setAll(true)}>
          {t('result.showMoreTrades', { count: trades.length })}
        </Button>
      ) : null}
    </div>
  );
}
