import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signInPath } from '@/components/auth/callback-url';
import { REQUEST_PATH_HEADER } from '@/proxy';
import { getSessionUser } from '@/server/auth/session';

/** The signed-in user, or a redirect to sign-in that returns to the requested page afterwards. */
export async function requireUser() {
  const user = await getSessionUser();
  if (user) return user;
  const path = (await headers()).get(REQUEST_PATH_HEADER) ?? '/dashboard';
  redirect(signInPath(path));
}
