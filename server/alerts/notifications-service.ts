/**
 * The in-app notification centre: listing with filters, read state, the unread count the bell
 * shows, and announcing new notifications (a live `notification.created` on the owner's channel,
 * and a delivery request for owners who set up outbound channels).
 */
import type { PrismaClient, Prisma } from '@/server/generated/prisma/client';
import type { Logger } from '@/server/logger';
import { userChannel } from '@/server/realtime/channels';
import type { RealtimePublisher } from '@/server/realtime/publisher';
import type { AppLocale } from '@/i18n/locale';
import { localeOf, renderAlertTitle, renderMessage } from './messages';
import type { Severity } from './rules/severity';
import type { NotificationDto } from './schemas';

export interface NotificationCreatedEvent {
  id: string;
  severity: string;
  unread: number;
}

export interface NotificationPublisher {
  announce(rows: readonly { id: string; userId: string; severity: string }[]): Promise<void>;
}

export type NotificationsDeps = {
  db: PrismaClient;
  realtime: RealtimePublisher;
  /** Ask for outbound delivery (an Inngest event per notification). */
  requestDelivery: (notificationIds: string[]) => Promise<void>;
  log: Logger;
};

/** A notification's headline and text, rendered from its stored message key and values. */
export function texts(
  locale: AppLocale,
  row: { messageKey: string; messageValues: unknown; severity: string },
): { title: string; text: string } {
  const message = {
    key: row.messageKey,
    values: (row.messageValues ?? {}) as Record<string, string | number>,
  };
  const titled = message.key.startsWith('alertRules.fired.');
  return {
    title: titled
      ? renderAlertTitle(locale, message as Parameters<typeof renderAlertTitle>[1])
      : renderMessage(locale, { key: `alerts.severity.${row.severity}`, values: {} }),
    text: renderMessage(locale, message),
  };
}

export function createNotificationsService(deps: NotificationsDeps) {
  const { db } = deps;

  async function unreadCount(userId: string): Promise<number> {
    return db.notification.count({ where: { userId, readAt: null } });
  }

  async function publishCount(userId: string, event: string, payload: Record<string, unknown>) {
    try {
      await deps.realtime.publish(userChannel(userId), event, payload);
    } catch (error) {
      // The bell catches up on its next fetch; a realtime outage must not fail the evaluation.
      deps.log.warn({ userId, err: String(error) }, `${event} publish failed`);
    }
  }

  return {
    unreadCount,

    async list(
      userId: string,
      input: {
        severity?: Severity;
        type?: 'alert' | 'report' | 'system';
        read?: 'read' | 'unread';
        cursor?: string | null;
        limit: number;
      },
      readerLocale?: AppLocale,
    ): Promise<{ items: NotificationDto[]; nextCursor: string | null; unread: number }> {
      const where: Prisma.NotificationWhereInput = {
        userId,
        severity: input.severity,
        type: input.type,
        readAt: input.read === 'read' ? { not: null } : input.read === 'unread' ? null : undefined,
      };
      const rows = await db.notification.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
        ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
        include: { deliveries: { include: { channel: { select: { label: true } } } } },
      });
      const page = rows.slice(0, input.limit);
      const locale = readerLocale ?? (await localeOf(db, userId));
      return {
        items: page.map((row) => ({
          id: row.id,
          type: row.type as NotificationDto['type'],
          kind: row.kind,
          severity: row.severity as Severity,
          symbol: row.symbol,
          accountId: row.accountId,
          ...texts(locale, row),
          link: row.link,
          createdAt: row.createdAt,
          readAt: row.readAt,
          deliveries: row.deliveries.map((d) => ({
            channelId: d.channelId,
            channelLabel: d.channel.label,
            status: d.status,
            lastError: d.lastError,
          })),
        })),
        nextCursor: rows.length > input.limit ? page.at(-1)!.id : null,
        unread: await unreadCount(userId),
      };
    },

    async markRead(
      userId: string,
      input: { ids: string[] } | { all: true },
      at = new Date(),
    ): Promise<{ updated: number; unread: number }> {
      const { count } = await db.notification.updateMany({
        where: { userId, readAt: null, ...('ids' in input ? { id: { in: input.ids } } : {}) },
        data: { readAt: at },
      });
      const unread = await unreadCount(userId);
      // Other tabs' bells follow.
      await publishCount(userId, 'notification.read', { unread });
      return { updated: count, unread };
    },

    async announce(rows: readonly { id: string; userId: string; severity: string }[]) {
      if (rows.length === 0) return;
      const userIds = [...new Set(rows.map((r) => r.userId))];
      const counts = await db.notification.groupBy({
        by: ['userId'],
        where: { userId: { in: userIds }, readAt: null },
        _count: { _all: true },
      });
      const unread = new Map(counts.map((c) => [c.userId, c._count._all]));
      for (const row of rows) {
        await publishCount(row.userId, 'notification.created', {
          id: row.id,
          severity: row.severity,
          unread: unread.get(row.userId) ?? 0,
        } satisfies NotificationCreatedEvent);
      }
      const withChannels = await db.notificationChannel.findMany({
        where: { userId: { in: userIds }, enabled: true },
        select: { userId: true },
        distinct: ['userId'],
      });
      const owners = new Set(withChannels.map((c) => c.userId));
      const ids = rows.filter((r) => owners.has(r.userId)).map((r) => r.id);
      if (ids.length > 0) await deps.requestDelivery(ids);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
