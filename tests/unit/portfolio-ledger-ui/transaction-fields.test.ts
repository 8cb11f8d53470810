import { describe, expect, it } from 'vitest';
import {
  emptyFormValues,
  fieldLayout,
  formIssues,
  formValuesOf,
  toTransactionInput,
  transactionTypes,
  type TransactionFormValues,
} from '@/components/portfolio/ledger/transaction-fields';
import { validateTransaction } from '@/server/portfolio/ledger-service';
import type { TransactionDto } from '@/server/portfolio/schemas';

const TODAY = '2026-05-20';
const NOW = new Date('2026-05-20T06:00:00Z');

function form(patch: Partial<TransactionFormValues>): TransactionFormValues {
  return { ...emptyFormValues('buy', '2026-05-04', 'KRW'), ...patch };
}

/** A filled form for every type (and both transfer kinds), as a user would enter it. */
const filled: Record<string, TransactionFormValues> = {
  buy: form({ type: 'buy', symbol: '005930', quantity: '10', price: '71,500', fees: '150' }),
  sell: form({ type: 'sell', symbol: '005930.KS', quantity: '3', price: '72000', taxes: '496' }),
  dividend: form({ type: 'dividend', symbol: '005930', amount: '3,610', taxes: '556' }),
  interest: form({ type: 'interest', amount: '1200', currency: 'KRW' }),
  fee: form({ type: 'fee', amount: '3000' }),
  tax: form({ type: 'tax', amount: '500' }),
  deposit: form({ type: 'deposit', amount: '1,000,000' }),
  withdrawal: form({ type: 'withdrawal', amount: '200', currency: 'USD' }),
  transferInCash: form({ type: 'transfer_in', amount: '500000' }),
  transferInShares: form({
    type: 'transfer_in',
    transferKind: 'securities',
    symbol: 'AAPL',
    quantity: '2',
    price: '189.5',
    costPrice: '150',
  }),
  transferOutShares: form({
    type: 'transfer_out',
    transferKind: 'securities',
    symbol: 'AAPL',
    quantity: '1',
    price: '190',
  }),
  split: form({ type: 'split', symbol: 'NVDA', splitRatio: '10' }),
};

describe('transaction form → input', () => {
  it('produces an input the server accepts for every type', () => {
    const covered = new Set<string>();
    for (const [name, values] of Object.entries(filled)) {
      expect(formIssues(values, TODAY), name).toEqual({});
      const input = toTransactionInput(values);
      covered.add(input.type);
      const checked = validateTransaction(
        { ...input, currency: input.currency ?? null },
        { baseCurrency: 'KRW', now: NOW },
      );
      expect(checked.ok ? [] : checked.issues, name).toEqual([]);
    }
    expect([...covered].sort()).toEqual([...transactionTypes].sort());
  });

  it('sends only the fields of the type, thousands separators removed', () => {
    expect(toTransactionInput(filled.buy!)).toEqual({
      type: 'buy',
      tradeDate: '2026-05-04',
      symbol: '005930',
      quantity: '10',
      price: '71500',
      amount: null,
      fees: '150',
      taxes: null,
      splitRatio: null,
      costPrice: null,
      note: null,
    });
    // A deposit picks its currency; a position takes the instrument's (no currency sent).
    expect(toTransactionInput(filled.deposit!)).toMatchObject({
      type: 'deposit',
      amount: '1000000',
      currency: 'KRW',
      symbol: null,
      quantity: null,
      price: null,
    });
    expect(toTransactionInput(filled.withdrawal!).currency).toBe('USD');
    expect('currency' in toTransactionInput(filled.buy!)).toBe(false);
  });

  it('clears fields the new type does not use when an edit changes the type', () => {
    const buy = filled.buy!;
    const asDeposit = toTransactionInput({ ...buy, type: 'deposit', amount: '5000' });
    expect(asDeposit).toMatchObject({ symbol: null, quantity: null, price: null, amount: '5000' });
  });

  it('tells a cash transfer from a securities transfer', () => {
    expect(toTransactionInput(filled.transferInCash!)).toMatchObject({
      amount: '500000',
      symbol: null,
      currency: 'KRW',
    });
    expect(toTransactionInput(filled.transferInShares!)).toMatchObject({
      symbol: 'AAPL',
      quantity: '2',
      price: '189.5',
      costPrice: '150',
      amount: null,
    });
  });

  it('keeps the note trimmed, and null when empty', () => {
    expect(toTransactionInput({ ...filled.fee!, note: '  custody  ' }).note).toBe('custody');
    expect(toTransactionInput({ ...filled.fee!, note: '   ' }).note).toBeNull();
  });
});

