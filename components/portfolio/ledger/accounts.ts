/** Choosing among the user's accounts. Pure, so it is unit-tested. */
import type { AccountDto } from '@/server/portfolio/schemas';
import type { Currency } from '@/server/portfolio/types';

export type AccountChoice = Pick<AccountDto, 'id' | 'baseCurrency' | 'cash'>;

/**
 * The account a new holding goes to unless the user picks another: the first whose base currency
 * is the stock's (a Korean stock in the KRW account), else the first account.
 */
export function defaultAccountId(
  accounts: readonly AccountChoice[],
  currency: Currency,
): string | null {
  return (accounts.find((a) => a.baseCurrency === currency) ?? accounts[0])?.id ?? null;
}

/** The account's cash in a currency as an exact decimal string (null if it never held any). */
export function cashIn(account: Pick<AccountDto, 'cash'>, currency: Currency): string | null {
  return account.cash.find((row) => row.currency === currency)?.balance ?? null;
}
