import { z } from 'zod';

/** How loudly an alert speaks, quietest first (the order is the rank used for filters). */
export const severities = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof severities)[number];

export const severitySchema = z.enum(severities, {
  error: `severity must be one of ${severities.join(', ')}`,
});

/** 0 for info … 2 for critical, for "at least this severe" filters and sorting. */
export function severityRank(severity: Severity): number {
  return severities.indexOf(severity);
}
