import type { AppLocale } from './locale';
import enPortfolio from './messages/en/portfolio.json';
import koPortfolio from './messages/ko/portfolio.json';
import enLedger from './messages/en/ledger.json';
import koLedger from './messages/ko/ledger.json';
import enAlerts from './messages/en/alerts.json';
import koAlerts from './messages/ko/alerts.json';
import enAlertRules from './messages/en/alertRules.json';
import koAlertRules from './messages/ko/alertRules.json';
import enChannels from './messages/en/channels.json';
import koChannels from './messages/ko/channels.json';
import enAlertsPage from './messages/en/alertsPage.json';
import koAlertsPage from './messages/ko/alertsPage.json';
import enReports from './messages/en/reports.json';
import koReports from './messages/ko/reports.json';
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
  portfolio: enPortfolio,
  ledger: enLedger,
  alerts: enAlerts,
  alertRules: enAlertRules,
  channels: enChannels,
  alertsPage: enAlertsPage,
  reports: enReports,
};

/** English is the reference catalogue: its shape types every `t()` key (see i18n/app-config.d.ts). */
export type AppMessages = typeof en;

const ko: AppMessages = {
  ...koCore,
  stocks: koStocks as AppMessages['stocks'],
  markets: koMarkets as AppMessages['markets'],
  analysis: koAnalysis as AppMessages['analysis'],
  portfolio: koPortfolio as AppMessages['portfolio'],
  ledger: koLedger as AppMessages['ledger'],
  alerts: koAlerts as AppMessages['alerts'],
  alertRules: koAlertRules as AppMessages['alertRules'],
  channels: koChannels as AppMessages['channels'],
  alertsPage: koAlertsPage as AppMessages['alertsPage'],
  reports: koReports as AppMessages['reports'],
};

const catalogues: Record<AppLocale, AppMessages> = { en, ko };

export function messagesFor(locale: AppLocale): AppMessages {
  return catalogues[locale];
}
