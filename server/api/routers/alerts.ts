import { z } from 'zod';
import { channelConfigSchema } from '@/server/alerts/channels/types';
import { severities } from '@/server/alerts/rules/severity';
import {
  alertSettingsInput,
  createRuleInput,
  listNotificationsInput,
  markReadInput,
  ruleIdInput,
  updateRuleInput,
} from '@/server/alerts/schemas';
import { isCalendarDate } from '@/server/portfolio/calc-dates';
import { createTRPCRouter, protectedProcedure } from '../trpc';

const idInput = z.object({ id: z.string().min(1).max(64) });
const channelFields = z.object({
  label: z.string().trim().min(1).max(60),
  config: channelConfigSchema,
  minSeverity: z.enum(severities).default('info'),
  enabled: z.boolean().default(true),
});

/**
 * Alerts: rules (built-in and the user's), the notification centre, outbound channels, alert
 * settings and daily reports. Every procedure is scoped to the signed-in user.
 */
export const alertsRouter = createTRPCRouter({
  rules: createTRPCRouter({
    list: protectedProcedure.query(async ({ ctx }) =>
      (await ctx.services()).alerts.rules.list(ctx.userId, ctx.locale),
    ),
    create: protectedProcedure
      .input(createRuleInput)
      .mutation(async ({ ctx, input }) =>
        (await ctx.services()).alerts.rules.create(ctx.userId, input, ctx.locale),
      ),
    update: protectedProcedure.input(updateRuleInput).mutation(async ({ ctx, input }) => {
      const { id, ...fields } = input;
      return (await ctx.services()).alerts.rules.update(ctx.userId, id, fields, ctx.locale);
    }),
    delete: protectedProcedure
      .input(ruleIdInput)
      .mutation(async ({ ctx, input }) =>
        (await ctx.services()).alerts.rules.delete(ctx.userId, input.id),
      ),
  }),
  list: protectedProcedure
    .input(listNotificationsInput)
    .query(async ({ ctx, input }) =>
      (await ctx.services()).alerts.notifications.list(ctx.userId, input, ctx.locale),
    ),
  unreadCount: protectedProcedure.query(async ({ ctx }) =>
    (await ctx.services()).alerts.notifications.unreadCount(ctx.userId),
  ),
  markRead: protectedProcedure
    .input(markReadInput)
    .mutation(async ({ ctx, input }) =>
      (await ctx.services()).alerts.notifications.markRead(ctx.userId, input),
    ),
  channels: createTRPCRouter({
    list: protectedProcedure.query(async ({ ctx }) =>
      (await ctx.services()).alerts.channels.list(ctx.userId),
    ),
    create: protectedProcedure
      .input(channelFields)
      .mutation(async ({ ctx, input }) =>
        (await ctx.services()).alerts.channels.create(ctx.userId, input),
      ),
    update: protectedProcedure
      // Without defaults: a partial update must not reset minSeverity or enabled.
      .input(
        channelFields
          .extend({ minSeverity: z.enum(severities), enabled: z.boolean() })
          .partial()
          .extend(idInput.shape),
      )
      .mutation(async ({ ctx, input }) => {
        const { id, ...fields } = input;
        return (await ctx.services()).alerts.channels.update(ctx.userId, id, fields);
      }),
    delete: protectedProcedure
      .input(idInput)
      .mutation(async ({ ctx, input }) =>
        (await ctx.services()).alerts.channels.delete(ctx.userId, input.id),
      ),
    sendTest: protectedProcedure
      .input(idInput)
      .mutation(async ({ ctx, input }) =>
        (await ctx.services()).alerts.channels.sendTest(ctx.userId, input.id),
      ),
  }),
  settings: createTRPCRouter({
    get: protectedProcedure.query(async ({ ctx }) =>
      (await ctx.services()).alerts.settings.get(ctx.userId),
    ),
    update: protectedProcedure
      .input(alertSettingsInput)
      .mutation(async ({ ctx, input }) =>
        (await ctx.services()).alerts.settings.update(ctx.userId, input),
      ),
  }),
  reports: createTRPCRouter({
    list: protectedProcedure
      .input(z.object({ limit: z.number().int().min(1).max(100).default(30) }).optional())
      .query(async ({ ctx, input }) =>
        (await ctx.services()).alerts.reports.list(ctx.userId, { limit: input?.limit ?? 30 }),
      ),
    get: protectedProcedure
      .input(z.object({ date: z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD') }))
      .query(async ({ ctx, input }) =>
        (await ctx.services()).alerts.reports.get(ctx.userId, input.date),
      ),
  }),
});
