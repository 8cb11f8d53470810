import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from 'use-intl';
import { DEFAULT_TIME_ZONE, LOCALE_COOKIE, resolveLocale, type AppLocale } from './locale';
import { messagesFor, type AppMessages } from './messages';

/** The request's locale: NEXT_LOCALE cookie, then Accept-Language, then English. */
export const getLocale = cache(async (): Promise<AppLocale> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  });
});

export function getMessages(locale: AppLocale): AppMessages {
  return messagesFor(locale);
}

type Namespace = NamespaceKeys<AppMessages, NestedKeyOf<AppMessages>>;

/** A translator for server components, optionally scoped to a namespace like `'nav'`. */
export async function getTranslator<N extends Namespace = never>(namespace?: N) {
  const locale = await getLocale();
  return createTranslator<AppMessages, N>({
    locale,
    messages: getMessages(locale),
    namespace,
    timeZone: DEFAULT_TIME_ZONE,
  });
}
