import { ProviderError } from '@/server/market-data/errors';

/**
 * KIS takes bare six-character KRX codes (`005930`; newer listings mix in letters, `0009K0`). Our
 * canonical symbols carry the market as a suffix, which decides KOSPI vs KOSDAQ.
 */
const krxSymbol = /^([0-9A-Z]{6})\.(KS|KQ)$/;

export interface KisListing {
  code: string;
  exchange: 'KOSPI' | 'KOSDAQ';
}

export function kisListingOf(symbol: string): KisListing {
  const match = krxSymbol.exec(symbol.trim().toUpperCase());
  if (!match) {
    // Indices (^KS11) and US tickers are served elsewhere; the router falls back on `unsupported`.
    throw new ProviderError('kis', 'unsupported', `KIS does not serve ${symbol}`);
  }
  return { code: match[1]!, exchange: match[2] === 'KS' ? 'KOSPI' : 'KOSDAQ' };
}
