import type { AlertSettings, AlertSettingsInput } from './types';

/** The alert settings form: quiet hours, the daily report and the strategies the user follows. */

export const MAX_FOLLOWED_STRATEGIES = 30;
/** Where quiet hours start when switched on: a common night. */
export const DEFAULT_QUIET_HOURS = { start: '22:00', end: '07:00' } as const;

export type SettingsForm = {
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
  dailyReportEnabled: boolean;
  dailyReportTime: string;
  followedStrategies: string[];
};

export type SettingsProblems = Partial<
  Record<'quietStart' | 'quietEnd' | 'dailyReportTime' | 'followedStrategies', string>
>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function settingsFormFromDto(settings: AlertSettings): SettingsForm {
  const quietEnabled = settings.quietStart !== null && settings.quietEnd !== null;
  return {
    quietEnabled,
    quietStart: settings.quietStart ?? DEFAULT_QUIET_HOURS.start,
    quietEnd: settings.quietEnd ?? DEFAULT_QUIET_HOURS.end,
    dailyReportEnabled: settings.dailyReportEnabled,
    dailyReportTime: settings.dailyReportTime,
    followedStrategies: settings.followedStrategies,
  };
}

export type SettingsFormResult =
  { ok: true; input: AlertSettingsInput } | { ok: false; problems: SettingsProblems };

/** The update input, or the fields to fix (as `alertsPage.settings.*` message keys). */
export function settingsInputFromForm(form: SettingsForm): SettingsFormResult {
  const problems: SettingsProblems = {};
  if (form.quietEnabled) {
    if (!HHMM.test(form.quietStart)) problems.quietStart = 'alertsPage.settings.invalidTime';
    if (!HHMM.test(form.quietEnd)) problems.quietEnd = 'alertsPage.settings.invalidTime';
    else if (form.quietStart === form.quietEnd) {
      problems.quietEnd = 'alertsPage.settings.quietSameTimes';
    }
  }
  if (!HHMM.test(form.dailyReportTime)) {
    problems.dailyReportTime = 'alertsPage.settings.invalidTime';
  }
  if (form.followedStrategies.length > MAX_FOLLOWED_STRATEGIES) {
    problems.followedStrategies = 'alertsPage.settings.tooManyStrategies';
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    input: {
      quietStart: form.quietEnabled ? form.quietStart : null,
      quietEnd: form.quietEnabled ? form.quietEnd : null,
      dailyReportEnabled: form.dailyReportEnabled,
      dailyReportTime: form.dailyReportTime,
      followedStrategies: form.followedStrategies,
    },
  };
}

/** Ticks or unticks one strategy, keeping the list in the order strategies are offered. */
export function toggleStrategy(
  followed: readonly string[],
  id: string,
  on: boolean,
  order: readonly string[],
): string[] {
  const next = new Set(followed);
  if (on) next.add(id);
  else next.delete(id);
  const rank = (s: string) => {
    const index = order.indexOf(s);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...next].sort((a, b) => rank(a) - rank(b));
}
