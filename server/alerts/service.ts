/**
 * The alerts domain, wired: rules, evaluation, the notification centre, channels, delivery,
 * settings and daily reports. Transports (tRPC, Inngest) call these; nothing here knows them.
 */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Logger } from '@/server/logger';
import type { LiveQuoteLookup } from '@/server/portfolio/analytics-prices';
import type { PortfolioAnalyticsService } from '@/server/portfolio/analytics-service';
import type { RealtimePublisher } from '@/server/realtime/publisher';
import type { DeliverOptions } from './channels/types';
import { createChannelsService } from './channels-service';
import { createDeliveryService } from './delivery-service';
import { createAlertEvaluator } from './evaluator';
import { createNotificationsService } from './notifications-service';
import { createReportsService } from './reports/service';
import { createAlertRulesService } from './rules-service';
import { createAlertSettingsService } from './settings-service';

export type AlertsDeps = {
  db: PrismaClient;
  realtime: RealtimePublisher;
  liveQuote?: LiveQuoteLookup;
  analytics: PortfolioAnalyticsService;
  encryptionKey: string;
  deliverOptions: () => DeliverOptions;
  appUrl: string;
  /** Send `alerts/notification.created` per id (outbound delivery). */
  requestDelivery: (notificationIds: string[]) => Promise<void>;
  log: Logger;
  now?: () => number;
};

export function createAlertsService(deps: AlertsDeps) {
  const log = deps.log.child({ module: 'alerts' });
  const notifications = createNotificationsService({
    db: deps.db,
    realtime: deps.realtime,
    requestDelivery: deps.requestDelivery,
    log,
  });
  const channels = createChannelsService({
    db: deps.db,
    encryptionKey: deps.encryptionKey,
    deliverOptions: deps.deliverOptions,
    appUrl: deps.appUrl,
    now: deps.now,
  });
  const reports = createReportsService({ db: deps.db, analytics: deps.analytics, now: deps.now });
  return {
    /**
     * Generate a user's report for a date (idempotent), add it to their notification centre once
     * (unique per user and date) and announce it (live bell, outbound channels).
     */
    async publishReport(userId: string, date: string): Promise<{ created: boolean }> {
      await reports.generate(userId, date);
      const inserted = await deps.db.$queryRawUnsafe<
        { id: string; userId: string; severity: string }[]
      >(
        `INSERT INTO "Notification" (id, "userId", type, kind, severity, "messageKey",
           "messageValues", "dedupKey", link)
         VALUES ($1, $2, 'report', 'daily-report', 'info', 'alerts.notification.reportReady',
           $3::jsonb, $4, $5)
         ON CONFLICT ("dedupKey") DO NOTHING
         RETURNING id, "userId", severity`,
        randomUUID(),
        userId,
        JSON.stringify({ date }),
        `report|${userId}|${date}`,
        `/reports/${date}`,
      );
      await notifications.announce(inserted);
      return { created: inserted.length > 0 };
    },
    rules: createAlertRulesService({ db: deps.db }),
    evaluator: createAlertEvaluator({
      db: deps.db,
      liveQuote: deps.liveQuote,
      notifications,
      log,
      now: deps.now,
    }),
    notifications,
    channels,
    delivery: createDeliveryService({
      db: deps.db,
      channels,
      deliverOptions: deps.deliverOptions,
      appUrl: deps.appUrl,
      log,
      now: deps.now,
    }),
    settings: createAlertSettingsService({ db: deps.db }),
    reports,
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
