import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import manifestJson from '@/server/market-data/data/daily/manifest.json';
import type { Bar, Instrument } from '@/server/market-data/types';

/** The shipped daily history (see server/market-data/data/README.md). */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const manifestSchema = z.object({
  instruments: z.array(
    z.object({
      symbol: z.string().min(1),
      code: z.string().min(1),
      nameEn: z.string().min(1),
      nameKo: z.string().nullable(),
      market: z.enum(['KR', 'US']),
      exchange: z.string().min(1),
      currency: z.enum(['KRW', 'USD']),
      kind: z.enum(['stock', 'etf', 'index']),
      sector: z.string().nullable(),
      description: z.string(),
      file: z.string().regex(/^[\w.^-]+\.csv\.gz$/),
      realFrom: isoDate,
      realUntil: isoDate,
      illustrative: z
        .object({
          annualRevenue: z.number().positive(),
          grossMargin: z.number().min(0).max(1),
          operatingMargin: z.number().min(-1).max(1),
          fiscalYearEndMonth: z.number().int().min(1).max(12),
        })
        .nullable(),
    }),
  ),
});

export type DemoInstrumentMeta = z.infer<typeof manifestSchema>['instruments'][number];

export interface DemoInstrument extends Instrument {
  description: string;
  file: string;
  realFrom: string;
  realUntil: string;
  illustrative: DemoInstrumentMeta['illustrative'];
}

let instrumentsCache: ReadonlyMap<string, DemoInstrument> | undefined;

/** Instrument metadata from the manifest (small, bundled; parsed once). */
export function demoInstruments(): ReadonlyMap<string, DemoInstrument> {
  if (!instrumentsCache) {
    const parsed = manifestSchema.safeParse(manifestJson);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`demo manifest.json: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    instrumentsCache = new Map(
      parsed.data.instruments.map((m): [string, DemoInstrument] => [m.symbol, m]),
    );
  }
  return instrumentsCache;
}

export const defaultDemoDataDir = (): string =>
  path.join(process.cwd(), 'server/market-data/data/daily');

const number = (field: string, text: string | undefined, where: string): number => {
  const value = Number(text);
  if (text === undefined || text === '' || !Number.isFinite(value) || value < 0) {
    throw new Error(`${where}: ${field} "${text}" is not a non-negative number`);
  }
  return value;
};

/** Parses one shipped `date,open,high,low,close,volume` file; names the row on bad input. */
export function parseDemoCsv(text: string, file: string): Bar[] {
  const lines = text.trim().split('\n');
  if (lines[0] !== 'date,open,high,low,close,volume') {
    throw new Error(`${file}: unexpected header "${lines[0]}"`);
  }
  const bars: Bar[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = (lines[i] as string).split(',');
    const where = `${file} row ${i + 1}`;
    const date = cells[0] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${where}: bad date "${date}"`);
    const bar: Bar = {
      date,
      open: number('open', cells[1], where),
      high: number('high', cells[2], where),
      low: number('low', cells[3], where),
      close: number('close', cells[4], where),
      volume: number('volume', cells[5], where),
    };
    if (bar.high < Math.max(bar.open, bar.close) || bar.low > Math.min(bar.open, bar.close)) {
      throw new Error(`${where}: high/low do not contain open and close`);
    }
    const previous = bars.at(-1);
    if (previous && previous.date >= date) throw new Error(`${where}: dates not ascending`);
    bars.push(bar);
  }
  return bars;
}

/** Loads every instrument's history once per data dir; later calls share the same promise. */
const loads = new Map<string, Promise<ReadonlyMap<string, readonly Bar[]>>>();

export function loadDemoHistory(
  dataDir = defaultDemoDataDir(),
): Promise<ReadonlyMap<string, readonly Bar[]>> {
  let load = loads.get(dataDir);
  if (!load) {
    load = Promise.all(
      [...demoInstruments().values()].map(async (instrument) => {
        const file = path.join(dataDir, instrument.file);
        const text = gunzipSync(await readFile(file)).toString('utf8');
        return [instrument.symbol, parseDemoCsv(text, instrument.file)] as const;
      }),
    ).then((entries) => new Map(entries));
    // A failed load (missing file) is retried on the next call instead of being cached.
    load.catch(() => loads.delete(dataDir));
    loads.set(dataDir, load);
  }
  return load;
}
