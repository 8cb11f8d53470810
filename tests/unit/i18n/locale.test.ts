import { describe, expect, it } from 'vitest';
import { localeCookie, parseAcceptLanguage, resolveLocale } from '@/i18n/locale';

describe('resolveLocale', () => {
  it('prefers a supported NEXT_LOCALE cookie over the browser languages', () => {
    expect(resolveLocale({ cookie: 'en', acceptLanguage: 'ko-KR,ko;q=0.9' })).toBe('en');
    expect(resolveLocale({ cookie: 'ko', acceptLanguage: 'en-US' })).toBe('ko');
  });

  it('ignores an unsupported cookie and falls back to Accept-Language', () => {
    expect(resolveLocale({ cookie: 'fr', acceptLanguage: 'ko-KR,ko;q=0.9,en;q=0.8' })).toBe('ko');
  });

  it('picks Korean for a Korean browser and honours q-values', () => {
    expect(resolveLocale({ acceptLanguage: 'ko-KR' })).toBe('ko');
    expect(resolveLocale({ acceptLanguage: 'en;q=0.5, ko;q=0.9' })).toBe('ko');
    expect(resolveLocale({ acceptLanguage: 'fr-FR, en;q=0.8, ko;q=0.7' })).toBe('en');
  });

  it('defaults to English without any signal', () => {
    expect(resolveLocale({})).toBe('en');
    expect(resolveLocale({ cookie: null, acceptLanguage: 'de-DE,*' })).toBe('en');
  });
});

describe('parseAcceptLanguage', () => {
  it('drops q=0 entries and wildcards and keeps order for equal weights', () => {
    expect(parseAcceptLanguage('ja, ko;q=0, en-GB, *;q=0.1')).toEqual(['ja', 'en-gb']);
  });
});

describe('localeCookie', () => {
  it('lasts a year on the whole site', () => {
    expect(localeCookie('ko')).toBe('NEXT_LOCALE=ko; Path=/; Max-Age=31536000; SameSite=Lax');
  });
});
