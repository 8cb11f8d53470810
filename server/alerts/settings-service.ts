/** A user's alert preferences: quiet hours and the daily report (no row = the defaults). */
import type { PrismaClient } from '@/server/generated/prisma/client';
import type { AlertSettingsDto } from './schemas';

export function createAlertSettingsService(deps: { db: PrismaClient }) {
  const { db } = deps;
  return {
    async get(userId: string): Promise<AlertSettingsDto> {
      const user = await db.user.findUniqueOrThrow({
        where: { id: userId },
        select: { timezone: true, alertSettings: true },
      });
      const s = user.alertSettings;
      return {
        quietStart: s?.quietStart ?? null,
        quietEnd: s?.quietEnd ?? null,
        dailyReportEnabled: s?.dailyReportEnabled ?? true,
        dailyReportTime: s?.dailyReportTime ?? '08:00',
        followedStrategies: s?.followedStrategies ?? [],
        timezone: user.timezone,
      };
    },

    async update(
      userId: string,
      input: Partial<Omit<AlertSettingsDto, 'timezone'>>,
    ): Promise<AlertSettingsDto> {
      await db.alertSettings.upsert({
        where: { userId },
        create: { userId, ...input },
        update: input,
      });
      return this.get(userId);
    },
  };
}

export type AlertSettingsService = ReturnType<typeof createAlertSettingsService>;
