import { describe, expect, it } from 'vitest';
import { issueOf, ledgerErrorOf } from '@/components/portfolio/ledger/ledger-errors';
import { isDomainError } from '@/server/errors';
import { applyLedger } from '@/server/portfolio/ledger';
import { validateTransaction } from '@/server/portfolio/ledger-service';
import {
  parseCsvCurrency,
  parseCsvDate,
  parseCsvNumber,
  parseCsvType,
} from '@/server/portfolio/csv-values';
import type { LedgerTransaction } from '@/server/portfolio/types';

const NOW = new Date('2026-05-20T06:00:00Z');

/** The server's own validation messages, per field. */
function issuesOf(draft: Parameters<typeof validateTransaction>[0]) {
  const result = validateTransaction(draft, { baseCurrency: 'KRW', now: NOW });
  if (result.ok) throw new Error('expected the draft to be rejected');
  return Object.fromEntries(result.issues.map((issue) => [issue.field, issue.message]));
}

/** The DomainError message applyLedger throws for a ledger. */
function replayMessage(ledger: LedgerTransaction[]): string {
  try {
    applyLedger(ledger);
  } catch (error) {
    if (isDomainError(error)) return error.message;
    throw error;
  }
  throw new Error('expected the ledger to be rejected');
}

/** A tRPC client error as the browser receives it. */
function trpcError(message: string, data: Record<string, unknown>) {
  return Object.assign(new Error(message), { data: { code: 'BAD_REQUEST', ...data } });
}

describe('reading the ledger service validation messages', () => {
  it('recognises every field problem of a transaction', () => {
    const issues = issuesOf({
      type: 'buy',
      tradeDate: '2026-05-21',
      symbol: '005930',
      quantity: '-1',
      price: '1.12345678901',
      fees: 'abc',
    });
    expect(issueOf(issues.tradeDate!)).toEqual({ code: 'future', today: '2026-05-20' });
    expect(issueOf(issues.quantity!)).toEqual({ code: 'negative' });
    expect(issueOf(issues.price!)).toEqual({ code: 'tooPrecise', places: 10 });
    expect(issueOf(issues.fees!)).toEqual({ code: 'notNumber', value: null });

    expect(issueOf(issuesOf({ type: 'buy', tradeDate: '2026-05-01' }).symbol!)).toEqual({
      code: 'required',
    });
    expect(
      issueOf(issuesOf({ type: 'buy', tradeDate: '2026-05-01', symbol: '999999' }).symbol!),
    ).toEqual({ code: 'unknownSymbol', symbol: '999999' });
    expect(
      issueOf(issuesOf({ type: 'buy', tradeDate: '2026-05-01', symbol: '999999.KS' }).symbol!),
    ).toEqual({ code: 'unknownSymbol', symbol: '999999.KS' });
    expect(
      issueOf(
        issuesOf({ type: 'buy', tradeDate: '2026-05-01', symbol: 'AAPL', currency: 'KRW' })
          .currency!,
      ),
    ).toEqual({ code: 'currencyMismatch', symbol: 'AAPL', currency: 'USD' });
    expect(
      issueOf(
        issuesOf({ type: 'split', tradeDate: '2026-05-01', symbol: 'AAPL', splitRatio: '0' })
          .splitRatio!,
      ),
    ).toEqual({ code: 'zero' });
    expect(
      issueOf(issuesOf({ type: 'deposit', tradeDate: '2026-5-1', amount: '1' }).tradeDate!),
    ).toEqual({ code: 'notDate', value: null });
    expect(
      issueOf(
        issuesOf({ type: 'deposit', tradeDate: '2026-05-01', amount: '1'.repeat(25) }).amount!,
      ),
    ).toEqual({ code: 'tooLarge' });
  });

  it('recognises the replay refusals: oversell, negative cash, a symbol never held', () => {
    const deposit = {
      id: 'd',
      type: 'deposit',
      tradeDate: '2024-01-02',
      currency: 'KRW',
      amount: '1000000',
    } as const;
    const buy = {
      id: 'b',
      type: 'buy',
      tradeDate: '2024-01-03',
      currency: 'KRW',
      symbol: '005930.KS',
      quantity: '5',
      price: '70000',
    } as const;
    const oversell = replayMessage([
      deposit,
      buy,
      { ...buy, id: 's', type: 'sell', tradeDate: '2024-02-01', quantity: '7.5' },
    ]);
    const error = ledgerErrorOf(trpcError(oversell, { field: null }));
    expect(error).toEqual({
      field: null,
      row: null,
      transaction: { date: '2024-02-01', type: 'sell', symbol: '005930.KS' },
      issue: { code: 'oversell', symbol: '005930.KS', quantity: '7.5', held: '5' },
    });

    const overdraw = replayMessage([{ ...buy, quantity: '20' }]);
    expect(ledgerErrorOf(trpcError(overdraw, {}))?.issue).toEqual({
      code: 'negativeCash',
      currency: 'KRW',
      balance: '-1400000',
      date: '2024-01-03',
    });

    const neverHeld = replayMessage([deposit, { ...buy, type: 'sell' }]);
    expect(ledgerErrorOf(trpcError(neverHeld, {}))?.issue).toEqual({
      code: 'neverHeld',
      symbol: '005930.KS',
    });
  });

  it('recognises the CSV cell problems of an import preview', () => {
    const message = (parsed: { ok: boolean; message?: string }) => parsed.message ?? '';
    expect(issueOf(message(parseCsvNumber('12a')))).toEqual({ code: 'notNumber', value: '12a' });
    expect(issueOf(message(parseCsvDate('yesterday')))).toEqual({
      code: 'notDate',
      value: 'yesterday',
    });
    expect(issueOf(message(parseCsvDate('2026-02-30')))).toEqual({
      code: 'notDate',
      value: '2026-02-30',
    });
    expect(issueOf(message(parseCsvType('주식매매')))).toEqual({
      code: 'notType',
      value: '주식매매',
    });
    expect(issueOf(message(parseCsvType('')))).toEqual({ code: 'required' });
    expect(issueOf(message(parseCsvCurrency('JPY')))).toEqual({
      code: 'notCurrency',
      value: 'JPY',
    });
    expect(issueOf('no instrument named "없는회사"')).toEqual({
      code: 'unknownName',
      name: '없는회사',
    });
    expect(issueOf('no column mapped')).toEqual({ code: 'unmapped' });
  });

  it('keeps a message it does not know as it is', () => {
    expect(issueOf('something new went wrong')).toEqual({
      code: 'other',
      message: 'something new went wrong',
    });
  });
});

