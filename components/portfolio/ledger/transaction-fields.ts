/**
 * The transaction form's model: which fields each type shows and needs (the rules of
 * server/portfolio/types.ts, as a form sees them), form values ↔ the tRPC input, and the checks
 * worth doing before a round trip. Pure, so it is unit-tested; the server stays the judge.
 */
import {
  currencies,
  requiredFields,
  transactionTypes,
  type Currency,
  type TransactionType,
} from '@/server/portfolio/types';
import type { TransactionDto } from '@/server/portfolio/schemas';

export { transactionTypes, currencies, type TransactionType, type Currency };

export type DecimalField =
  'quantity' | 'price' | 'amount' | 'fees' | 'taxes' | 'splitRatio' | 'costPrice';
export type FormField = 'symbol' | DecimalField | 'currency' | 'note' | 'tradeDate';

/** A transfer moves cash (amount) or securities (symbol, quantity, price). */
export type TransferKind = 'cash' | 'securities';

export interface TransactionFormValues {
  type: TransactionType;
  transferKind: TransferKind;
  tradeDate: string;
  symbol: string;
  quantity: string;
  price: string;
  amount: string;
  fees: string;
  taxes: string;
  splitRatio: string;
  costPrice: string;
  currency: Currency;
  note: string;
}

export function isTransfer(type: TransactionType): boolean {
  return type === 'transfer_in' || type === 'transfer_out';
}

export interface FieldLayout {
  /** Fields shown, in order (tradeDate and note are always shown). */
  shown: readonly FormField[];
  /** Fields that must be filled. */
  required: ReadonlySet<FormField>;
}

/** Which fields the form shows for a type (and transfer kind), and which of them are required. */
export function fieldLayout(type: TransactionType, transferKind: TransferKind): FieldLayout {
  const securities = isTransfer(type) && transferKind === 'securities';
  const needed = new Set<FormField>(requiredFields[type]);
  if (isTransfer(type)) {
    const fields: FormField[] = securities ? ['symbol', 'quantity', 'price'] : ['amount'];
    for (const field of fields) needed.add(field);
  }
  let shown: FormField[];
  switch (type) {
    case 'buy':
    case 'sell':
      shown = ['symbol', 'quantity', 'price', 'fees', 'taxes'];
      break;
    case 'dividend':
      shown = ['symbol', 'amount', 'fees', 'taxes'];
      break;
    case 'interest':
      shown = ['amount', 'currency', 'symbol', 'fees', 'taxes'];
      break;
    case 'fee':
    case 'tax':
      shown = ['amount', 'currency', 'symbol'];
      break;
    case 'deposit':
    case 'withdrawal':
      shown = ['amount', 'currency', 'fees'];
      break;
    case 'transfer_in':
      shown = securities
        ? ['symbol', 'quantity', 'price', 'costPrice']
        : ['amount', 'currency', 'fees'];
      break;
    case 'transfer_out':
      shown = securities ? ['symbol', 'quantity', 'price'] : ['amount', 'currency', 'fees'];
      break;
    case 'split':
      shown = ['symbol', 'splitRatio'];
      break;
  }
  return { shown, required: needed };
}

export function emptyFormValues(
  type: TransactionType,
  tradeDate: string,
  currency: Currency,
): TransactionFormValues {
  return {
    type,
    transferKind: 'cash',
    tradeDate,
    symbol: '',
    quantity: '',
    price: '',
    amount: '',
    fees: '',
    taxes: '',
    splitRatio: '',
    costPrice: '',
    currency,
    note: '',
  };
}

/** Form values of an existing transaction (for editing); zero fees and taxes show empty. */
export function formValuesOf(tx: TransactionDto): TransactionFormValues {
  const zeroIsEmpty = (value: string) => (/^0(\.0*)?$/.test(value) ? '' : value);
  return {
    type: tx.type,
    transferKind: isTransfer(tx.type) && tx.symbol ? 'securities' : 'cash',
    tradeDate: tx.tradeDate,
    symbol: tx.symbol ?? '',
    quantity: tx.quantity ?? '',
    price: tx.price ?? '',
    amount: tx.amount ?? '',
    fees: zeroIsEmpty(tx.fees),
    taxes: zeroIsEmpty(tx.taxes),
    splitRatio: tx.splitRatio ?? '',
    costPrice: tx.costPrice ?? '',
    currency: tx.currency,
    note: tx.note ?? '',
  };
}

/** What `transactions.create` / `update` take (without accountId / id). */
export interface TransactionFieldsInput {
  type: TransactionType;
  tradeDate: string;
  currency?: Currency;
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  amount: string | null;
  fees: string | null;
  taxes: string | null;
  splitRatio: string | null;
  costPrice: string | null;
  note: string | null;
}

/**
 * Decimal text as typed → what the server parses: spaces and thousands separators removed
 * (`1,234,500` → `1234500`), a decimal comma is not guessed at. Empty stays empty.
 */
export function normalizeDecimalText(text: string): string {
  return text.normalize('NFKC').replace(/[\s,_]/g, '');
}

/**
 * The input for a type: only the fields the type shows are sent; the others are null so that an
 * edit which changes the type clears them (update replaces every field). Positions leave the
 * currency to the instrument (the form shows no currency for them).
 */
export function toTransactionInput(values: TransactionFormValues): TransactionFieldsInput {
  const { shown } = fieldLayout(values.type, values.transferKind);
  const take = (field: DecimalField | 'symbol') => {
    if (!shown.includes(field)) return null;
    const raw = field === 'symbol' ? values.symbol.trim() : normalizeDecimalText(values[field]);
    return raw === '' ? null : raw;
  };
  const symbol = take('symbol');
  const input: TransactionFieldsInput = {
    type: values.type,
    tradeDate: values.tradeDate.trim(),
    symbol: symbol === null ? null : symbol.toUpperCase(),
    quantity: take('quantity'),
    price: take('price'),
    amount: take('amount'),
    fees: take('fees'),
    taxes: take('taxes'),
    splitRatio: take('splitRatio'),
    costPrice: take('costPrice'),
    note: values.note.trim() === '' ? null : values.note.trim(),
  };
  // Cash-only types pick their currency; positions take the instrument's.
  if (shown.includes('currency')) input.currency = values.currency;
  return input;
}

export type FormIssue = 'required' | 'number' | 'positive' | 'future' | 'date';

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/**
 * Problems a form can see without the server: empty required fields, text that is not a
 * non-negative decimal, a zero quantity or split ratio, a date that is not a date or is after
 * `today` (the market's today, computed by the caller).
 */
export function formIssues(
  values: TransactionFormValues,
  today: string,
): Partial<Record<FormField, FormIssue>> {
  const { shown, required } = fieldLayout(values.type, values.transferKind);
  const issues: Partial<Record<FormField, FormIssue>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.tradeDate)) issues.tradeDate = 'date';
  else if (values.tradeDate > today) issues.tradeDate = 'future';
  for (const field of shown) {
    if (field === 'currency' || field === 'note' || field === 'tradeDate') continue;
    const raw = field === 'symbol' ? values.symbol.trim() : normalizeDecimalText(values[field]);
    if (raw === '') {
      if (required.has(field)) issues[field] = 'required';
      continue;
    }
    if (field === 'symbol') continue;
    if (raw.startsWith('-') || !DECIMAL.test(raw)) {
      issues[field] = 'number';
      continue;
    }
    if ((field === 'quantity' || field === 'splitRatio') && /^[0.]*$/.test(raw)) {
      issues[field] = 'positive';
    }
  }
  return issues;
}
