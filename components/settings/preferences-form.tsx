'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { useFormatter, useLocale, useTranslations } from 'use-intl';
import { NAME_MAX_LENGTH } from '@/components/auth/validation';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { fieldIssues } from '@/components/ui/trpc-error';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { SUPPORTED_LOCALES, localeCookie } from '@/i18n/locale';
import type { TimeZoneOption } from './time-zones';

type TimeZones = { pinned: TimeZoneOption[]; others: TimeZoneOption[] };
type Profile = {
  id: string;
  email: string;
  name: string | null;
  locale: 'ko' | 'en';
  displayCurrency: 'KRW' | 'USD';
  timezone: string;
  createdAt: Date;
};

const CURRENCIES = ['KRW', 'USD'] as const;

export function PreferencesForm({ timeZones }: { timeZones: TimeZones }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const me = useQuery(trpc.users.me.queryOptions());
  const describeError = useErrorMessage();

  return (
    <Card aria-labelledby="preferences-title">
      <CardHeader
        titleId="preferences-title"
        title={t('settings.profile.title')}
        description={t('settings.profile.description')}
      />
      <CardBody>
        {me.isPending ? (
          <div role="status" aria-busy="true" className="flex flex-col gap-5">
            <span className="sr-only">{t('common.loading')}</span>
            {[0, 1, 2, 3].map((row) => (
              <div key={row} className="flex flex-col gap-2">
                <Skeleton className="h-4 w-28" />
                <Skeleton className="h-10 w-full" />
              </div>
            ))}
          </div>
        ) : me.isError ? (
          <Alert>{describeError(me.error)}</Alert>
        ) : (
          // Keyed by user so the form's state starts from the loaded profile.
          <PreferencesFields key={me.data.id} profile={me.data} timeZones={timeZones} />
        )}
      </CardBody>
    </Card>
  );
}

function PreferencesFields({ profile, timeZones }: { profile: Profile; timeZones: TimeZones }) {
  const t = useTranslations();
  const format = useFormatter();
  const uiLocale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const save = useMutation(trpc.users.updatePreferences.mutationOptions());
  const [, startTransition] = useTransition();
  const [values, setValues] = useState({
    name: profile.name ?? '',
    // The language in effect (the switcher's cookie wins over the saved one), so saving the
    // form never flips the UI to a language the user didn't see selected.
    locale: uiLocale,
    displayCurrency: profile.displayCurrency,
    timezone: profile.timezone,
  });
  const [issues, setIssues] = useState<{ name?: string; timezone?: string }>({});
  const [result, setResult] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  const knownZone = [...timeZones.pinned, ...timeZones.others].some(
    (zone) => zone.value === values.timezone,
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    const name = values.name.trim();
    if (name.length > NAME_MAX_LENGTH) {
      return setIssues({ name: t('validation.nameTooLong', { max: NAME_MAX_LENGTH }) });
    }
    setIssues({});
    try {
      const saved = await save.mutateAsync({
        name: name || null,
        locale: values.locale,
        displayCurrency: values.displayCurrency,
        timezone: values.timezone,
      });
      queryClient.setQueryData(trpc.users.me.queryKey(), saved);
      setResult({ ok: true });
      if (saved.locale !== uiLocale) {
        // The saved language becomes this browser's language too.
        document.cookie = localeCookie(saved.locale);
        startTransition(() => router.refresh());
      }
    } catch (error) {
      const server = fieldIssues(error);
      const invalid = t('validation.invalid');
      setIssues({
        ...(server.name ? { name: invalid } : {}),
        ...(server.timezone ? { timezone: invalid } : {}),
      });
      setResult({ ok: false, message: describeError(error) });
    }
  }

  const change =
    <K extends keyof typeof values>(key: K) =>
    (event: { target: { value: string } }) => {
      setResult(null);
      setValues((current) => ({ ...current, [key]: event.target.value as (typeof values)[K] }));
    };

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5">
      {result?.ok === false ? <Alert>{result.message}</Alert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label={t('settings.profile.name')}
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={change('name')}
          error={issues.name}
        />
        <div className="flex flex-col gap-1.5">
          <span className="text-sm font-medium">{t('settings.profile.email')}</span>
          <p className="flex h-10 items-center truncate rounded-lg bg-surface-muted px-3 text-sm text-muted">
            {profile.email}
          </p>
        </div>
        <SelectField
          label={t('settings.profile.language')}
          name="locale"
          value={values.locale}
          onChange={change('locale')}
        >
          {SUPPORTED_LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {t(`locale.${locale}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('settings.profile.currency')}
          name="displayCurrency"
          value={values.displayCurrency}
          onChange={change('displayCurrency')}
        >
          {CURRENCIES.map((currency) => (
            <option key={currency} value={currency}>
              {t(`settings.profile.currencyOption.${currency}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('settings.profile.timezone')}
          name="timezone"
          value={values.timezone}
          onChange={change('timezone')}
          hint={t('settings.profile.timezoneHint')}
          error={issues.timezone}
          containerClassName="sm:col-span-2"
        >
          {knownZone ? null : <option value={values.timezone}>{values.timezone}</option>}
          <optgroup label={t('settings.profile.commonZones')}>
            {timeZones.pinned.map((zone) => (
              <option key={zone.value} value={zone.value}>
                {zone.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('settings.profile.allZones')}>
            {timeZones.others.map((zone) => (
              <option key={zone.value} value={zone.value}>
                {zone.label}
              </option>
            ))}
          </optgroup>
        </SelectField>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-4">
        <p className="text-xs text-muted">
          {t('settings.memberSince', {
            date: format.dateTime(profile.createdAt, { dateStyle: 'long' }),
          })}
        </p>
        <div className="flex items-center gap-3">
          {result?.ok ? (
            <p role="status" className="text-sm font-medium text-gain">
              {t('settings.profile.saved')}
            </p>
          ) : null}
          <Button type="submit" pending={save.isPending}>
            {save.isPending ? t('common.saving') : t('settings.profile.submit')}
          </Button>
        </div>
      </div>
    </form>
  );
}
