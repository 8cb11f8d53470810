import type { MarketOverview } from './types';

/** Movers are re-ranked this often; prices in between come from live ticks. */
export const REFRESH_MS = 60_000;
/** While a fresh install is still collecting its first prices, look again sooner. */
export const COLLECTING_REFRESH_MS = 5_000;

/** Nothing to show yet: no index and no stock has a price (history is still being collected). */
export function isCollecting(overview: Pick<MarketOverview, 'indices' | 'major'>): boolean {
  return (
    overview.indices.length === 0 &&
    overview.major.KR.length === 0 &&
    overview.major.US.length === 0
  );
}

/** How long until the next overview fetch, given the last answer (none yet: the normal pace). */
export function nextRefreshMs(
  overview: Pick<MarketOverview, 'indices' | 'major'> | undefined,
): number {
  return overview && isCollecting(overview) ? COLLECTING_REFRESH_MS : REFRESH_MS;
}
