import type { AppLocale } from './locale';
import enAnalysis from './messages/en/analysis.json';
import enCore from './messages/en.json';
import enMarkets from './messages/en/markets.json';
import enStocks from './messages/en/stocks.json';
import koAnalysis from './messages/ko/analysis.json';
import koCore from './messages/ko.json';
import koMarkets from './messages/ko/markets.json';
import koStocks from './messages/ko/stocks.json';

/**
 * The catalogue per locale: the core file plus one file per feature namespace
 * (`messages/<locale>/<namespace>.json`), so features keep their strings apart.
 */
const en = {
  ...enCore,
  stocks: enStocks,
  markets: enMarkets,
  analysis: enAnalysis,
};

/** English is the reference catalogue: its shape types every `t()` key (see i18n/app-config.d.ts). */
export type AppMessages = typeof en;

const ko: AppMessages = {
  ...koCore,
  stocks: koStocks as AppMessages['stocks'],
  markets: koMarkets as AppMessages['markets'],
  analysis: koAnalysis as AppMessages['analysis'],
};

const catalogues: Record<AppLocale, AppMessages> = { en, ko };

export function messagesFor(locale: AppLocale): AppMessages {
  return catalogues[locale];
}