describe('field layout', () => {
  it('requires what the ledger requires for each type', () => {
    expect([...fieldLayout('buy', 'cash').required].sort()).toEqual([
      'price',
      'quantity',
      'symbol',
    ]);
    expect([...fieldLayout('dividend', 'cash').required].sort()).toEqual(['amount', 'symbol']);
    expect([...fieldLayout('split', 'cash').required].sort()).toEqual(['splitRatio', 'symbol']);
    expect([...fieldLayout('transfer_out', 'cash').required]).toEqual(['amount']);
    expect([...fieldLayout('transfer_out', 'securities').required].sort()).toEqual([
      'price',
      'quantity',
      'symbol',
    ]);
  });

  it('shows a currency only where no instrument decides it', () => {
    for (const type of ['deposit', 'withdrawal', 'interest', 'fee', 'tax'] as const) {
      expect(fieldLayout(type, 'cash').shown).toContain('currency');
    }
    for (const type of ['buy', 'sell', 'dividend', 'split'] as const) {
      expect(fieldLayout(type, 'cash').shown).not.toContain('currency');
    }
    expect(fieldLayout('transfer_in', 'securities').shown).not.toContain('currency');
  });
});

describe('form checks', () => {
  it('names empty required fields, non-numbers, zero quantities and future dates', () => {
    expect(formIssues(form({ type: 'buy' }), TODAY)).toEqual({
      symbol: 'required',
      quantity: 'required',
      price: 'required',
    });
    expect(
      formIssues(
        form({ symbol: 'AAPL', quantity: '0', price: '-3', fees: 'abc', tradeDate: '2026-05-21' }),
        TODAY,
      ),
    ).toEqual({ quantity: 'positive', price: 'number', fees: 'number', tradeDate: 'future' });
    expect(formIssues(form({ type: 'split', symbol: 'NVDA', splitRatio: '0.0' }), TODAY)).toEqual({
      splitRatio: 'positive',
    });
    expect(formIssues(form({ type: 'deposit', amount: '1', tradeDate: '' }), TODAY)).toEqual({
      tradeDate: 'date',
    });
  });

  it('accepts today, fractional quantities and optional fields left empty', () => {
    expect(
      formIssues(form({ symbol: 'AAPL', quantity: '0.125', price: '.5', tradeDate: TODAY }), TODAY),
    ).toEqual({});
  });
});

describe('editing', () => {
  it('fills the form from a transaction, zero fees shown empty', () => {
    const tx: TransactionDto = {
      id: 't1',
      accountId: 'a1',
      type: 'transfer_in',
      tradeDate: '2025-01-02',
      sequence: 0,
      currency: 'USD',
      symbol: 'AAPL',
      quantity: '2',
      price: '180',
      amount: null,
      fees: '0',
      taxes: '1.5',
      splitRatio: null,
      costPrice: '120',
      note: null,
      imported: false,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const values = formValuesOf(tx);
    expect(values).toMatchObject({
      transferKind: 'securities',
      fees: '',
      taxes: '1.5',
      costPrice: '120',
      currency: 'USD',
    });
    expect(toTransactionInput(values)).toMatchObject({
      type: 'transfer_in',
      symbol: 'AAPL',
      quantity: '2',
      price: '180',
      costPrice: '120',
    });
  });
});
