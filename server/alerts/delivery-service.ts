/**
 * Outbound delivery of notifications. `plan` records one Delivery per eligible channel (enabled,
 * severity at or above the channel's minimum) and says whether quiet hours defer them; `attempt`
 * sends one delivery once and records the outcome. The Inngest functions fan deliveries out (a
 * failing channel never holds up another) and retry `attempt` with backoff.
 */
import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Logger } from '@/server/logger';
import { deliver } from './channels/deliver';
import type { DeliverOptions } from './channels/types';
import type { ChannelsService } from './channels-service';
import { texts } from './notifications-service';
import { quietUntil } from './rules/quiet-hours';
import type { Severity } from './rules/severity';
import { severityRank } from './rule-rows';

/** Retries after the first try (the Inngest function's `retries`). */
export const DELIVERY_RETRIES = 4 as const;
export const DELIVERY_MAX_ATTEMPTS = DELIVERY_RETRIES + 1;

export type AttemptOutcome =
  | { status: 'sent' | 'failed' | 'skipped'; reason?: string }
  | { status: 'retry'; reason: string; retryAfterMs?: number };

export type DeliveryDeps = {
  db: PrismaClient;
  channels: ChannelsService;
  deliverOptions: () => DeliverOptions;
  appUrl: string;
  log: Logger;
  now?: () => number;
};

export function createDeliveryService(deps: DeliveryDeps) {
  const { db } = deps;
  const now = () => new Date((deps.now ?? Date.now)());

  return {
    async plan(
      notificationId: string,
    ): Promise<{ deliveryIds: string[]; deferUntil: Date | null }> {
      const notification = await db.notification.findUnique({
        where: { id: notificationId },
        include: { user: { include: { alertSettings: true } } },
      });
      if (!notification) return { deliveryIds: [], deferUntil: null };
      const rank = severityRank[notification.severity as Severity] ?? 0;
      const channels = (
        await db.notificationChannel.findMany({
          where: { userId: notification.userId, enabled: true },
          select: { id: true, minSeverity: true },
        })
      ).filter((c) => rank >= (severityRank[c.minSeverity as Severity] ?? 0));
      const settings = notification.user.alertSettings;
      const deferUntil =
        settings?.quietStart && settings.quietEnd
          ? quietUntil(
              {
                start: settings.quietStart,
                end: settings.quietEnd,
                timeZone: notification.user.timezone,
              },
              now(),
            )
          : null;
      await db.delivery.createMany({
        data: channels.map((c) => ({
          notificationId,
          channelId: c.id,
          status: deferUntil ? 'deferred' : 'pending',
        })),
        skipDuplicates: true,
      });
      const open = await db.delivery.findMany({
        where: { notificationId, status: { in: ['pending', 'deferred'] } },
        select: { id: true },
      });
      return { deliveryIds: open.map((d) => d.id), deferUntil };
    },

    async release(deliveryIds: string[]): Promise<void> {
      await db.delivery.updateMany({
        where: { id: { in: deliveryIds }, status: 'deferred' },
        data: { status: 'pending' },
      });
    },

    /** One try. `attempt` counts from 0; the last allowed try records a failure for good. */
    async attempt(deliveryId: string, attempt: number): Promise<AttemptOutcome> {
      const delivery = await db.delivery.findUnique({
        where: { id: deliveryId },
        include: { channel: true, notification: { include: { user: true } } },
      });
      if (!delivery) return { status: 'skipped', reason: 'deleted' };
      if (delivery.status === 'sent' || delivery.status === 'failed') {
        return { status: delivery.status }; // a retried run after success: nothing to do
      }
      const record = (status: string, lastError: string | null) =>
        db.delivery.update({
          where: { id: deliveryId },
          data: {
            status,
            lastError,
            attempts: { increment: 1 },
            sentAt: status === 'sent' ? now() : undefined,
          },
        });
      let config;
      try {
        config = deps.channels.configOf(delivery.channel);
      } catch (error) {
        await record('failed', (error as Error).message);
        return { status: 'failed', reason: (error as Error).message };
      }
      const { notification } = delivery;
      const locale = notification.user.locale === 'en' ? 'en' : 'ko';
      const { title, text } = texts(locale, notification);
      const result = await deliver(
        config,
        {
          id: notification.id,
          kind: notification.type === 'report' ? 'report' : 'alert',
          severity: notification.severity as Severity,
          title,
          body: text,
          url: notification.link ? `${deps.appUrl}${notification.link}` : undefined,
          occurredAt: notification.createdAt.toISOString(),
          data: {
            notificationId: notification.id,
            kind: notification.kind,
            symbol: notification.symbol,
          },
        },
        deps.deliverOptions(),
      );
      if (result.ok) {
        await record('sent', null);
        return { status: 'sent' };
      }
      const final = !result.retryable || attempt + 1 >= DELIVERY_MAX_ATTEMPTS;
      await record(final ? 'failed' : 'pending', result.reason);
      if (final) {
        deps.log.warn({ deliveryId, reason: result.reason }, 'delivery failed for good');
        return { status: 'failed', reason: result.reason };
      }
      return { status: 'retry', reason: result.reason, retryAfterMs: result.retryAfterMs };
    },
  };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;
