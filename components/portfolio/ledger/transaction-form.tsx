'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { SelectField, TextField } from '@/components/ui/field';
import type { TransactionDto } from '@/server/portfolio/schemas';
import { marketOfCurrency, marketToday } from './ledger-format';
import {
  currencies,
  emptyFormValues,
  fieldLayout,
  formIssues,
  formValuesOf,
  isTransfer,
  toTransactionInput,
  transactionTypes,
  type Currency,
  type FormField,
  type FormIssue,
  type TransactionFormValues,
  type TransactionType,
  type TransferKind,
} from './transaction-fields';
import { useInvalidatePortfolios } from './use-invalidate-portfolios';
import { useLedgerErrorText } from './use-ledger-error';

type Target = { mode: 'create' } | { mode: 'edit'; transaction: TransactionDto };

const decimalFields = new Set<FormField>([
  'quantity',
  'price',
  'amount',
  'fees',
  'taxes',
  'splitRatio',
  'costPrice',
]);

/**
 * Add or edit one ledger transaction. The fields follow the type (a buy asks for symbol, quantity
 * and price; a deposit for an amount and currency; a split for the ratio …); fields a type does
 * not use are not sent. Mistakes the form can see are shown before saving, the server's
 * rejections (an oversell, cash going negative, an unknown symbol) after, next to their field.
 */
export function TransactionForm({
  accountId,
  baseCurrency,
  target,
  onDone,
}: {
  accountId: string;
  baseCurrency: Currency;
  target: Target;
  onDone: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidatePortfolios();
  const { errorText } = useLedgerErrorText();
  const create = useMutation(trpc.portfolios.transactions.create.mutationOptions());
  const update = useMutation(trpc.portfolios.transactions.update.mutationOptions());
  const [values, setValues] = useState<TransactionFormValues>(() =>
    target.mode === 'edit'
      ? formValuesOf(target.transaction)
      : emptyFormValues('buy', marketToday(marketOfCurrency(baseCurrency)), baseCurrency),
  );
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const pending = create.isPending || update.isPending;
  const layout = fieldLayout(values.type, values.transferKind);
  // The server checks the date against the stock's market; the later of the two todays is the
  // most the form can rule out on its own.
  const today = [marketToday('KR'), marketToday('US')].sort().at(-1)!;

  const set = <K extends keyof TransactionFormValues>(key: K, value: TransactionFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
    setFormError(null);
  };

  const issueText = (issue: FormIssue) =>
    issue === 'future' ? t('ledger.issues.future', { today }) : t(`ledger.formIssues.${issue}`);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const issues = formIssues(values, today);
    const found: Partial<Record<FormField, string>> = {};
    for (const [field, issue] of Object.entries(issues) as [FormField, FormIssue][]) {
      found[field] = issueText(issue);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input = toTransactionInput(values);
    try {
      if (target.mode === 'edit') {
        await update.mutateAsync({ id: target.transaction.id, ...input });
      } else {
        await create.mutateAsync({ accountId, ...input });
      }
      void invalidate();
      onDone();
    } catch (error) {
      const { field, text } = errorText(error);
      if (field && layout.shown.includes(field as FormField)) {
        setErrors({ [field]: text });
      } else if (field === 'tradeDate') setErrors({ tradeDate: text });
      else setFormError(text);
    }
  }

  const label = (field: FormField) => {
    const text = t(`ledger.fields.${field}`);
    return layout.required.has(field) || field === 'currency'
      ? text
      : `${text} (${t('common.optional')})`;
  };

  const hintOf = (field: FormField): string | undefined => {
    if (field === 'splitRatio') return t('ledger.fields.splitRatioHint');
    if (field === 'costPrice') return t('ledger.fields.costPriceHint');
    if (field === 'price' && isTransfer(values.type)) return t('ledger.fields.transferPriceHint');
    if (field === 'amount' && values.type === 'dividend') return t('ledger.fields.grossHint');
    return undefined;
  };

  const input = (field: FormField) => {
    if (field === 'currency') {
      return (
        <SelectField
          key={field}
          label={label(field)}
          value={values.currency}
          onChange={(event) => set('currency', event.target.value as Currency)}
          error={errors.currency}
        >
          {currencies.map((currency) => (
            <option key={currency} value={currency}>
              {t(`ledger.currencies.${currency}`)}
            </option>
          ))}
        </SelectField>
      );
    }
    const key = field as Exclude<FormField, 'currency'>;
    return (
      <TextField
        key={field}
        label={label(field)}
        value={values[key]}
        inputMode={decimalFields.has(field) ? 'decimal' : undefined}
        autoComplete="off"
        autoCapitalize={field === 'symbol' ? 'characters' : undefined}
        spellCheck={field === 'symbol' ? false : undefined}
        placeholder={field === 'symbol' ? t('ledger.fields.symbolPlaceholder') : undefined}
        hint={hintOf(field)}
        onChange={(event) => set(key, event.target.value)}
        error={errors[field]}
        className={cn(field === 'symbol' && 'font-mono uppercase placeholder:font-sans')}
      />
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          label={t('ledger.fields.type')}
          value={values.type}
          onChange={(event) => set('type', event.target.value as TransactionType)}
          hint={t(`ledger.typeHints.${values.type}`)}
        >
          {transactionTypes.map((type) => (
            <option key={type} value={type}>
              {t(`ledger.types.${type}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('ledger.fields.tradeDate')}
          type="date"
          max={today}
          value={values.tradeDate}
          onChange={(event) => set('tradeDate', event.target.value)}
          error={errors.tradeDate}
        />
      </div>
      {isTransfer(values.type) ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium">{t('ledger.fields.transferKind')}</legend>
          <div className="flex flex-wrap gap-4">
            {(['cash', 'securities'] as const satisfies readonly TransferKind[]).map((kind) => (
              <label key={kind} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="transferKind"
                  value={kind}
                  checked={values.transferKind === kind}
                  onChange={() => set('transferKind', kind)}
                  className="size-4 accent-[var(--accent)]"
                />
                {t(`ledger.fields.transferKinds.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {layout.shown.map((field) => input(field))}
      </div>
      <TextField
        label={label('note')}
        value={values.note}
        maxLength={500}
        onChange={(event) => set('note', event.target.value)}
        error={errors.note}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" pending={pending}>
          {pending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
