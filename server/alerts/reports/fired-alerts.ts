import type { PrismaClient } from '@/server/generated/prisma/client';
import {
  severitySchema,
  type DailyReportContent,
  type ReportFiredAlert,
  type ReportSeverity,
} from './content';

export const ALERT_WINDOW_HOURS = 24;
export const LATEST_ALERTS = 10;

const severityOf = (value: string): ReportSeverity => {
  const parsed = severitySchema.safeParse(value);
  return parsed.success ? parsed.data : 'info';
};

/** Message values as the translator takes them: strings and numbers; anything else as text. */
export function messageValuesOf(value: unknown): ReportFiredAlert['messageValues'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: ReportFiredAlert['messageValues'] = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) out[key] = v;
    else if (v !== null && v !== undefined)
      out[key] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

/** The user's alerts that fired in the ALERT_WINDOW_HOURS before `now`: counts and the latest. */
export async function firedAlerts(
  db: PrismaClient,
  userId: string,
  now: Date,
): Promise<DailyReportContent['alerts']> {
  const from = new Date(now.getTime() - ALERT_WINDOW_HOURS * 3_600_000);
  const where = { userId, type: 'alert', createdAt: { gt: from, lte: now } };
  const [counts, latest] = await Promise.all([
    db.notification.groupBy({ by: ['severity'], where, _count: { _all: true } }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: LATEST_ALERTS,
      select: {
        id: true,
        kind: true,
        severity: true,
        symbol: true,
        messageKey: true,
        messageValues: true,
        link: true,
        createdAt: true,
      },
    }),
  ]);
  const bySeverity: Record<ReportSeverity, number> = { info: 0, warning: 0, critical: 0 };
  for (const row of counts) bySeverity[severityOf(row.severity)] += row._count._all;
  return {
    from: from.toISOString(),
    to: now.toISOString(),
    total: bySeverity.info + bySeverity.warning + bySeverity.critical,
    bySeverity,
    latest: latest.map((n) => ({
      id: n.id,
      kind: n.kind,
      severity: severityOf(n.severity),
      symbol: n.symbol,
      messageKey: n.messageKey,
      messageValues: messageValuesOf(n.messageValues),
      link: n.link,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}
