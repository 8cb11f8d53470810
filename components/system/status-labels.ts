import type { HealthReport } from '@/server/system/health';

export type OverallStatus = HealthReport['status'];

/** Badge tone for the overall status. */
export function overallTone(status: OverallStatus): 'success' | 'warning' | 'danger' {
  return status === 'ok' ? 'success' : status === 'degraded' ? 'warning' : 'danger';
}
