'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { fieldIssues, trpcErrorCode } from '@/components/ui/trpc-error';
import type { AccountDto } from '@/server/portfolio/schemas';
import { currencies, type Currency } from '@/server/portfolio/types';
import {
  ACCOUNT_NAME_MAX_LENGTH as NAME_MAX_LENGTH,
  accountKinds,
  type AccountKind,
} from './ledger-constants';
import { useInvalidatePortfolios } from './use-invalidate-portfolios';
import { useLedgerErrorText } from './use-ledger-error';

export type AccountFormTarget = { mode: 'create' } | { mode: 'edit'; account: AccountDto };

/**
 * Name, kind, base currency and whether cash may go negative: creates an account or edits one.
 * Turning "allow negative cash" off is refused by the server if the ledger ever went below zero;
 * that refusal is shown here with the transaction it names.
 */
export function AccountForm({
  target,
  defaultCurrency = 'KRW',
  onSaved,
  onCancel,
  submitLabel,
}: {
  target: AccountFormTarget;
  defaultCurrency?: Currency;
  onSaved: (account: AccountDto) => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const invalidate = useInvalidatePortfolios();
  const { errorText } = useLedgerErrorText();
  const existing = target.mode === 'edit' ? target.account : null;
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<AccountKind>(existing?.kind ?? 'brokerage');
  const [baseCurrency, setBaseCurrency] = useState<Currency>(
    existing?.baseCurrency ?? defaultCurrency,
  );
  const [allowNegativeCash, setAllowNegativeCash] = useState(existing?.allowNegativeCash ?? false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(trpc.portfolios.accounts.create.mutationOptions());
  const update = useMutation(trpc.portfolios.accounts.update.mutationOptions());
  const pending = create.isPending || update.isPending;
  const checkboxId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    setFormError(null);
    if (!trimmed) return setNameError(t('validation.required'));
    if (trimmed.length > NAME_MAX_LENGTH) {
      return setNameError(t('validation.nameTooLong', { max: NAME_MAX_LENGTH }));
    }
    setNameError(null);
    try {
      const saved = existing
        ? await update.mutateAsync({
            id: existing.id,
            name: trimmed,
            kind,
            baseCurrency,
            allowNegativeCash,
          })
        : await create.mutateAsync({ name: trimmed, kind, baseCurrency, allowNegativeCash });
      void invalidate();
      onSaved(saved);
    } catch (error) {
      if (trpcErrorCode(error) === 'CONFLICT') return setNameError(t('ledger.accounts.nameTaken'));
      if (fieldIssues(error).name) return setNameError(t('validation.invalid'));
      setFormError(errorText(error).text);
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField
        label={t('ledger.accounts.name')}
        placeholder={t('ledger.accounts.namePlaceholder')}
        value={name}
        maxLength={NAME_MAX_LENGTH + 20}
        autoFocus
        autoComplete="off"
        onChange={(event) => setName(event.target.value)}
        error={nameError}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField
          label={t('ledger.accounts.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as AccountKind)}
        >
          {accountKinds.map((value) => (
            <option key={value} value={value}>
              {t(`ledger.kinds.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('ledger.accounts.baseCurrency')}
          hint={t('ledger.accounts.baseCurrencyHint')}
          value={baseCurrency}
          onChange={(event) => setBaseCurrency(event.target.value as Currency)}
        >
          {currencies.map((value) => (
            <option key={value} value={value}>
              {t(`ledger.currencies.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex items-start gap-2.5">
        <input
          id={checkboxId}
          type="checkbox"
          checked={allowNegativeCash}
          onChange={(event) => setAllowNegativeCash(event.target.checked)}
          aria-describedby={`${checkboxId}-hint`}
          className="mt-0.5 size-4 shrink-0 accent-[var(--accent)]"
        />
        <div>
          <label htmlFor={checkboxId} className="text-sm font-medium">
            {t('ledger.accounts.allowNegativeCash')}
          </label>
          <p id={`${checkboxId}-hint`} className="text-xs text-muted">
            {t('ledger.accounts.allowNegativeCashHint')}
          </p>
        </div>
      </div>
      <div className="flex justify-end gap-2">
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
        <Button type="submit" pending={pending}>
          {pending
            ? t('common.saving')
            : (submitLabel ?? (existing ? t('common.save') : t('ledger.accounts.createSubmit')))}
        </Button>
      </div>
    </form>
  );
}
