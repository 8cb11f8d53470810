import { createFormatter, createTranslator, type NumberFormatOptions } from 'use-intl';
import { DEFAULT_TIME_ZONE, type AppLocale } from '@/i18n/locale';
import { messagesFor } from '@/i18n/messages';
import { getInstrument } from '@/server/market-data/instruments';
import {
  kindKey,
  valueFormats,
  type AlertMessage,
  type AlertMessageKey,
  type AlertTitleKey,
  type ConditionDescriptionKey,
} from './rules/alert-message';
import type { RuleCondition } from './rules/conditions';

/**
 * Alert texts rendered on the server (notification bodies, outbound messages, the rules list) in
 * the reader's locale, from the `alertRules` namespace. Messages carry raw values; they are
 * formatted here by name (`valueFormats`): money in its currency (KRW in whole won, USD in cents),
 * percentages, indicator values, strategy names.
 */

/** "삼성전자 (005930)" / "Apple (AAPL)"; the bare symbol when it is not in the master. */
function instrumentName(locale: AppLocale, symbol: string): string {
  const instrument = getInstrument(symbol);
  if (!instrument) return symbol;
  const name = (locale === 'ko' ? instrument.nameKo : null) ?? instrument.nameEn;
  const code = symbol.replace(/\.(KS|KQ)$/, '');
  return name && name !== code ? `${name} (${code})` : symbol;
}

type RenderableKey = AlertMessageKey | AlertTitleKey | ConditionDescriptionKey;
type Values = Record<string, string | number>;

function translatorFor(locale: AppLocale) {
  return createTranslator({ locale, messages: messagesFor(locale), timeZone: DEFAULT_TIME_ZONE });
}
type Translator = ReturnType<typeof translatorFor>;
type AnyKey = Parameters<Translator>[0];

const fractionDigits = (currency: string) => (currency === 'KRW' ? 0 : 2);

function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
}

function formatValues(locale: AppLocale, t: Translator, values: Values): Values {
  const format = createFormatter({ locale, timeZone: DEFAULT_TIME_ZONE });
  const number = (value: string | number, options: NumberFormatOptions) => {
    const n = Number(value);
    return Number.isFinite(n) ? format.number(n, options) : String(value);
  };
  const percent = (value: string | number, options: NumberFormatOptions) =>
    number(Number(value) / 100, { style: 'percent', maximumFractionDigits: 2, ...options });
  const currency = values.currency;

  const formatted: Values = {};
  for (const [name, value] of Object.entries(values)) {
    switch (valueFormats[name]) {
      case 'money':
        formatted[name] = isCurrencyCode(currency)
          ? number(value, {
              style: 'currency',
              currency,
              minimumFractionDigits: fractionDigits(currency),
              maximumFractionDigits: fractionDigits(currency),
            })
          : number(value, { maximumFractionDigits: 2 });
        break;
      case 'signedPercent':
        formatted[name] = percent(value, { minimumFractionDigits: 2, signDisplay: 'exceptZero' });
        break;
      case 'percentLevel':
        formatted[name] = percent(value, { signDisplay: 'exceptZero' });
        break;
      case 'percent':
        formatted[name] = percent(value, {});
        break;
      case 'decimal':
        formatted[name] = number(value, { maximumFractionDigits: 2 });
        break;
      case 'integer':
        formatted[name] = number(value, { maximumFractionDigits: 0 });
        break;
      case 'strategy': {
        const key = `analysis.strategies.${value}` as AnyKey;
        formatted[name] = t.has(key) ? t(key) : String(value);
        break;
      }
      case 'instrument':
        formatted[name] = instrumentName(locale, String(value));
        break;
      case 'strategyReason': {
        const key = `analysis.reasons.${value}` as AnyKey;
        formatted[name] = t.has(key) ? t(key, values) : String(value);
        break;
      }
      default:
        formatted[name] = value;
    }
  }
  return formatted;
}

/** The text of an alert message (a notification body, a reason, a condition description). */
export function renderAlertText(locale: AppLocale, message: AlertMessage<RenderableKey>): string {
  const t = translatorFor(locale);
  return t(message.key, formatValues(locale, t, message.values));
}

/**
 * The headline of a fired alert (`alertRules.title.*` for an `alertRules.fired.*` message); any
 * other message is its own headline.
 */
export function renderAlertTitle(locale: AppLocale, message: AlertMessage<RenderableKey>): string {
  const prefix = 'alertRules.fired.';
  if (!message.key.startsWith(prefix)) return renderAlertText(locale, message);
  const key = `alertRules.title.${message.key.slice(prefix.length)}` as AlertTitleKey;
  return renderAlertText(locale, { key, values: message.values });
}

/**
 * What a rule watches, for the rules list ("Price at or above ₩80,000"). Pass the instrument's
 * currency so price thresholds are shown as money.
 */
export function describeCondition(
  condition: RuleCondition,
  subject: { currency?: string } = {},
): AlertMessage<ConditionDescriptionKey> {
  const key = `alertRules.describe.${kindKey(condition.kind)}` as const;
  const currency: Values = subject.currency ? { currency: subject.currency } : {};
  switch (condition.kind) {
    case 'price-above':
    case 'price-below':
      return { key, values: { ...currency, threshold: condition.price } };
    case 'day-change':
    case 'holding-day-move':
      return { key, values: { percent: condition.percent, direction: condition.direction } };
    case 'holding-return-above':
    case 'holding-return-below':
    case 'portfolio-return-above':
    case 'portfolio-return-below':
      return { key, values: { target: condition.percent } };
    case 'volume-spike':
      return { key, values: { multiple: condition.multiple, lookback: condition.lookback } };
    case 'rsi-below':
    case 'rsi-above':
      return { key, values: { level: condition.level, period: condition.period } };
    case 'macd-cross': {
      const { direction, fast, slow, signal } = condition;
      return { key, values: { direction, fast, slow, signal } };
    }
    case 'golden-cross':
    case 'death-cross': {
      const { fast, slow } = condition;
      return { key, values: { average: condition.average.toUpperCase(), fast, slow } };
    }
    case 'bollinger-break': {
      const { side, period, stddev } = condition;
      return { key, values: { side, period, stddev } };
    }
    case 'strategy-signal':
      return { key, values: { strategy: condition.strategy, action: condition.action } };
  }
}

/**
 * Any stored message (alert texts, report and system notices, channel test texts) in the
 * reader's locale; alert values are formatted as in `renderAlertText`. An unknown key renders as
 * the key, so a message from a newer version is still legible.
 */
export function renderMessage(
  locale: AppLocale,
  message: { key: string; values: Record<string, string | number> },
): string {
  const t = translatorFor(locale);
  const key = message.key as AnyKey;
  if (!t.has(key)) return message.key;
  return t(key, formatValues(locale, t, message.values));
}

/** The language a user reads alerts in (their UI language). */
export async function localeOf(
  db: {
    user: {
      findUnique(args: {
        where: { id: string };
        select: { locale: true };
      }): Promise<{ locale: string } | null>;
    };
  },
  userId: string,
): Promise<AppLocale> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return user?.locale === 'en' ? 'en' : 'ko';
}
