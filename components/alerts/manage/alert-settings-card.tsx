'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useStrategyName } from '@/components/analysis/backtests/strategy-name';
import type { StrategyInfo } from '@/components/analysis/types';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClasses } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { LoadError } from './section-states';
import {
  MAX_FOLLOWED_STRATEGIES,
  settingsFormFromDto,
  settingsInputFromForm,
  toggleStrategy,
  type SettingsForm,
  type SettingsProblems,
} from './settings-form';
import { ToggleSwitch } from './toggle-switch';
import type { AlertSettings } from './types';

/** Quiet hours, the daily report and followed strategies, saved together. */
export function AlertSettingsCard() {
  const t = useTranslations('alertsPage');
  const trpc = useTRPC();
  const settings = useQuery(trpc.alerts.settings.get.queryOptions());

  return (
    <Card aria-labelledby="alert-settings-title">
      <CardHeader
        titleId="alert-settings-title"
        title={t('settings.title')}
        description={t('settings.description')}
        actions={
          <Link href="/reports" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            {t('settings.pastReports')}
          </Link>
        }
      />
      <CardBody>
        {settings.isPending ? (
          <div role="status" aria-busy="true" className="flex flex-col gap-5">
            <span className="sr-only">{t('settings.loading')}</span>
            {[0, 1, 2].map((row) => (
              <div key={row} className="flex flex-col gap-2">
                <Skeleton className="h-5 w-40" />
                <Skeleton className="h-10 w-full" />
              </div>
            ))}
          </div>
        ) : settings.isError ? (
          <LoadError
            title={t('settings.loadFailed')}
            error={settings.error}
            onRetry={() => void settings.refetch()}
          />
        ) : (
          <SettingsFields settings={settings.data} />
        )}
      </CardBody>
    </Card>
  );
}

function SettingsFields({ settings }: { settings: AlertSettings }) {
  const t = useTranslations('alertsPage');
  const tAll = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const strategies = useQuery(trpc.indicators.strategies.queryOptions());
  const save = useMutation(trpc.alerts.settings.update.mutationOptions());
  const [form, setForm] = useState<SettingsForm>(() => settingsFormFromDto(settings));
  const [problems, setProblems] = useState<SettingsProblems>({});
  const [result, setResult] = useState<{ ok: true } | { ok: false; message: string } | null>(null);

  const patch = (next: Partial<SettingsForm>) => {
    setResult(null);
    setForm((current) => ({ ...current, ...next }));
  };
  const problem = (key: string | undefined) => (key ? tAll(key as 'common.loading') : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    const parsed = settingsInputFromForm(form);
    if (!parsed.ok) return setProblems(parsed.problems);
    setProblems({});
    try {
      const saved = await save.mutateAsync(parsed.input);
      queryClient.setQueryData(trpc.alerts.settings.get.queryKey(), saved);
      setResult({ ok: true });
    } catch (error) {
      setResult({ ok: false, message: describeError(error) });
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      <p className="text-sm text-muted">
        {t('settings.timezone', { zone: settings.timezone })}{' '}
        <Link href="/settings" className="font-medium text-accent hover:underline">
          {t('settings.changeTimezone')}
        </Link>
      </p>

      <div className="flex flex-col gap-3">
        <ToggleSwitch
          checked={form.quietEnabled}
          onChange={(quietEnabled) => patch({ quietEnabled })}
          label={t('settings.quietHours')}
          hint={t('settings.quietHoursHint')}
        />
        {form.quietEnabled ? (
          <div className="grid grid-cols-2 gap-3 sm:pl-14">
            <TextField
              type="time"
              label={t('settings.quietFrom')}
              name="quietStart"
              value={form.quietStart}
              onChange={(event) => patch({ quietStart: event.target.value })}
              error={problem(problems.quietStart)}
            />
            <TextField
              type="time"
              label={t('settings.quietTo')}
              name="quietEnd"
              value={form.quietEnd}
              onChange={(event) => patch({ quietEnd: event.target.value })}
              error={problem(problems.quietEnd)}
            />
          </div>
        ) : null}
      </div>

      <div className="flex flex-col gap-3">
        <ToggleSwitch
          checked={form.dailyReportEnabled}
          onChange={(dailyReportEnabled) => patch({ dailyReportEnabled })}
          label={t('settings.dailyReport')}
          hint={t('settings.dailyReportHint')}
        />
        {form.dailyReportEnabled ? (
          <div className="grid grid-cols-2 gap-3 sm:pl-14">
            <TextField
              type="time"
              label={t('settings.dailyReportTime')}
              name="dailyReportTime"
              value={form.dailyReportTime}
              onChange={(event) => patch({ dailyReportTime: event.target.value })}
              error={problem(problems.dailyReportTime)}
            />
          </div>
        ) : null}
      </div>

      <FollowedStrategies
        strategies={strategies}
        followed={form.followedStrategies}
        onChange={(followedStrategies) => patch({ followedStrategies })}
        error={problem(problems.followedStrategies)}
      />

      <div className="flex flex-col gap-3 border-t border-border pt-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0 flex-1">
          {/* Present before it has anything to say, so the confirmation is announced. */}
          <p role="status" className="text-sm font-medium text-gain">
            {result?.ok === true ? t('settings.saved') : null}
          </p>
          {result?.ok === false ? <Alert>{result.message}</Alert> : null}
        </div>
        <Button type="submit" pending={save.isPending} className="self-end sm:self-auto">
          {save.isPending ? t('saving') : t('settings.save')}
        </Button>
      </div>
    </form>
  );
}

function FollowedStrategies({
  strategies,
  followed,
  onChange,
  error,
}: {
  strategies: {
    data?: StrategyInfo[];
    isPending: boolean;
    isError: boolean;
    refetch: () => unknown;
  };
  followed: string[];
  onChange: (followed: string[]) => void;
  error: string | null;
}) {
  const t = useTranslations('alertsPage');
  const strategyName = useStrategyName();
  const order = strategies.data?.map((s) => s.id) ?? [];
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby="followed-hint">
      <legend className="text-sm font-medium">
        {t('settings.followed')}{' '}
        <span className="font-normal text-muted">
          ({t('settings.followedCount', { count: followed.length })})
        </span>
      </legend>
      <p id="followed-hint" className="text-xs text-muted">
        {t('settings.followedHint', { max: MAX_FOLLOWED_STRATEGIES })}
      </p>
      {error ? <p className="text-xs font-medium text-danger">{error}</p> : null}
      {strategies.isPending ? (
        <div aria-hidden="true" className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} className="h-6 w-full" />
          ))}
        </div>
      ) : strategies.isError ? (
        <div className="flex items-center gap-3">
          <p className="text-sm text-danger">{t('ruleForm.strategiesFailed')}</p>
          <Button size="sm" variant="secondary" onClick={() => void strategies.refetch()}>
            {t('retry')}
          </Button>
        </div>
      ) : (
        <ul className="grid max-h-64 grid-cols-1 gap-x-4 gap-y-1 overflow-y-auto rounded-lg border border-border p-3 sm:grid-cols-2">
          {(strategies.data ?? []).map((strategy) => {
            const checked = followed.includes(strategy.id);
            return (
              <li key={strategy.id}>
                <label className="flex cursor-pointer items-center gap-2 py-1 text-sm">
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={(event) =>
                      onChange(toggleStrategy(followed, strategy.id, event.target.checked, order))
                    }
                    className="size-4 accent-accent"
                  />
                  <span className="min-w-0">{strategyName(strategy.id, strategy.name)}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
