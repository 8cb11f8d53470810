import { DomainError } from '@/server/errors';
import type { Instrument, Market, Symbol } from '../types';
import { indexSymbols, majorSymbols } from './major';
import { instrumentMaster } from './master';

export { instrumentMaster, parseInstrumentMaster, INSTRUMENT_MASTER_FILE } from './master';
export { indexSymbols, majorSymbols } from './major';

/** The master's instrument for a canonical symbol (`005930.KS`, `AAPL`, `^KS11`), or null. */
export function getInstrument(symbol: Symbol): Instrument | null {
  return instrumentMaster().bySymbol.get(symbol) ?? null;
}

/** Like getInstrument, for callers that need the instrument: unknown → NOT_FOUND. */
export function requireInstrument(symbol: Symbol): Instrument {
  const instrument = getInstrument(symbol);
  if (!instrument) {
    throw new DomainError('NOT_FOUND', `Unknown instrument ${symbol}`, { symbol });
  }
  return instrument;
}

/** The master's instrument for a local code (`005930`, `AAPL`), or null. */
export function instrumentByCode(code: string): Instrument | null {
  return instrumentMaster().byCode.get(code) ?? null;
}

export function listInstruments(market?: Market): readonly Instrument[] {
  const all = instrumentMaster().instruments;
  return market ? all.filter((instrument) => instrument.market === market) : all;
}

function resolve(symbols: readonly string[]): Instrument[] {
  return symbols.map((symbol) => requireInstrument(symbol));
}

/** Curated large caps for the markets page, in display order (see ./major.ts). */
export function majorInstruments(market: Market): Instrument[] {
  return resolve(majorSymbols[market]);
}

/** The headline indices of a market (KOSPI, KOSDAQ; S&P 500, NASDAQ Composite). */
export function marketIndices(market: Market): Instrument[] {
  return resolve(indexSymbols[market]);
}
