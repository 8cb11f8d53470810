import type { SearchMatch } from '@/server/market-data/types';
import type { DemoInstrument } from './dataset';

/**
 * Plain matching over the demo's own instruments (the ranked, Korean-aware search over the whole
 * master is server/market-data/search.ts): exact symbol/code, then prefix, then substring of the
 * symbol, code or either name.
 */
export function searchDemoInstruments(
  instruments: Iterable<DemoInstrument>,
  query: string,
  limit = 10,
): SearchMatch[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const matches: SearchMatch[] = [];
  for (const instrument of instruments) {
    const keys = [instrument.symbol, instrument.code].map((k) => k.toLowerCase());
    const names = [instrument.nameEn, instrument.nameKo ?? ''].map((n) => n.toLowerCase());
    let score = 0;
    if (keys.includes(q)) score = 1;
    else if (names.includes(q)) score = 0.9;
    else if ([...keys, ...names].some((k) => k.startsWith(q))) score = 0.7;
    else if ([...keys, ...names].some((k) => k.includes(q))) score = 0.4;
    if (score === 0) continue;
    matches.push({
      symbol: instrument.symbol,
      name: instrument.nameEn,
      nameKo: instrument.nameKo,
      market: instrument.market,
      exchange: instrument.exchange,
      currency: instrument.currency,
      kind: instrument.kind,
      score,
      source: 'demo',
    });
  }
  return matches
    .sort((a, b) => b.score - a.score || a.symbol.localeCompare(b.symbol))
    .slice(0, limit);
}
