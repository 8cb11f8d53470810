/** The marketOverview answer as the page receives it (types only; nothing server-side is bundled). */
export type { MarketOverview, MarketRow } from '@/server/market-data/service';
