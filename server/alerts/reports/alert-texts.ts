import type { AppLocale } from '@/i18n/locale';
import { messagesFor } from '@/i18n/messages';
import { texts } from '../notifications-service';
import type { ReportFiredAlert } from './content';

export type ReportAlertText = { title: string; text: string };

/** Whether the catalogue has a message at a dotted key (e.g. `alertRules.fired.priceAbove`). */
function hasMessage(locale: AppLocale, key: string): boolean {
  let node: unknown = messagesFor(locale);
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/**
 * The report's alerts in the reader's language, rendered like the notification centre renders
 * them (values formatted as money, percentages, names). A key this version does not know gives
 * null, so the page shows a generic line instead of the raw key.
 */
export function reportAlertTexts(
  locale: AppLocale,
  alerts: readonly ReportFiredAlert[],
): Record<string, ReportAlertText | null> {
  const out: Record<string, ReportAlertText | null> = {};
  for (const alert of alerts) {
    out[alert.id] = hasMessage(locale, alert.messageKey) ? texts(locale, alert) : null;
  }
  return out;
}
