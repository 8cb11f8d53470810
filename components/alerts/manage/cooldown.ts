/** A rule's cooldown: minutes between two alerts of the same rule (server bound: one week). */

export const MAX_COOLDOWN_MINUTES = 7 * 24 * 60;

/** The choices offered next to the minutes field: none, 15 min, 1 h, 4 h, 1 day, 1 week. */
export const COOLDOWN_PRESETS = [0, 15, 60, 240, 24 * 60, MAX_COOLDOWN_MINUTES] as const;

/** What a new rule starts with: a crossing rarely deserves a second ring within the hour. */
export const DEFAULT_COOLDOWN_MINUTES = 60;

export type CooldownParts =
  { unit: 'none' } | { unit: 'minutes' | 'hours' | 'days'; count: number };

/** The largest unit that states the duration exactly: 240 → 4 hours, 90 → 90 minutes. */
export function cooldownParts(minutes: number): CooldownParts {
  if (minutes <= 0) return { unit: 'none' };
  if (minutes % (24 * 60) === 0) return { unit: 'days', count: minutes / (24 * 60) };
  if (minutes % 60 === 0) return { unit: 'hours', count: minutes / 60 };
  return { unit: 'minutes', count: minutes };
}

/** A whole number of minutes within the server's bounds, or null. */
export function parseCooldown(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  return minutes <= MAX_COOLDOWN_MINUTES ? minutes : null;
}
