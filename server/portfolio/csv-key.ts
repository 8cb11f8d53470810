/**
 * The fingerprint (`importKey`) of a transaction in an account: a hash of the account and the
 * transaction's normalised fields, so the same row imported twice — or a row matching a
 * transaction entered by hand or exported earlier — is recognised as already there. Notes and
 * the row's position are not part of it: they do not change what happened.
 */
import { createHash } from 'node:crypto';
import { canonicalDecimal } from './ledger-service';
import type { TransactionWrite } from './repo';

type KeyFields = Pick<
  TransactionWrite,
  | 'type'
  | 'tradeDate'
  | 'currency'
  | 'symbol'
  | 'quantity'
  | 'price'
  | 'amount'
  | 'fees'
  | 'taxes'
  | 'splitRatio'
  | 'costPrice'
>;

const decimal = (value: string | null | undefined, empty: string): string =>
  value === null || value === undefined || value === ''
    ? empty
    : (canonicalDecimal(value) ?? value);

export function importKeyOf(accountId: string, tx: KeyFields): string {
  const parts = [
    accountId,
    tx.type,
    tx.tradeDate,
    tx.currency,
    tx.symbol ?? '',
    decimal(tx.quantity, ''),
    decimal(tx.price, ''),
    decimal(tx.amount, ''),
    decimal(tx.fees, '0'),
    decimal(tx.taxes, '0'),
    decimal(tx.splitRatio, ''),
    decimal(tx.costPrice, ''),
  ];
  return createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 40);
}
