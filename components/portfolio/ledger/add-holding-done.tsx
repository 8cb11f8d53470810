'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'use-intl';
import { stockHref } from '@/components/stocks/search/stock-href';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { TransactionDto } from '@/server/portfolio/schemas';
import type { Currency } from '@/server/portfolio/types';
import { HoldingCollectionProgress } from './holding-collection-progress';
import { formatMoney, formatQuantity } from './ledger-format';

export interface SavedHolding {
  transaction: TransactionDto;
  accountId: string;
  accountName: string;
  /** The stock's name in the reader's language. */
  name: string;
  /** The deposit recorded to pay for it, if one was. */
  deposit: { amount: string; currency: Currency } | null;
  /** Nobody followed this stock before: its data collection starts now. */
  newlyTracked: boolean;
}

/** After saving: what was recorded, the stock's data collection if it runs, where to go next. */
export function AddHoldingDone({
  saved,
  onStockPage,
  onAnother,
  onClose,
}: {
  saved: SavedHolding;
  onStockPage: boolean;
  onAnother: () => void;
  onClose: () => void;
}) {
  const t = useTranslations('ledger.add');
  const locale = useLocale();
  const { transaction: tx } = saved;
  const symbol = tx.symbol!;
  return (
    <div className="flex flex-col gap-4" data-testid="add-holding-done">
      <Alert tone="success">
        <p className="font-medium">
          {t('saved', {
            quantity: formatQuantity(locale, tx.quantity ?? '0'),
            name: saved.name,
            account: saved.accountName,
          })}
        </p>
        <p className="mt-1 text-foreground">
          {t('savedDetail', {
            price: formatMoney(locale, tx.price ?? '0', tx.currency),
            date: tx.tradeDate,
          })}
        </p>
        {saved.deposit ? (
          <p className="mt-1 text-foreground">
            {t('savedDeposit', {
              amount: formatMoney(locale, saved.deposit.amount, saved.deposit.currency),
            })}
          </p>
        ) : null}
      </Alert>
      <HoldingCollectionProgress symbol={symbol} expectStart={saved.newlyTracked} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        {onStockPage ? null : (
          <Link href={stockHref(symbol)} className="font-medium text-accent hover:underline">
            {t('viewStock', { name: saved.name })}
          </Link>
        )}
        <Link
          href={`/portfolios/${encodeURIComponent(saved.accountId)}`}
          className="font-medium text-accent hover:underline"
        >
          {t('viewAccount', { account: saved.accountName })}
        </Link>
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onAnother}>
          {t('another')}
        </Button>
        <Button onClick={onClose} autoFocus>
          {t('done')}
        </Button>
      </div>
    </div>
  );
}
