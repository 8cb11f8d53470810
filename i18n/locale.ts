/**
 * Locale resolution shared by server and client code. Pure: callers pass the cookie value and the
 * Accept-Language header they have, so the rules are testable without a request.
 */

export const SUPPORTED_LOCALES = ['en', 'ko'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: AppLocale = 'en';
export const LOCALE_COOKIE = 'NEXT_LOCALE';
/** One year, in seconds: the switcher's choice should outlive a browser restart. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** Times are shown in the user's zone; this is the zone before we know the user's choice. */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

export function isSupportedLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Languages from an Accept-Language header, most preferred first (q-values honoured). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/** Cookie first (an explicit choice), then the browser's languages, then English. */
export function resolveLocale(input: {
  cookie?: string | null;
  acceptLanguage?: string | null;
}): AppLocale {
  if (isSupportedLocale(input.cookie)) return input.cookie;
  for (const tag of parseAcceptLanguage(input.acceptLanguage)) {
    const base = tag.split('-')[0];
    if (isSupportedLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/** The cookie string the switcher writes (client side, via document.cookie). */
export function localeCookie(locale: AppLocale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE}; SameSite=Lax`;
}
