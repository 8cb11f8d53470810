import { z } from 'zod';

/**
 * Alpha Vantage payloads as documented (all values strings). Numbers are accepted only in plain
 * decimal spelling so a shifted column or an HTML page never slips through as NaN; statement lines
 * stay decimal strings so large amounts are stored exactly.
 */

const decimalPattern = /^[+-]?\d+(\.\d+)?$/;
const missingValues = new Set(['None', '-', '']);

export const decimalString = z.string().regex(decimalPattern, 'expected a decimal number');

export const avNumber = decimalString.transform(Number);

/** "None" (and the occasional "-") mean the value is unknown. */
export const avNullableNumber = z
  .string()
  .refine((value) => missingValues.has(value) || decimalPattern.test(value), 'expected a number')
  .transform((value) => (missingValues.has(value) ? null : Number(value)));

export const avNullableDecimal = z
  .string()
  .refine((value) => missingValues.has(value) || decimalPattern.test(value), 'expected a number')
  .transform((value) => (missingValues.has(value) ? null : value));

export const avDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');

/** Dates that may be "None" or "0000-00-00" in fundamentals. */
export const avNullableDate = z
  .string()
  .transform((value) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value) ? value : null,
  );

/** "-2.0379%" → -2.0379 */
export const avPercent = z
  .string()
  .regex(/^[+-]?\d+(\.\d+)?%$/, 'expected a percentage')
  .transform((value) => Number(value.slice(0, -1)));

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const globalQuoteSchema = z.object({
  'Global Quote': z.object({
    '01. symbol': z.string().min(1),
    '02. open': avNumber,
    '03. high': avNumber,
    '04. low': avNumber,
    '05. price': avNumber,
    '06. volume': avNumber,
    '07. latest trading day': avDate,
    '08. previous close': avNumber,
    '09. change': avNumber,
    '10. change percent': avPercent,
  }),
});

const barSchema = z.object({
  '1. open': avNumber,
  '2. high': avNumber,
  '3. low': avNumber,
  '4. close': avNumber,
  '5. volume': avNumber,
});

export type AvBar = z.output<typeof barSchema>;

export const dailySeriesSchema = z.object({
  'Meta Data': z.object({ '2. Symbol': z.string() }),
  'Time Series (Daily)': z.record(avDate, barSchema),
});

export const weeklySeriesSchema = z.object({
  'Meta Data': z.object({ '2. Symbol': z.string() }),
  'Weekly Time Series': z.record(avDate, barSchema),
});

export const intradayMetaSchema = z.object({
  'Meta Data': z.object({ '2. Symbol': z.string(), '4. Interval': z.enum(['1min', '5min']) }),
});

export const intradaySeriesSchema = z.record(
  z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'expected YYYY-MM-DD HH:MM:SS'),
  barSchema,
);

export const overviewSchema = z.object({
  Symbol: z.string().min(1),
  AssetType: z.string().optional(),
  Name: z.string().min(1),
  Description: z.string().optional(),
  Exchange: z.string().min(1),
  Currency: z.enum(['USD', 'KRW']),
  Country: z.string().optional(),
  Sector: z.string().optional(),
  Industry: z.string().optional(),
  MarketCapitalization: avNullableNumber.optional(),
  EBITDA: avNullableNumber.optional(),
  PERatio: avNullableNumber.optional(),
  PEGRatio: avNullableNumber.optional(),
  BookValue: avNullableNumber.optional(),
  DividendPerShare: avNullableNumber.optional(),
  DividendYield: avNullableNumber.optional(),
  EPS: avNullableNumber.optional(),
  ProfitMargin: avNullableNumber.optional(),
  ReturnOnEquityTTM: avNullableNumber.optional(),
  RevenueTTM: avNullableNumber.optional(),
  Beta: avNullableNumber.optional(),
  '52WeekHigh': avNullableNumber.optional(),
  '52WeekLow': avNullableNumber.optional(),
  '50DayMovingAverage': avNullableNumber.optional(),
  '200DayMovingAverage': avNullableNumber.optional(),
  SharesOutstanding: avNullableNumber.optional(),
  DividendDate: avNullableDate.optional(),
  ExDividendDate: avNullableDate.optional(),
});

const reportSchema = z
  .object({ fiscalDateEnding: avDate, reportedCurrency: z.string().min(1) })
  .catchall(avNullableDecimal);

export const statementsSchema = z.object({
  symbol: z.string().min(1),
  annualReports: z.array(reportSchema),
  quarterlyReports: z.array(reportSchema),
});

export const symbolSearchSchema = z.object({
  bestMatches: z.array(
    z.object({
      '1. symbol': z.string().min(1),
      '2. name': z.string(),
      '3. type': z.string(),
      '4. region': z.string(),
      '8. currency': z.string(),
      '9. matchScore': avNumber,
    }),
  ),
});
