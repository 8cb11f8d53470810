import type { AppLocale } from './locale';
import en from './messages/en.json';
import ko from './messages/ko.json';

/** English is the reference catalogue: its shape types every `t()` key (see i18n/app-config.d.ts). */
export type AppMessages = typeof en;

const catalogues: Record<AppLocale, AppMessages> = { en, ko };

export function messagesFor(locale: AppLocale): AppMessages {
  return catalogues[locale];
}
