import { describe, expect, it } from 'vitest';
import {
  COOLDOWN_PRESETS,
  DEFAULT_COOLDOWN_MINUTES,
  MAX_COOLDOWN_MINUTES,
  cooldownParts,
  parseCooldown,
} from '@/components/alerts/manage/cooldown';
import { createRuleInput } from '@/server/alerts/schemas';

const accepted = (cooldownMinutes: number) =>
  createRuleInput.safeParse({
    condition: { kind: 'portfolio-return-above', percent: 20 },
    severity: 'info',
    cooldownMinutes,
  }).success;

describe('cooldown', () => {
  it('offers presets from none to a week, all within the server’s bounds', () => {
    expect(COOLDOWN_PRESETS[0]).toBe(0);
    expect(COOLDOWN_PRESETS.at(-1)).toBe(MAX_COOLDOWN_MINUTES);
    for (const minutes of [...COOLDOWN_PRESETS, DEFAULT_COOLDOWN_MINUTES]) {
      expect(accepted(minutes)).toBe(true);
    }
    expect(accepted(MAX_COOLDOWN_MINUTES + 1)).toBe(false);
  });

  it('reads a duration in the largest exact unit', () => {
    expect(cooldownParts(0)).toEqual({ unit: 'none' });
    expect(cooldownParts(15)).toEqual({ unit: 'minutes', count: 15 });
    expect(cooldownParts(90)).toEqual({ unit: 'minutes', count: 90 });
    expect(cooldownParts(240)).toEqual({ unit: 'hours', count: 4 });
    expect(cooldownParts(1440)).toEqual({ unit: 'days', count: 1 });
    expect(cooldownParts(10080)).toEqual({ unit: 'days', count: 7 });
  });

  it('accepts whole minutes up to a week only', () => {
    expect(parseCooldown(' 60 ')).toBe(60);
    expect(parseCooldown('0')).toBe(0);
    expect(parseCooldown('10080')).toBe(10080);
    expect(parseCooldown('10081')).toBeNull();
    expect(parseCooldown('1.5')).toBeNull();
    expect(parseCooldown('-5')).toBeNull();
    expect(parseCooldown('')).toBeNull();
  });
});
