'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { PlusIcon } from '@/components/ui/icons';
import { AddHoldingFlow } from './add-holding-flow';

/**
 * "Add to portfolio": a dialog that records a purchase. Without `symbol` (dashboard, accounts
 * page) it starts with a stock search; with one (the stock page) it goes straight to the details.
 * `accountId` (an account's page) preselects that account.
 */
export function AddHoldingButton({ symbol, accountId }: { symbol?: string; accountId?: string }) {
  const t = useTranslations('ledger.add');
  const [open, setOpen] = useState(false);
  // A fresh flow per opening: no stale step, values or messages from the last one.
  const [session, setSession] = useState(0);
  return (
    <>
      <Button
        size="sm"
        variant={symbol ? 'secondary' : 'primary'}
        onClick={() => {
          setSession((n) => n + 1);
          setOpen(true);
        }}
        aria-haspopup="dialog"
      >
        <PlusIcon className="size-4" />
        {symbol ? t('buttonForStock') : t('button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('title')} className="sm:max-w-lg">
        {open ? (
          <AddHoldingFlow
            key={session}
            presetSymbol={symbol}
            presetAccountId={accountId}
            onClose={() => setOpen(false)}
          />
        ) : null}
      </Dialog>
    </>
  );
}
