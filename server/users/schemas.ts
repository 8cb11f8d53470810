import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/server/auth/password';

export const LOCALES = ['ko', 'en'] as const;
export const DISPLAY_CURRENCIES = ['KRW', 'USD'] as const;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'INVALID_EMAIL' }).max(254, { error: 'INVALID_EMAIL' }));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: 'PASSWORD_TOO_SHORT' })
  .max(PASSWORD_MAX_LENGTH, { error: 'PASSWORD_TOO_LONG' });

export const displayNameSchema = z.string().trim().min(1).max(80);

export const timezoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'INVALID_TIMEZONE' },
);

export const signUpInput = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: displayNameSchema.optional(),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const updatePreferencesInput = z
  .object({
    name: displayNameSchema.nullable(),
    locale: z.enum(LOCALES),
    displayCurrency: z.enum(DISPLAY_CURRENCIES),
    timezone: timezoneSchema,
  })
  .partial();
export type UpdatePreferencesInput = z.infer<typeof updatePreferencesInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** What the API returns about the signed-in user (never the hash). */
export type UserProfile = {
  id: string;
  email: string;
  name: string | null;
  locale: (typeof LOCALES)[number];
  displayCurrency: (typeof DISPLAY_CURRENCIES)[number];
  timezone: string;
  hasPassword: boolean;
  createdAt: Date;
};
