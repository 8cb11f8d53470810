import { z } from 'zod';
import { chartIntervals, chartPeriods } from './chart-range';
import { symbolSchema } from './symbols';

/** tRPC inputs of the stocks router. */
export const stockSymbolInput = z.object({ symbol: symbolSchema });

export const stockSearchInput = z.object({
  query: z.string().max(64, 'Search for at most 64 characters'),
  limit: z.number().int().min(1).max(50).default(10),
});

export const stockChartInput = z.object({
  symbol: symbolSchema,
  interval: z.enum(chartIntervals).default('daily'),
  period: z.enum(chartPeriods).default('1y'),
});

export const stockStatementsInput = z.object({
  symbol: symbolSchema,
  kind: z.enum(['income', 'balance', 'cashflow']),
  period: z.enum(['annual', 'quarterly']).default('annual'),
});
