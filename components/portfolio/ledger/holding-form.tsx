'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import type { Currency } from '@/server/portfolio/types';
import { AccountForm } from './account-form';
import { cashIn, defaultAccountId } from './accounts';
import type { SavedHolding } from './add-holding-done';
import { ArrowLeftIcon } from './ledger-icons';
import {
  cashShortfall,
  formatMoney,
  marketToday,
  priceInputText,
  purchaseCost,
} from './ledger-format';
import {
  emptyFormValues,
  formIssues,
  normalizeDecimalText,
  toTransactionInput,
  type FormIssue,
} from './transaction-fields';
import { useInvalidatePortfolios } from './use-invalidate-portfolios';
import { useLedgerErrorText } from './use-ledger-error';

type Field = 'accountId' | 'quantity' | 'price' | 'tradeDate' | 'fees' | 'symbol';

/**
 * The purchase: account (created here if the user has none), quantity, price (the current quote
 * until the user types one), trade date (today in the stock's market, never later) and fees.
 * When the account's cash would not cover it, a deposit for the difference can be recorded with
 * it, since the ledger refuses negative cash.
 */
export function HoldingForm({
  symbol,
  presetAccountId,
  onBack,
  onCancel,
  onSaved,
}: {
  symbol: string;
  presetAccountId?: string;
  onBack?: () => void;
  onCancel: () => void;
  onSaved: (saved: SavedHolding) => void;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const detail = useQuery(trpc.stocks.get.queryOptions({ symbol }));
  const accounts = useQuery(trpc.portfolios.accounts.list.queryOptions());

  if (detail.isPending || accounts.isPending) {
    return (
      <div role="status" aria-busy="true" className="flex flex-col gap-4">
        <span className="sr-only">{t('common.loading')}</span>
        <Skeleton className="h-12 w-full" />
        <Skeleton className="h-10 w-full" />
        <div className="grid grid-cols-2 gap-3">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
        <Skeleton className="h-10 w-full" />
      </div>
    );
  }
  const failed = detail.isError ? detail : accounts.isError ? accounts : null;
  if (failed) {
    return (
      <div className="flex flex-col items-start gap-3">
        <Alert>
          {t('errors.loadFailed')} {describeError(failed.error)}
        </Alert>
        <div className="flex gap-2">
          {onBack ? (
            <Button variant="secondary" size="sm" onClick={onBack}>
              {t('ledger.add.back')}
            </Button>
          ) : null}
          <Button variant="secondary" size="sm" onClick={() => void failed.refetch()}>
            {t('common.retry')}
          </Button>
        </div>
      </div>
    );
  }

  const { instrument, quote, tracked } = detail.data!;
  const name = (locale.startsWith('ko') && instrument.nameKo) || instrument.nameEn;
  const header = (
    <div className="flex items-start gap-3 rounded-lg border border-border bg-surface-muted/50 px-3 py-2.5">
      <div className="min-w-0 flex-1">
        <p className="truncate font-semibold" data-testid="holding-stock-name">
          {name}
        </p>
        <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-muted">
          <span className="font-mono text-foreground">{instrument.symbol}</span>
          <Badge>{instrument.exchange}</Badge>
          <Badge>{instrument.currency}</Badge>
          {quote ? (
            <span className="tabular-nums">
              {t('ledger.add.lastPrice', {
                price: formatMoney(
                  locale,
                  priceInputText(quote.price, instrument.currency),
                  instrument.currency,
                ),
              })}
            </span>
          ) : null}
        </p>
      </div>
      {onBack ? (
        <Button variant="ghost" size="sm" onClick={onBack}>
          <ArrowLeftIcon className="size-4" />
          {t('ledger.add.change')}
        </Button>
      ) : null}
    </div>
  );

  if (accounts.data!.length === 0) {
    return (
      <div className="flex flex-col gap-4">
        {header}
        <Alert tone="info">{t('ledger.add.noAccount')}</Alert>
        <AccountForm
          target={{ mode: 'create' }}
          defaultCurrency={instrument.currency}
          submitLabel={t('ledger.add.createAccount')}
          onSaved={() => void accounts.refetch()}
          onCancel={onCancel}
        />
      </div>
    );
  }

  return (
    <PurchaseForm
      header={header}
      instrument={{
        symbol: instrument.symbol,
        name,
        currency: instrument.currency,
        market: instrument.market,
      }}
      quotePrice={quote ? priceInputText(quote.price, instrument.currency) : ''}
      wasTracked={tracked}
      accounts={accounts.data!}
      presetAccountId={presetAccountId}
      onCancel={onCancel}
      onSaved={onSaved}
    />
  );
}

type AccountOption = {
  id: string;
  name: string;
  baseCurrency: Currency;
  cash: { currency: Currency; balance: string }[];
};

function PurchaseForm({
  header,
  instrument,
  quotePrice,
  wasTracked,
  accounts,
  presetAccountId,
  onCancel,
  onSaved,
}: {
  header: ReactNode;
  instrument: { symbol: string; name: string; currency: Currency; market: 'KR' | 'US' };
  quotePrice: string;
  wasTracked: boolean;
  accounts: AccountOption[];
  presetAccountId?: string;
  onCancel: () => void;
  onSaved: (saved: SavedHolding) => void;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = useInvalidatePortfolios();
  const { errorText } = useLedgerErrorText();
  const create = useMutation(trpc.portfolios.transactions.create.mutationOptions());
  const remove = useMutation(trpc.portfolios.transactions.delete.mutationOptions());
  const today = marketToday(instrument.market);
  const [accountId, setAccountId] = useState(() =>
    presetAccountId && accounts.some((a) => a.id === presetAccountId)
      ? presetAccountId
      : (defaultAccountId(accounts, instrument.currency) ?? ''),
  );
  const [quantity, setQuantity] = useState('');
  const [price, setPrice] = useState(quotePrice);
  const [tradeDate, setTradeDate] = useState(today);
  const [fees, setFees] = useState('');
  const [fund, setFund] = useState(true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fundId = useId();

  const account = accounts.find((a) => a.id === accountId) ?? accounts[0]!;
  const cost = purchaseCost(
    normalizeDecimalText(quantity),
    normalizeDecimalText(price),
    normalizeDecimalText(fees),
  );
  const cash = cashIn(account, instrument.currency);
  const shortfall = cost === null ? '0' : cashShortfall(cash, cost);
  const needsFunding = shortfall !== '0';

  const issueText = (issue: FormIssue) =>
    issue === 'future' ? t('ledger.issues.future', { today }) : t(`ledger.formIssues.${issue}`);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const values = {
      ...emptyFormValues('buy', tradeDate, instrument.currency),
      symbol: instrument.symbol,
      quantity,
      price,
      fees,
    };
    const issues = formIssues(values, today);
    const found: Partial<Record<Field, string>> = {};
    for (const field of ['quantity', 'price', 'tradeDate', 'fees'] as const) {
      const issue = issues[field];
      if (issue) found[field] = issueText(issue);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    setSaving(true);
    let depositId: string | null = null;
    try {
      if (needsFunding && fund) {
        const deposit = await create.mutateAsync({
          accountId: account.id,
          type: 'deposit',
          tradeDate,
          currency: instrument.currency,
          amount: shortfall,
          note: t('ledger.add.depositNote', { name: instrument.name }),
        });
        depositId = deposit.id;
      }
      const transaction = await create.mutateAsync({
        accountId: account.id,
        ...toTransactionInput(values),
      });
      void invalidate();
      // Buying may have started the stock's data collection.
      void queryClient.invalidateQueries(
        trpc.stocks.collectionStatus.queryFilter({ symbol: instrument.symbol }),
      );
      void queryClient.invalidateQueries(
        trpc.stocks.get.queryFilter({ symbol: instrument.symbol }),
      );
      onSaved({
        transaction,
        accountId: account.id,
        accountName: account.name,
        name: instrument.name,
        deposit: depositId ? { amount: shortfall, currency: instrument.currency } : null,
        newlyTracked: !wasTracked,
      });
    } catch (error) {
      // The purchase failed: take back the deposit recorded for it.
      if (depositId) await remove.mutateAsync({ id: depositId }).catch(() => undefined);
      const { field, text } = errorText(error);
      if (field && ['quantity', 'price', 'tradeDate', 'fees', 'symbol'].includes(field)) {
        setErrors({ [field]: text });
      } else setFormError(text);
    } finally {
      setSaving(false);
    }
  }

  const money = (value: string) => formatMoney(locale, value, instrument.currency);

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {header}
      {errors.symbol ? <Alert>{errors.symbol}</Alert> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <SelectField
        label={t('ledger.add.account')}
        value={account.id}
        onChange={(event) => setAccountId(event.target.value)}
        hint={t('ledger.add.accountCash', {
          cash: money(cash ?? '0'),
        })}
      >
        {accounts.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name} · {option.baseCurrency}
          </option>
        ))}
      </SelectField>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label={t('ledger.add.quantity')}
          inputMode="decimal"
          autoComplete="off"
          autoFocus
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
          error={errors.quantity}
        />
        <TextField
          label={t('ledger.add.price', { currency: instrument.currency })}
          inputMode="decimal"
          autoComplete="off"
          value={price}
          onChange={(event) => setPrice(event.target.value)}
          hint={quotePrice && price === quotePrice ? t('ledger.add.pricePrefilled') : undefined}
          error={errors.price}
        />
        <TextField
          label={t('ledger.add.tradeDate')}
          type="date"
          max={today}
          value={tradeDate}
          onChange={(event) => setTradeDate(event.target.value)}
          hint={t('ledger.add.tradeDateHint', {
            zone: t(`ledger.zones.${instrument.market}`),
          })}
          error={errors.tradeDate}
        />
        <TextField
          label={`${t('ledger.add.fees', { currency: instrument.currency })} (${t('common.optional')})`}
          inputMode="decimal"
          autoComplete="off"
          value={fees}
          onChange={(event) => setFees(event.target.value)}
          error={errors.fees}
        />
      </div>
      <p className="text-sm" aria-live="polite">
        {cost === null ? (
          <span className="text-muted">{t('ledger.add.totalPending')}</span>
        ) : (
          <>
            <span className="text-muted">{t('ledger.add.total')} </span>
            <span className="font-semibold tabular-nums" data-testid="holding-total">
              {money(cost)}
            </span>
          </>
        )}
      </p>
      {needsFunding ? (
        <div className="flex items-start gap-2.5 rounded-lg border border-warning/30 bg-warning-subtle px-3 py-2.5">
          <input
            id={fundId}
            type="checkbox"
            checked={fund}
            onChange={(event) => setFund(event.target.checked)}
            className="mt-0.5 size-4 shrink-0 accent-[var(--accent)]"
            aria-describedby={`${fundId}-hint`}
          />
          <div className="text-sm">
            <label htmlFor={fundId} className="font-medium">
              {t('ledger.add.fund', { amount: money(shortfall) })}
            </label>
            <p id={`${fundId}-hint`} className="text-xs text-muted">
              {t('ledger.add.fundHint', { cash: money(cash ?? '0') })}
            </p>
          </div>
        </div>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" pending={saving}>
          {saving ? t('common.saving') : t('ledger.add.save')}
        </Button>
      </div>
    </form>
  );
}
