/**
 * tRPC inputs of the alerts router and the DTOs it answers with. A rule's condition is validated
 * by the engine's `ruleConditionSchema` (./rules/conditions.ts); this file adds what the rule row
 * carries around it (symbol, severity, cooldown, enabled).
 */
import { z } from 'zod';
import { symbolSchema } from '@/server/market-data/symbols';
import { ruleConditionSchema, type RuleCondition } from './rules/conditions';
import { severities, type Severity } from './rules/severity';

export const ALERT_LIMITS = { rulesPerUser: 200, channelsPerUser: 10 } as const;

const idSchema = z.string().min(1).max(64);

export const ruleFieldsSchema = z.object({
  condition: ruleConditionSchema,
  /** Required for symbol-scoped kinds, ignored otherwise. */
  symbol: symbolSchema.nullish(),
  severity: z.enum(severities),
  cooldownMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  enabled: z.boolean().default(true),
});

export const createRuleInput = ruleFieldsSchema;
// Without defaults: `.partial()` keeps `.default()`, and an update that leaves out `enabled`
// must not switch the rule back on.
export const updateRuleInput = ruleFieldsSchema
  .extend({ enabled: z.boolean() })
  .partial()
  .extend({ id: idSchema });
export const ruleIdInput = z.object({ id: idSchema });

export const listNotificationsInput = z.object({
  severity: z.enum(severities).optional(),
  type: z.enum(['alert', 'report', 'system']).optional(),
  read: z.enum(['read', 'unread']).optional(),
  cursor: idSchema.nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});

export const markReadInput = z.union([
  z.object({ ids: z.array(idSchema).min(1).max(500) }),
  z.object({ all: z.literal(true) }),
]);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:mm' });

export const alertSettingsInput = z
  .object({
    quietStart: hhmm.nullable(),
    quietEnd: hhmm.nullable(),
    dailyReportEnabled: z.boolean(),
    dailyReportTime: hhmm,
    followedStrategies: z.array(z.string().min(1).max(64)).max(30),
  })
  .partial()
  .refine((s) => (s.quietStart === undefined) === (s.quietEnd === undefined), {
    message: 'quiet hours need both a start and an end',
    path: ['quietEnd'],
  })
  .refine((s) => (s.quietStart === null) === (s.quietEnd === null), {
    message: 'quiet hours need both a start and an end',
    path: ['quietEnd'],
  });

// ── DTOs ────────────────────────────────────────────────────────────────────────────────────

export interface AlertRuleDto {
  id: string;
  builtinKey: string | null;
  condition: RuleCondition;
  symbol: string | null;
  severity: Severity;
  cooldownMinutes: number;
  enabled: boolean;
  /** The condition in the user's language ("Price at or above ₩80,000"). */
  description: string;
  lastFiredAt: Date | null;
  createdAt: Date;
}

export interface NotificationDto {
  id: string;
  type: 'alert' | 'report' | 'system';
  kind: string;
  severity: Severity;
  symbol: string | null;
  accountId: string | null;
  /** Headline and text in the user's language. */
  title: string;
  text: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
  deliveries: {
    channelId: string;
    channelLabel: string;
    status: string;
    lastError: string | null;
  }[];
}

export interface AlertSettingsDto {
  quietStart: string | null;
  quietEnd: string | null;
  dailyReportEnabled: boolean;
  dailyReportTime: string;
  followedStrategies: string[];
  timezone: string;
}
