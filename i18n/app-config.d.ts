import type { AppLocale } from './locale';
import type { AppMessages } from './messages';

// Types every useTranslations()/createTranslator() key against the English catalogue.
declare module 'use-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: AppMessages;
  }
}
