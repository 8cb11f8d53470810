/** Zones most Stockvis users want (the two markets' home zones), listed before all others. */
export const PINNED_TIME_ZONES = ['Asia/Seoul', 'America/New_York'] as const;

export type TimeZoneOption = { value: string; label: string };

/** "GMT+9"-style offset of a zone at `at`; empty when the runtime can't tell. */
export function utcOffsetLabel(zone: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      timeZoneName: 'shortOffset',
    }).formatToParts(at);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

function option(zone: string, at: Date): TimeZoneOption {
  const offset = utcOffsetLabel(zone, at);
  const name = zone.replaceAll('_', ' ');
  return { value: zone, label: offset ? `${name} (${offset})` : name };
}

/**
 * The zone select's options: pinned zones first, then every other zone alphabetically, with UTC
 * guaranteed present (some runtimes list it only under an alias).
 */
export function timeZoneOptions(
  all: readonly string[],
  at: Date,
): { pinned: TimeZoneOption[]; others: TimeZoneOption[] } {
  const pinned = new Set<string>(PINNED_TIME_ZONES);
  const others = [...new Set([...all, 'UTC'])]
    .filter((zone) => !pinned.has(zone))
    .sort((a, b) => a.localeCompare(b, 'en'));
  return {
    pinned: PINNED_TIME_ZONES.map((zone) => option(zone, at)),
    others: others.map((zone) => option(zone, at)),
  };
}
