import type { ConditionKind } from './conditions';

/** `price-above` → `priceAbove`: kinds as they appear in message keys. */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;
export type KindKey = Camel<ConditionKind>;

export function kindKey<K extends ConditionKind>(kind: K): Camel<K> {
  return kind.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as Camel<K>;
}

/** Why a condition could not be judged: it then counts as not active. */
export const reasonKeys = [
  'noPrice',
  'noPreviousClose',
  'noVolume',
  'noAverageVolume',
  'notEnoughBars',
  'noHoldingReturn',
  'noPortfolioReturn',
  'strategyWarmingUp',
] as const;
export type ReasonKey = (typeof reasonKeys)[number];

/**
 * Keys of the `alertRules` namespace an evaluation speaks with: `fired.*` when the condition holds
 * (the notification body; `title.*` is its headline), `current.*` what is observed while it does
 * not, `reason.*` why it could not be judged.
 */
export type AlertMessageKey =
  | `alertRules.fired.${KindKey}`
  | `alertRules.current.${KindKey}`
  | `alertRules.reason.${ReasonKey}`;
export type AlertTitleKey = `alertRules.title.${KindKey}`;
export type ConditionDescriptionKey = `alertRules.describe.${KindKey}`;

/**
 * A message to render later in the reader's locale (renderAlertText in server/alerts/messages.ts).
 * Values are raw: money as decimal strings with a `currency` value beside them, percentages as
 * percent numbers; the renderer formats them by name (see `valueFormats`). Values with other names
 * (symbol, direction, action, …) are interpolated as they are.
 */
export interface AlertMessage<Key extends string = AlertMessageKey> {
  key: Key;
  values: Record<string, string | number>;
}

export type ValueFormat =
  /** Amount in `values.currency`: KRW whole won, USD cents. */
  | 'money'
  /** Percent number with sign: 3.25 → "+3.25%". */
  | 'signedPercent'
  /** Percent level with sign, up to two decimals: 20 → "+20%", −10 → "-10%". */
  | 'percentLevel'
  /** Percent number without sign: 3 → "3%". */
  | 'percent'
  /** Up to two decimals: RSI, multiples, indicator values. */
  | 'decimal'
  /** Whole number with grouping: volumes, bar counts, periods. */
  | 'integer'
  /** A strategy id, shown by its translated name. */
  | 'strategy'
  /** A strategy's reason key (`analysis.reasons.*`), shown translated. */
  | 'strategyReason'
  /** A symbol, shown by its name in the reader's language with its code: "삼성전자 (005930)". */
  | 'instrument';

/** How the renderer formats a value, by its name; one table so every message agrees. */
export const valueFormats: Readonly<Record<string, ValueFormat>> = {
  symbol: 'instrument',
  price: 'money',
  threshold: 'money',
  previousClose: 'money',
  close: 'money',
  band: 'money',
  fastValue: 'money',
  slowValue: 'money',
  totalValue: 'money',
  averageCost: 'money',
  change: 'signedPercent',
  returnPercent: 'signedPercent',
  target: 'percentLevel',
  percent: 'percent',
  rsi: 'decimal',
  level: 'decimal',
  multiple: 'decimal',
  ratio: 'decimal',
  stddev: 'decimal',
  macdValue: 'decimal',
  signalValue: 'decimal',
  volume: 'integer',
  averageVolume: 'integer',
  lookback: 'integer',
  period: 'integer',
  fast: 'integer',
  slow: 'integer',
  signal: 'integer',
  needed: 'integer',
  have: 'integer',
  strategy: 'strategy',
  reason: 'strategyReason',
};
