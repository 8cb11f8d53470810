import { cache } from 'react';
import { isDomainError } from '@/server/errors';
import { getServices } from '@/server/services';
import { requireUser } from '../../require-user';

/**
 * The signed-in user's account, once per request (metadata and the page share it); null when it
 * does not exist or belongs to someone else, which the page turns into its not-found view.
 */
export const loadAccount = cache(async (id: string) => {
  const user = await requireUser();
  const services = await getServices();
  try {
    return { user, account: await services.portfolios.ledger.accounts.get(user.id, id) };
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') return { user, account: null };
    throw error;
  }
});
