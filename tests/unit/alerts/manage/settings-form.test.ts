import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUIET_HOURS,
  settingsFormFromDto,
  settingsInputFromForm,
  toggleStrategy,
} from '@/components/alerts/manage/settings-form';
import type { AlertSettings } from '@/components/alerts/manage/types';
import { alertSettingsInput } from '@/server/alerts/schemas';

const defaults: AlertSettings = {
  quietStart: null,
  quietEnd: null,
  dailyReportEnabled: true,
  dailyReportTime: '08:00',
  followedStrategies: [],
  timezone: 'Asia/Seoul',
};

describe('alert settings form', () => {
  it('starts with quiet hours off (a common night ready when switched on)', () => {
    const form = settingsFormFromDto(defaults);
    expect(form).toMatchObject({
      quietEnabled: false,
      ...{ quietStart: '22:00', quietEnd: '07:00' },
    });
    expect(DEFAULT_QUIET_HOURS).toEqual({ start: '22:00', end: '07:00' });
    const result = settingsInputFromForm(form);
    expect(result).toEqual({
      ok: true,
      input: {
        quietStart: null,
        quietEnd: null,
        dailyReportEnabled: true,
        dailyReportTime: '08:00',
        followedStrategies: [],
      },
    });
    if (result.ok) expect(alertSettingsInput.safeParse(result.input).success).toBe(true);
  });

  it('sends quiet hours as both ends, across midnight too', () => {
    const form = { ...settingsFormFromDto(defaults), quietEnabled: true, quietStart: '23:30' };
    const result = settingsInputFromForm(form);
    expect(result.ok && result.input).toMatchObject({ quietStart: '23:30', quietEnd: '07:00' });
    if (result.ok) expect(alertSettingsInput.safeParse(result.input).success).toBe(true);
    expect(
      settingsFormFromDto({ ...defaults, quietStart: '22:00', quietEnd: '06:00' }).quietEnabled,
    ).toBe(true);
  });

  it('names the fields to fix', () => {
    const form = {
      ...settingsFormFromDto(defaults),
      quietEnabled: true,
      quietStart: '07:00',
      quietEnd: '07:00',
      dailyReportTime: '8:00',
      followedStrategies: Array.from({ length: 31 }, (_, i) => `s${i}`),
    };
    expect(settingsInputFromForm(form)).toEqual({
      ok: false,
      problems: {
        quietEnd: 'alertsPage.settings.quietSameTimes',
        dailyReportTime: 'alertsPage.settings.invalidTime',
        followedStrategies: 'alertsPage.settings.tooManyStrategies',
      },
    });
    // Quiet hours switched off are not checked.
    expect(
      settingsInputFromForm({
        ...form,
        quietEnabled: false,
        dailyReportTime: '08:00',
        followedStrategies: [],
      }).ok,
    ).toBe(true);
  });

  it('keeps followed strategies in the order they are offered', () => {
    const order = ['sma-cross', 'ema-cross', 'rsi-reversal'];
    expect(toggleStrategy([], 'rsi-reversal', true, order)).toEqual(['rsi-reversal']);
    expect(toggleStrategy(['rsi-reversal'], 'sma-cross', true, order)).toEqual([
      'sma-cross',
      'rsi-reversal',
    ]);
    expect(toggleStrategy(['sma-cross', 'rsi-reversal'], 'sma-cross', false, order)).toEqual([
      'rsi-reversal',
    ]);
  });
});
