/**
 * Where to go after signing in. Only paths on this site are honoured (an open redirect would let
 * a crafted link send a freshly signed-in user anywhere); absolute URLs count only when their host
 * is ours, as next-auth itself builds them that way.
 */
export const DEFAULT_CALLBACK = '/dashboard';

const AUTH_PAGES = ['/sign-in', '/sign-up'];

export function safeCallbackPath(value: unknown, ownHost?: string | null): string {
  if (typeof value !== 'string' || value === '') return DEFAULT_CALLBACK;
  let url: URL;
  try {
    // Resolve against a placeholder origin: anything that escapes it was not a local path.
    url = new URL(value, 'http://stockvis.invalid');
  } catch {
    return DEFAULT_CALLBACK;
  }
  const isRelative = value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
  const local = isRelative
    ? url.origin === 'http://stockvis.invalid'
    : Boolean(ownHost) && /^https?:$/.test(url.protocol) && url.host === ownHost;
  if (!local) return DEFAULT_CALLBACK;
  // Going back to a sign-in page after signing in would loop.
  if (AUTH_PAGES.includes(url.pathname)) return DEFAULT_CALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/sign-in?callbackUrl=…` for a path we want to return to. */
export function signInPath(callbackPath: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackPath))}`;
}
