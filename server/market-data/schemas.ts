import { z } from 'zod';

/**
 * zod schemas for our own market-data DTOs: checked again when read back from JSON columns, so a
 * row written by an older version fails loudly instead of reaching the UI malformed.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const providerIdSchema = z.enum(['demo', 'alphavantage', 'kis']);
export const dataQualitySchema = z.enum(['real', 'simulated', 'illustrative']);
export const currencySchema = z.enum(['KRW', 'USD']);

export const overviewMetricKeys = [
  'marketCap',
  'ebitda',
  'peRatio',
  'pegRatio',
  'bookValue',
  'dividendPerShare',
  'dividendYield',
  'eps',
  'week52High',
  'week52Low',
  'movingAverage50',
  'movingAverage200',
  'sharesOutstanding',
  'beta',
  'profitMargin',
  'returnOnEquity',
  'revenueTtm',
] as const;

export const companyOverviewSchema = z.object({
  symbol: z.string().min(1),
  name: z.string(),
  nameKo: z.string().nullable(),
  description: z.string().nullable(),
  exchange: z.string(),
  currency: currencySchema,
  country: z.string().nullable(),
  sector: z.string().nullable(),
  industry: z.string().nullable(),
  metrics: z.partialRecord(z.enum(overviewMetricKeys), z.number().finite().nullable()),
  dividendDate: isoDate.nullable(),
  exDividendDate: isoDate.nullable(),
  quality: dataQualitySchema,
  provider: providerIdSchema,
});

/** Exact decimal strings (or null for "None"). */
export const statementLinesSchema = z.record(
  z.string(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string')
    .nullable(),
);
