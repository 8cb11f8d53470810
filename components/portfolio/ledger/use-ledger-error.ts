'use client';

import { useLocale, useTranslations } from 'use-intl';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { formatQuantity } from './ledger-format';
import { issueOf, ledgerErrorOf, type LedgerIssue } from './ledger-errors';
import { transactionTypes, type TransactionType } from './transaction-fields';

function isTransactionType(value: string): value is TransactionType {
  return (transactionTypes as readonly string[]).includes(value);
}

/** Localized text for ledger issues and errors (see ledger-errors.ts for how they are read). */
export function useLedgerErrorText() {
  const t = useTranslations('ledger');
  const locale = useLocale();
  const describeError = useErrorMessage();

  function issueText(issue: LedgerIssue): string {
    switch (issue.code) {
      case 'notNumber':
        return issue.value === null
          ? t('issues.notNumber')
          : t('issues.notNumberValue', { value: issue.value });
      case 'notDate':
        return issue.value === null
          ? t('issues.notDate')
          : t('issues.notDateValue', { value: issue.value });
      case 'notType':
        return issue.value === null
          ? t('issues.required')
          : t('issues.notType', { value: issue.value });
      case 'oversell':
        return t('issues.oversell', {
          symbol: issue.symbol,
          quantity: formatQuantity(locale, issue.quantity),
          held: formatQuantity(locale, issue.held),
        });
      case 'negativeCash':
        return t('issues.negativeCash', {
          currency: issue.currency,
          balance: issue.balance,
          date: issue.date,
        });
      case 'tooPrecise':
        return t('issues.tooPrecise', { places: issue.places });
      case 'tooManyRows':
        return t('issues.tooManyRows', { limit: issue.limit });
      case 'future':
        return t('issues.future', { today: issue.today });
      case 'unknownSymbol':
      case 'index':
      case 'neverHeld':
        return t(`issues.${issue.code}`, { symbol: issue.symbol });
      case 'currencyMismatch':
        return t('issues.currencyMismatch', { symbol: issue.symbol, currency: issue.currency });
      case 'notCurrency':
        return t('issues.notCurrency', { value: issue.value });
      case 'unknownName':
        return t('issues.unknownName', { name: issue.name });
      case 'other':
        return issue.message;
      default:
        return t(`issues.${issue.code}`);
    }
  }

  return {
    /** A preview row's or a field's issue, from the server's message. */
    messageText: (message: string) => issueText(issueOf(message)),
    issueText,
    /**
     * A mutation's failure: the field it concerns (to show it there) and a sentence. Ledger
     * replays name the offending transaction; imports name the row.
     */
    errorText(error: unknown): { field: string | null; text: string } {
      const ledger = ledgerErrorOf(error);
      if (!ledger) return { field: null, text: describeError(error) };
      let text = issueText(ledger.issue);
      const tx = ledger.transaction;
      if (tx) {
        text = t('issues.inTransaction', {
          date: tx.date,
          type: isTransactionType(tx.type) ? t(`types.${tx.type}`) : tx.type,
          symbol: tx.symbol ?? '',
          problem: text,
        });
      }
      if (ledger.row !== null) text = t('issues.inRow', { row: ledger.row, problem: text });
      return { field: ledger.field, text };
    },
  };
}
