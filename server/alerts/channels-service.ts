/**
 * A user's outbound channels. The whole configuration (tokens, webhook URLs, SMTP passwords) is
 * encrypted at rest with the app's ENCRYPTION_KEY; the UI only ever sees the masked form.
 */
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/server/generated/prisma/client';
import { DomainError } from '@/server/errors';
import { deliver } from './channels/deliver';
import type { DeliverOptions } from './channels/types';
import { maskChannelConfig } from './channels/mask';
import { openChannelConfig, sealChannelConfig } from './channels/stored-config';
import type { ChannelConfig, DeliveryResult } from './channels/types';
import { renderMessage } from './messages';
import type { Severity } from './rules/severity';
import { ALERT_LIMITS } from './schemas';
import { keyFingerprint, parseEncryptionKey } from './secrets';

export interface ChannelDto {
  id: string;
  kind: ChannelConfig['kind'];
  label: string;
  masked: string;
  minSeverity: Severity;
  enabled: boolean;
  /** False when the config was encrypted with another key (it must be entered again). */
  readable: boolean;
  createdAt: Date;
  recentDeliveries: { status: string; lastError: string | null; at: Date }[];
}

export type ChannelsDeps = {
  db: PrismaClient;
  /** base64 32-byte key (server/config/secrets.ts). */
  encryptionKey: string;
  deliverOptions: () => DeliverOptions;
  /** Absolute base URL of the app, for links in messages. */
  appUrl: string;
  now?: () => number;
};

export function createChannelsService(deps: ChannelsDeps) {
  const { db } = deps;
  const key = parseEncryptionKey(deps.encryptionKey);
  const fingerprint = keyFingerprint(key);

  async function requireOwned(userId: string, id: string) {
    const row = await db.notificationChannel.findFirst({ where: { id, userId } });
    if (!row) throw new DomainError('NOT_FOUND', 'Channel not found.');
    return row;
  }

  /** The decrypted config; the token is bound to its row, so a copied token does not open. */
  function configOf(row: { id: string; configEncrypted: string; keyFingerprint: string }) {
    if (row.keyFingerprint !== fingerprint) {
      throw new DomainError(
        'INVALID',
        'This channel was saved with another encryption key; enter its settings again.',
      );
    }
    return openChannelConfig(row.configEncrypted, key, row.id);
  }

  function sealed(id: string, config: ChannelConfig) {
    return {
      kind: config.kind,
      configEncrypted: sealChannelConfig(config, key, id),
      keyFingerprint: fingerprint,
      masked: maskChannelConfig(config),
    };
  }

  return {
    configOf,

    async list(userId: string): Promise<ChannelDto[]> {
      const rows = await db.notificationChannel.findMany({
        where: { userId },
        orderBy: { createdAt: 'asc' },
        include: { deliveries: { orderBy: { createdAt: 'desc' }, take: 5 } },
      });
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind as ChannelConfig['kind'],
        label: row.label,
        masked: row.masked,
        minSeverity: row.minSeverity as Severity,
        enabled: row.enabled,
        readable: row.keyFingerprint === fingerprint,
        createdAt: row.createdAt,
        recentDeliveries: row.deliveries.map((d) => ({
          status: d.status,
          lastError: d.lastError,
          at: d.updatedAt,
        })),
      }));
    },

    async create(
      userId: string,
      input: { label: string; config: ChannelConfig; minSeverity: Severity; enabled: boolean },
    ): Promise<{ id: string }> {
      const count = await db.notificationChannel.count({ where: { userId } });
      if (count >= ALERT_LIMITS.channelsPerUser) {
        throw new DomainError(
          'INVALID',
          `You can have at most ${ALERT_LIMITS.channelsPerUser} channels.`,
        );
      }
      const id = randomUUID();
      const row = await db.notificationChannel.create({
        data: {
          id,
          userId,
          label: input.label,
          minSeverity: input.minSeverity,
          enabled: input.enabled,
          ...sealed(id, input.config),
        },
      });
      return { id: row.id };
    },

    /** A new `config` replaces the stored one whole (secrets are never sent back to fill a form). */
    async update(
      userId: string,
      id: string,
      input: { label?: string; config?: ChannelConfig; minSeverity?: Severity; enabled?: boolean },
    ): Promise<{ id: string }> {
      const row = await requireOwned(userId, id);
      if (input.config && input.config.kind !== row.kind) {
        throw new DomainError('INVALID', 'A channel keeps its kind; create a new one instead.');
      }
      await db.notificationChannel.update({
        where: { id },
        data: {
          label: input.label,
          minSeverity: input.minSeverity,
          enabled: input.enabled,
          ...(input.config ? sealed(id, input.config) : {}),
        },
      });
      return { id };
    },

    async delete(userId: string, id: string): Promise<{ id: string }> {
      await requireOwned(userId, id);
      await db.notificationChannel.delete({ where: { id } });
      return { id };
    },

    /** Send a test message now (no retries) and answer with what the channel said. */
    async sendTest(userId: string, id: string): Promise<DeliveryResult> {
      const row = await requireOwned(userId, id);
      const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
      const locale = user.locale === 'en' ? 'en' : 'ko';
      const at = new Date((deps.now ?? Date.now)());
      return deliver(
        configOf(row),
        {
          id: `test-${id}-${at.getTime()}`,
          kind: 'test',
          severity: 'info',
          title: renderMessage(locale, { key: 'channels.testMessage.title', values: {} }),
          body: renderMessage(locale, {
            key: 'channels.testMessage.body',
            values: {
              channel: renderMessage(locale, { key: `channels.kinds.${row.kind}`, values: {} }),
            },
          }),
          url: `${deps.appUrl}/alerts`,
          occurredAt: at.toISOString(),
        },
        deps.deliverOptions(),
      );
    },
  };
}

export type ChannelsService = ReturnType<typeof createChannelsService>;
