import { z } from 'zod';
import { DomainError } from '@/server/errors';
import { instrumentByCode } from './instruments';
import type { Currency, Market, Symbol } from './types';

/**
 * Canonical symbols (see ./types.ts): KRX `005930.KS` (KOSPI) / `035720.KQ` (KOSDAQ and KONEX),
 * US tickers upper case with a dot before the share class (`BRK.B`), indices with a caret.
 * `parseSymbol` accepts only the canonical form; `normalizeSymbol` turns what people type into it.
 */

export type SymbolType = 'krx' | 'us' | 'index';

export interface ParsedSymbol {
  symbol: Symbol;
  /** `005930` for KRX, the ticker for US, the symbol itself for indices. */
  code: string;
  market: Market;
  type: SymbolType;
}

/** Indices we know the market of. Other caret symbols are rejected rather than guessed. */
const knownIndices: Record<string, Market> = {
  '^KS11': 'KR', // KOSPI
  '^KQ11': 'KR', // KOSDAQ
  '^KS200': 'KR', // KOSPI 200
  '^GSPC': 'US', // S&P 500
  '^IXIC': 'US', // NASDAQ Composite
  '^NDX': 'US', // NASDAQ-100
  '^DJI': 'US', // Dow Jones Industrial Average
};

// KRX codes are six characters starting with a digit; since 2024 some contain letters (0001A0).
const KRX_CANONICAL = /^([0-9][0-9A-Z]{5})\.(KS|KQ)$/;
const US_CANONICAL = /^[A-Z]{1,5}(\.[A-Z]{1,2})?$/;
const MAX_INPUT_LENGTH = 24;

const currencyOfMarket: Record<Market, Currency> = { KR: 'KRW', US: 'USD' };

function invalid(input: string, reason: string): DomainError {
  return new DomainError('INVALID', `Invalid symbol "${input}": ${reason}`, {
    field: 'symbol',
    input,
  });
}

/** Parses a canonical symbol; anything else throws INVALID naming the input. */
export function parseSymbol(symbol: Symbol): ParsedSymbol {
  const index = knownIndices[symbol];
  if (index) return { symbol, code: symbol, market: index, type: 'index' };
  const krx = KRX_CANONICAL.exec(symbol);
  if (krx) return { symbol, code: krx[1]!, market: 'KR', type: 'krx' };
  if (US_CANONICAL.test(symbol)) return { symbol, code: symbol, market: 'US', type: 'us' };
  if (symbol.startsWith('^')) throw invalid(symbol, 'unknown index');
  throw invalid(
    symbol,
    'expected a KRX code with its market (005930.KS, 035720.KQ), a US ticker (AAPL, BRK.B) or an index (^KS11)',
  );
}

export function isCanonicalSymbol(symbol: string): boolean {
  try {
    parseSymbol(symbol);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a person or a provider typed → canonical symbol. Trims, upper-cases, accepts full-width
 * characters, `BRK-B` / `BRK/B`, KIS-style `A005930`, and bare KRX codes, whose market comes from
 * the instrument master (`005930` → `005930.KS`). A KRX code the master knows always gets the
 * master's suffix, so a mislabelled `005930.KQ` is corrected rather than becoming a second key.
 */
export function normalizeSymbol(input: string): Symbol {
  const raw = input.normalize('NFKC').trim();
  if (raw.length === 0) throw invalid(input, 'it is empty');
  if (raw.length > MAX_INPUT_LENGTH) throw invalid(input.slice(0, 40), 'it is too long');
  const text = raw.toUpperCase().replace(/\s+/g, '');

  if (text.startsWith('^')) return parseSymbol(text).symbol;

  const krx = /^A?([0-9][0-9A-Z]{5})(?:\.(KS|KQ))?$/.exec(text);
  if (krx) {
    const code = krx[1]!;
    const known = instrumentByCode(code);
    if (known) return known.symbol;
    const suffix = krx[2];
    if (suffix) return `${code}.${suffix}`;
    throw invalid(input, `unknown KRX code ${code}: add .KS (KOSPI) or .KQ (KOSDAQ)`);
  }

  const us = /^([A-Z]{1,5})(?:[./-]([A-Z]{1,2}))?$/.exec(text);
  if (us) return us[2] ? `${us[1]}.${us[2]}` : us[1]!;

  return parseSymbol(text).symbol;
}

export function marketOf(symbol: Symbol): Market {
  return parseSymbol(symbol).market;
}

export function currencyOf(symbol: Symbol): Currency {
  return currencyOfMarket[marketOf(symbol)];
}

export function marketCurrency(market: Market): Currency {
  return currencyOfMarket[market];
}

/** tRPC / form input: any accepted spelling, output the canonical symbol. */
export const symbolSchema = z.string().transform((value, ctx): Symbol => {
  try {
    return normalizeSymbol(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});
