import { z } from 'zod';

/**
 * What a daily report stores (DailyReport.content) and the page reads. JSON-safe by design: money
 * is an exact decimal string with its currency, rates are fractions (0.0123 = 1.23%), dates are
 * YYYY-MM-DD and instants ISO strings. The schema re-validates stored content on read, so a report
 * written by an older version fails loudly instead of reaching the page malformed.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');
const currency = z.enum(['KRW', 'USD']);
const rate = z.number().finite();

export const moneySchema = z.object({ amount: decimalString, currency });
export type Money = z.infer<typeof moneySchema>;

export const severitySchema = z.enum(['info', 'warning', 'critical']);
export type ReportSeverity = z.infer<typeof severitySchema>;

const portfolioSchema = z.object({
  totalValue: moneySchema,
  /** Σ quantity × (price − previous close); null when no holding has a previous close. */
  dayChange: moneySchema.nullable(),
  dayChangeRate: rate.nullable(),
  /** Change of the total value since the previous report, or else the last snapshot before today. */
  sincePrevious: z
    .object({
      basis: z.enum(['report', 'snapshot']),
      date: isoDate,
      previousValue: moneySchema,
      change: moneySchema,
      rate: rate.nullable(),
    })
    .nullable(),
  accounts: z.number().int().nonnegative(),
  holdings: z.number().int().nonnegative(),
});

const moverSchema = z.object({
  symbol: z.string(),
  name: z.string(),
  nameKo: z.string().nullable(),
  /** The instrument's own currency (price and previous close are in it). */
  price: moneySchema.nullable(),
  dayChangeRate: rate,
  /** The day's change of the position in the display currency (all accounts together). */
  dayChange: moneySchema.nullable(),
});

const firedAlertSchema = z.object({
  id: z.string(),
  kind: z.string(),
  severity: severitySchema,
  symbol: z.string().nullable(),
  /** i18n key and values (alert rule messages), rendered in the reader's language. */
  messageKey: z.string(),
  messageValues: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

const engineSignalSchema = z.object({
  symbol: z.string(),
  name: z.string(),
  nameKo: z.string().nullable(),
  /** The bar the call was taken on (the latest daily bar). */
  barDate: isoDate,
  strategy: z.string(),
  strategyName: z.string(),
  action: z.enum(['BUY', 'SELL']),
  confidence: z.number().min(0).max(1),
  reasonKey: z.string(),
  reasonParams: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The engine's English sentence, shown when no translation exists for reasonKey. */
  reason: z.string(),
});

const dividendSchema = z.object({
  symbol: z.string(),
  name: z.string(),
  nameKo: z.string().nullable(),
  exDividendDate: isoDate.nullable(),
  paymentDate: isoDate.nullable(),
  /** Annual dividend per share as the provider reports it, in the stock's currency. */
  dividendPerShare: moneySchema.nullable(),
  quantity: decimalString,
});

const strategyAccuracySchema = z.object({
  strategy: z.string(),
  strategyName: z.string(),
  /** Held symbols that had bars to evaluate. */
  symbols: z.number().int().nonnegative(),
  signals: z.number().int().nonnegative(),
  successRate: rate.nullable(),
  averageReturn: rate.nullable(),
});

export const dailyReportContentSchema = z.object({
  version: z.literal(1),
  /** The user's local date the report is for. */
  date: isoDate,
  generatedAt: z.iso.datetime(),
  currency,
  portfolio: portfolioSchema,
  best: z.array(moverSchema),
  worst: z.array(moverSchema),
  alerts: z.object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    total: z.number().int().nonnegative(),
    bySeverity: z.record(severitySchema, z.number().int().nonnegative()),
    latest: z.array(firedAlertSchema),
  }),
  signals: z.array(engineSignalSchema),
  dividends: z.object({
    status: z.enum(['known', 'unknown']),
    /** Days ahead the list looks. */
    horizonDays: z.number().int().positive(),
    items: z.array(dividendSchema),
  }),
  strategies: z.object({
    /** Where the list of strategies came from. */
    source: z.enum(['settings', 'rules', 'default']),
    horizon: z.number().int().positive(),
    bars: z.number().int().positive(),
    items: z.array(strategyAccuracySchema),
  }),
});

export type DailyReportContent = z.infer<typeof dailyReportContentSchema>;
export type ReportMover = DailyReportContent['best'][number];
export type ReportFiredAlert = DailyReportContent['alerts']['latest'][number];
export type ReportEngineSignal = DailyReportContent['signals'][number];
export type ReportDividend = DailyReportContent['dividends']['items'][number];
export type ReportStrategyAccuracy = DailyReportContent['strategies']['items'][number];

/** Parses stored content; throws with the failing path when it does not match. */
export function parseReportContent(value: unknown): DailyReportContent {
  const result = dailyReportContentSchema.safeParse(value);
  if (!result.success) {
    throw new Error(`Stored daily report content is invalid: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}