describe('ledgerErrorOf', () => {
  it('strips the "field: " prefix of validation errors and keeps the field', () => {
    const error = trpcError('quantity: must not be negative', { field: 'quantity' });
    expect(ledgerErrorOf(error)).toEqual({
      field: 'quantity',
      row: null,
      transaction: null,
      issue: { code: 'negative' },
    });
  });

  it('reads the row of an import commit refusal', () => {
    const error = trpcError(
      'Row 4: Transaction 9f (2025-03-02 sell AAPL): cannot remove 3 AAPL: only 1 held',
      {},
    );
    expect(ledgerErrorOf(error)).toMatchObject({
      row: 4,
      transaction: { date: '2025-03-02', type: 'sell', symbol: 'AAPL' },
      issue: { code: 'oversell', held: '1' },
    });
  });

  it('reads file-level import errors', () => {
    expect(
      ledgerErrorOf(
        trpcError('The file is 6.2 MB; at most 5 MB can be imported at once.', { field: 'csv' }),
      ),
    ).toMatchObject({ field: 'csv', issue: { code: 'fileTooLarge' } });
    expect(ledgerErrorOf(trpcError('The file is empty.', { field: 'csv' }))?.issue).toEqual({
      code: 'fileEmpty',
    });
  });

  it('reads the first zod input issue', () => {
    const error = trpcError('invalid', {
      zodError: { formErrors: [], fieldErrors: { csv: ['CSV_TOO_LARGE'] } },
    });
    expect(ledgerErrorOf(error)).toMatchObject({ field: 'csv', issue: { code: 'fileTooLarge' } });
  });

  it('leaves other failures to the generic error text', () => {
    expect(ledgerErrorOf(new Error('fetch failed'))).toBeNull();
    expect(
      ledgerErrorOf(Object.assign(new Error('gone'), { data: { code: 'NOT_FOUND' } })),
    ).toBeNull();
  });
});
