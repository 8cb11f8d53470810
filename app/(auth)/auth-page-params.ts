import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeCallbackPath } from '@/components/auth/callback-url';
import { getSessionUser } from '@/server/auth/session';

export type AuthSearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The safe post-sign-in destination and next-auth's `?error=`; a visitor who is already signed in
 * goes straight to the destination.
 */
export async function resolveAuthPage(searchParams: AuthSearchParams) {
  const params = await searchParams;
  const host = (await headers()).get('host');
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), host);
  if (await getSessionUser()) redirect(callbackUrl);
  return { callbackUrl, error: first(params.error) ?? null };
}
