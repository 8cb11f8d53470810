import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Currency, Instrument, Market } from '../types';

/**
 * The instrument master shipped in the repository (built by scripts/build-instruments.ts, sources
 * in server/market-data/data/instruments/README.md). Loaded on first use and kept for the life of
 * the process: ~3,400 rows, a few milliseconds to parse.
 */

export const INSTRUMENT_MASTER_FILE = 'server/market-data/data/instruments/instruments.csv.gz';

export interface InstrumentMaster {
  readonly instruments: readonly Instrument[];
  readonly bySymbol: ReadonlyMap<string, Instrument>;
  /** Local code (`005930`, `AAPL`, `^KS11`) → instrument; codes are unique across the master. */
  readonly byCode: ReadonlyMap<string, Instrument>;
  /** Other Korean names search should know (현대차 for 현대자동차), by symbol. */
  readonly aliases: ReadonlyMap<string, readonly string[]>;
}

export interface MasterEntry {
  instrument: Instrument;
  aliases: string[];
}

const currencyOfMarket: Record<Market, Currency> = { KR: 'KRW', US: 'USD' };

const rowSchema = z.object({
  symbol: z.string().regex(/^(\^[A-Z0-9]+|[0-9][0-9A-Z]{5}\.(KS|KQ)|[A-Z]{1,5}(\.[A-Z]{1,2})?)$/),
  code: z.string().min(1),
  market: z.enum(['KR', 'US']),
  exchange: z.string().min(1),
  kind: z.enum(['stock', 'etf', 'index']),
  name_en: z.string().min(1),
  name_ko: z.string(),
  sector: z.string(),
  aliases: z.string(),
});

/** Parses the master CSV; a bad row fails loudly with its line number and the offending field. */
export function parseInstrumentMaster(csv: string, source = INSTRUMENT_MASTER_FILE): MasterEntry[] {
  const records = parse(csv, { columns: true, skip_empty_lines: true }) as unknown[];
  return records.map((record, index) => {
    const result = rowSchema.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(
        `${source} line ${index + 2}: invalid ${issue?.path.join('.') || 'row'} (${issue?.message})`,
      );
    }
    const row = result.data;
    const instrument: Instrument = {
      symbol: row.symbol,
      code: row.code,
      market: row.market,
      exchange: row.exchange,
      currency: currencyOfMarket[row.market],
      kind: row.kind,
      nameEn: row.name_en,
      nameKo: row.name_ko || null,
      sector: row.sector || null,
    };
    return { instrument, aliases: row.aliases ? row.aliases.split('|') : [] };
  });
}

function indexMaster(entries: MasterEntry[]): InstrumentMaster {
  const instruments: Instrument[] = [];
  const bySymbol = new Map<string, Instrument>();
  const byCode = new Map<string, Instrument>();
  const aliases = new Map<string, readonly string[]>();
  for (const { instrument, aliases: names } of entries) {
    if (bySymbol.has(instrument.symbol) || byCode.has(instrument.code)) {
      throw new Error(`${INSTRUMENT_MASTER_FILE}: duplicate instrument ${instrument.symbol}`);
    }
    bySymbol.set(instrument.symbol, instrument);
    byCode.set(instrument.code, instrument);
    instruments.push(instrument);
    if (names.length > 0) aliases.set(instrument.symbol, names);
  }
  return { instruments, bySymbol, byCode, aliases };
}

let cached: InstrumentMaster | null = null;

export function instrumentMaster(): InstrumentMaster {
  if (!cached) {
    // The app and scripts run from the project root (as for prisma/migrations).
    const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), INSTRUMENT_MASTER_FILE);
    const csv = gunzipSync(readFileSync(/*turbopackIgnore: true*/ file)).toString('utf8');
    cached = indexMaster(parseInstrumentMaster(csv));
  }
  return cached;
}
