/**
 * Maintainer script: builds the demo provider's shipped daily history from the shared data folder.
 *
 *   npm run data:build-demo [-- <shared data dir>] [--from 2010-01-01]
 *
 * Reads the normalized CSVs described in <dir>/SOURCES.md and writes one gzip'd CSV per instrument
 * (`date,open,high,low,close,volume`) plus `manifest.json` (metadata, sources, realUntil and every
 * change made) into server/market-data/data/daily/, and regenerates server/market-data/data/README.md.
 * The app and the tests only read those shipped files. Every change to a source row is listed in the
 * manifest and the README: nothing is dropped or corrected silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import type { Currency, InstrumentKind, Market } from '@/server/market-data/types';

const repoRoot = path.resolve(import.meta.dirname, '..');
const outDir = path.join(repoRoot, 'server/market-data/data/daily');
const readmePath = path.join(repoRoot, 'server/market-data/data/README.md');

interface Segment {
  /** Path relative to the shared data dir. */
  file: string;
  /** Inclusive date bounds taken from this file. */
  from?: string;
  to?: string;
  /** Who produced the file (for the README). */
  origin: string;
}

interface Spec {
  symbol: string;
  code: string;
  nameEn: string;
  nameKo: string | null;
  market: Market;
  exchange: string;
  currency: Currency;
  kind: InstrumentKind;
  /** Where the sector comes from: KRX listing (Korean industry), S&P 500 list, or none. */
  sectorFrom: 'krx' | 'sp500' | null;
  description: string;
  segments: Segment[];
  /** Scale for the demo's illustrative statements (never shown as real figures). */
  illustrative?: {
    annualRevenue: number;
    grossMargin: number;
    operatingMargin: number;
    fiscalYearEndMonth: number;
  };
}

const krxFdr = 'KRX via FinanceDataReader (gyuchang1/stock_anal)';
const quantKang = 'QuantKang/stock_data (broker-style adjusted integers)';
const yahoo = 'Yahoo Finance (SungKyu-Kim39/BackTester39)';

const specs: Spec[] = [
  {
    symbol: '005930.KS',
    code: '005930',
    nameEn: 'Samsung Electronics',
    nameKo: '삼성전자',
    market: 'KR',
    exchange: 'KOSPI',
    currency: 'KRW',
    kind: 'stock',
    sectorFrom: 'krx',
    description:
      'South Korean maker of memory chips, smartphones, displays and consumer electronics.',
    segments: [
      { file: 'daily/alt/005930.KS.quantkang.csv', to: '2019-12-31', origin: quantKang },
      { file: 'daily/alt/005930.KS.fdr.csv', from: '2020-01-01', origin: krxFdr },
    ],
    illustrative: {
      annualRevenue: 300e12,
      grossMargin: 0.38,
      operatingMargin: 0.1,
      fiscalYearEndMonth: 12,
    },
  },
  {
    symbol: '000660.KS',
    code: '000660',
    nameEn: 'SK hynix',
    nameKo: 'SK하이닉스',
    market: 'KR',
    exchange: 'KOSPI',
    currency: 'KRW',
    kind: 'stock',
    sectorFrom: 'krx',
    description: 'South Korean maker of DRAM and NAND flash memory.',
    segments: [
      { file: 'daily/000660.KS.csv', to: '2019-12-31', origin: 'Yahoo Finance (BackTester39)' },
      { file: 'daily/alt/000660.KS.fdr.csv', from: '2020-01-01', origin: krxFdr },
    ],
    illustrative: {
      annualRevenue: 66e12,
      grossMargin: 0.45,
      operatingMargin: 0.3,
      fiscalYearEndMonth: 12,
    },
  },
  {
    symbol: '035420.KS',
    code: '035420',
    nameEn: 'NAVER',
    nameKo: 'NAVER',
    market: 'KR',
    exchange: 'KOSPI',
    currency: 'KRW',
    kind: 'stock',
    sectorFrom: 'krx',
    description: "Operator of South Korea's largest web portal and search engine.",
    segments: [
      { file: 'daily/035420.KS.csv', to: '2019-12-31', origin: quantKang },
      { file: 'daily/alt/035420.KS.fdr.csv', from: '2020-01-01', origin: krxFdr },
    ],
    illustrative: {
      annualRevenue: 10e12,
      grossMargin: 0.6,
      operatingMargin: 0.16,
      fiscalYearEndMonth: 12,
    },
  },
  {
    symbol: '035720.KS',
    code: '035720',
    nameEn: 'Kakao',
    nameKo: '카카오',
    market: 'KR',
    exchange: 'KOSPI',
    currency: 'KRW',
    kind: 'stock',
    sectorFrom: 'krx',
    description: 'South Korean internet company behind the KakaoTalk messenger.',
    segments: [{ file: 'daily/035720.KS.csv', origin: krxFdr }],
    illustrative: {
      annualRevenue: 8e12,
      grossMargin: 0.5,
      operatingMargin: 0.06,
      fiscalYearEndMonth: 12,
    },
  },
  {
    symbol: '051910.KS',
    code: '051910',
    nameEn: 'LG Chem',
    nameKo: 'LG화학',
    market: 'KR',
    exchange: 'KOSPI',
    currency: 'KRW',
    kind: 'stock',
    sectorFrom: 'krx',
    description: 'South Korean chemicals company and parent of LG Energy Solution.',
    // The Yahoo file ends 2018-03-12 and cannot be joined to the KRX file (no overlap to check).
    segments: [{ file: 'daily/alt/051910.KS.fdr.csv', origin: krxFdr }],
    illustrative: {
      annualRevenue: 50e12,
      grossMargin: 0.18,
      operatingMargin: 0.05,
      fiscalYearEndMonth: 12,
    },
  },
  {
    symbol: '^KS11',
    code: 'KS11',
    nameEn: 'KOSPI Composite',
    nameKo: '코스피',
    market: 'KR',
    exchange: 'INDEX',
    currency: 'KRW',
    kind: 'index',
    sectorFrom: null,
    description: 'Capitalization-weighted index of all common stocks on the KRX KOSPI market.',
    segments: [{ file: 'daily/KS11.csv', origin: 'Yahoo Finance ^KS11 (espark11/fi1)' }],
  },
  ...(
    [
      ['AAPL', 'Apple', 'Maker of the iPhone, Mac and related services.', 391e9, 0.46, 0.31, 9],
      [
        'MSFT',
        'Microsoft',
        'Software and cloud company (Windows, Office, Azure).',
        245e9,
        0.7,
        0.45,
        6,
      ],
      [
        'NVDA',
        'NVIDIA',
        'Designer of GPUs and accelerated-computing platforms.',
        130e9,
        0.75,
        0.6,
        1,
      ],
      ['AMZN', 'Amazon', 'Online retailer and cloud provider (AWS).', 638e9, 0.49, 0.11, 12],
    ] as const
  ).map(
    ([symbol, nameEn, description, annualRevenue, grossMargin, operatingMargin, fyEnd]): Spec => ({
      symbol,
      code: symbol,
      nameEn,
      nameKo: null,
      market: 'US',
      exchange: 'NASDAQ',
      currency: 'USD',
      kind: 'stock',
      sectorFrom: 'sp500',
      description,
      segments: [{ file: `daily/${symbol}.csv`, origin: yahoo }],
      illustrative: { annualRevenue, grossMargin, operatingMargin, fiscalYearEndMonth: fyEnd },
    }),
  ),
  {
    symbol: 'SPY',
    code: 'SPY',
    nameEn: 'SPDR S&P 500 ETF Trust',
    nameKo: null,
    market: 'US',
    exchange: 'NYSEARCA',
    currency: 'USD',
    kind: 'etf',
    sectorFrom: null,
    description: 'Exchange-traded fund tracking the S&P 500 index.',
    segments: [{ file: 'daily/SPY.csv', origin: yahoo }],
  },
  {
    symbol: '^GSPC',
    code: 'GSPC',
    nameEn: 'S&P 500',
    nameKo: null,
    market: 'US',
    exchange: 'INDEX',
    currency: 'USD',
    kind: 'index',
    sectorFrom: null,
    description: 'Capitalization-weighted index of 500 large US companies.',
    segments: [
      { file: 'daily/GSPC.csv', origin: 'Yahoo Finance ^GSPC (fja05680/stock_market_calendar)' },
    ],
  },
];

interface Row {
  date: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
}

const rowSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  open: z.string().regex(/^\d+(\.\d+)?$/),
  high: z.string().regex(/^\d+(\.\d+)?$/),
  low: z.string().regex(/^\d+(\.\d+)?$/),
  close: z.string().regex(/^\d+(\.\d+)?$/),
  volume: z.string().regex(/^\d+(\.0+)?$/),
});

function readCsv(file: string): Row[] {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  const header = lines[0];
  if (header !== 'date,open,high,low,close,adj_close,volume') {
    throw new Error(`${file}: unexpected header "${header}"`);
  }
  return lines.slice(1).map((line, i) => {
    const [date, open, high, low, close, , volume] = line.split(',');
    const parsed = rowSchema.safeParse({ date, open, high, low, close, volume });
    if (!parsed.success) {
      throw new Error(`${file} row ${i + 2}: ${parsed.error.issues[0]?.message} in "${line}"`);
    }
    return parsed.data;
  });
}

/**
 * Yahoo writes float32 values in float64 spelling (`311.7799987792969`, `705.989990`). The shortest
 * decimal that maps to the same float32 is the vendor's value (`311.78`): same float32, no rounding
 * beyond what the source already had. Integers and short decimals pass through unchanged.
 */
function shortestFloat32(text: string): string {
  const value = Number(text);
  const target = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === target) return String(candidate);
  }
  return String(value);
}

function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function readHolidays(dir: string, file: string): Set<string> {
  const lines = fs
    .readFileSync(path.join(dir, 'calendars', file), 'utf8')
    .trim()
    .split('\n');
  return new Set(
    lines
      .slice(1)
      .map((l) => l.split(','))
      .filter((c) => c[2] === 'closed')
      .map((c) => c[0] as string),
  );
}

function readSectors(dir: string): { krx: Map<string, string>; sp500: Map<string, string> } {
  const parse = (file: string, key: number, value: number) => {
    const map = new Map<string, string>();
    const text = fs.readFileSync(path.join(dir, 'instruments', file), 'utf8').trim();
    for (const line of text.split('\n').slice(1)) {
      // Quoted fields may contain commas: split on commas outside quotes.
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
      const clean = cells.map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'));
      if (clean[key] && clean[value]) map.set(clean[key], clean[value]);
    }
    return map;
  };
  return {
    krx: parse('krx_listed_companies.csv', 0, 4),
    sp500: parse('sp500_constituents.csv', 0, 2),
  };
}

interface JoinCheck {
  earlier: string;
  later: string;
  overlapDays: number;
  identicalCloses: number;
  within05pct: number;
}

/** Two sources may only be joined when their closes agree where both have the day. */
function checkJoin(dir: string, a: Segment, b: Segment): JoinCheck {
  const earlier = new Map(readCsv(path.join(dir, a.file)).map((r) => [r.date, r]));
  let overlapDays = 0;
  let identicalCloses = 0;
  let within05pct = 0;
  for (const row of readCsv(path.join(dir, b.file))) {
    const other = earlier.get(row.date);
    if (!other) continue;
    overlapDays++;
    const x = Number(shortestFloat32(other.close));
    const y = Number(shortestFloat32(row.close));
    if (x === y) identicalCloses++;
    if (Math.abs(x / y - 1) < 0.005) within05pct++;
  }
  if (overlapDays < 100 || within05pct / overlapDays < 0.97) {
    throw new Error(
      `cannot join ${a.file} and ${b.file}: ${within05pct}/${overlapDays} closes agree within 0.5%`,
    );
  }
  return { earlier: a.file, later: b.file, overlapDays, identicalCloses, within05pct };
}

interface Change {
  date: string;
  action: string;
}

interface BuiltInstrument {
  symbol: string;
  rows: Row[];
  changes: Change[];
  joins: JoinCheck[];
  float32Normalized: number;
  /** First and last date taken from each segment. */
  segmentRanges: { first: string | null; last: string | null }[];
  flatZeroVolumeKept: string[];
  missingTradingDays: string[];
}

function build(dir: string, spec: Spec, from: string, holidays: Set<string>): BuiltInstrument {
  const changes: Change[] = [];
  const joins: JoinCheck[] = [];
  let float32Normalized = 0;
  const rows: Row[] = [];
  const segmentRanges: BuiltInstrument['segmentRanges'] = [];
  spec.segments.forEach((segment, index) => {
    const before = rows.length;
    const previous = spec.segments[index - 1];
    if (previous) joins.push(checkJoin(dir, previous, segment));
    const lower = segment.from && segment.from > from ? segment.from : from;
    for (const raw of readCsv(path.join(dir, segment.file))) {
      if (raw.date < lower || (segment.to && raw.date > segment.to)) continue;
      const row: Row = { ...raw };
      for (const key of ['open', 'high', 'low', 'close'] as const) {
        const short = shortestFloat32(raw[key]);
        if (short !== raw[key] && Number(short) !== Number(raw[key])) float32Normalized++;
        row[key] = short;
      }
      row.volume = String(Number(raw.volume));
      rows.push(row);
    }
    segmentRanges.push({
      first: rows[before]?.date ?? null,
      last: rows.length > before ? (rows.at(-1) as Row).date : null,
    });
  });

  const kept: Row[] = [];
  for (const row of rows) {
    const [o, h, l, c, v] = [row.open, row.high, row.low, row.close, row.volume].map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const flat = o === h && h === l && l === c;
    if (v === 0 && flat && holidays.has(row.date)) {
      changes.push({
        date: row.date,
        action: `dropped: flat zero-volume row on an exchange holiday`,
      });
      continue;
    }
    if (v === 0 && o === 0 && h === 0 && l === 0 && c > 0) {
      changes.push({
        date: row.date,
        action: `O/H/L were 0 (trading halt): set to the close ${c}`,
      });
      row.open = row.high = row.low = row.close;
      kept.push(row);
      continue;
    }
    const hi = Math.max(o, h, l, c);
    const lo = Math.min(o, h, l, c);
    if (hi !== h) {
      changes.push({ date: row.date, action: `high ${h} below open/close: raised to ${hi}` });
      row.high = String(hi);
    }
    if (lo !== l) {
      changes.push({ date: row.date, action: `low ${l} above open/close: lowered to ${lo}` });
      row.low = String(lo);
    }
    kept.push(row);
  }

  // A flat zero-volume row on a trading day is either a real halt or a stale placeholder; the
  // stale ones we know of (SOURCES.md) are dropped, the halts are kept and listed.
  const stalePlaceholders = new Map<string, string[]>([['000660.KS', ['2017-09-26']]]);
  const stale = new Set(stalePlaceholders.get(spec.symbol) ?? []);
  const result = kept.filter((row) => {
    if (!stale.has(row.date)) return true;
    changes.push({
      date: row.date,
      action: 'dropped: stale zero-volume placeholder on a trading day (SOURCES.md)',
    });
    return false;
  });

  const dates = new Set(result.map((r) => r.date));
  const missingTradingDays: string[] = [];
  const first = result[0]?.date ?? from;
  const last = result.at(-1)?.date ?? from;
  for (let t = Date.parse(`${first}T00:00:00Z`); ; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (date > last) break;
    const dow = dayOfWeek(date);
    if (dow !== 0 && dow !== 6 && !holidays.has(date) && !dates.has(date)) {
      missingTradingDays.push(date);
    }
  }
  const flatZeroVolumeKept = result
    .filter((r) => r.volume === '0' && r.open === r.close && r.high === r.low)
    .map((r) => r.date);
  for (let i = 1; i < result.length; i++) {
    if ((result[i] as Row).date <= (result[i - 1] as Row).date) {
      throw new Error(`${spec.symbol}: dates not ascending at ${(result[i] as Row).date}`);
    }
  }
  return {
    symbol: spec.symbol,
    rows: result,
    changes,
    joins,
    float32Normalized,
    segmentRanges,
    flatZeroVolumeKept,
    missingTradingDays,
  };
}

function fileNameOf(symbol: string): string {
  return `${symbol.replace('^', 'IDX_')}.csv.gz`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fromFlag = args.indexOf('--from');
  const from = fromFlag >= 0 ? args[fromFlag + 1] : '2010-01-01';
  if (!from || !/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new Error('--from expects YYYY-MM-DD');
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--from');
  const dir = path.resolve(positional[0] ?? path.join(repoRoot, '../shared/data'));
  if (!fs.existsSync(path.join(dir, 'SOURCES.md'))) {
    throw new Error(`${dir} does not look like the shared data folder (no SOURCES.md)`);
  }

  const holidays = {
    KR: readHolidays(dir, 'krx_holidays.csv'),
    US: readHolidays(dir, 'nyse_holidays.csv'),
  };
  const sectors = readSectors(dir);
  fs.mkdirSync(outDir, { recursive: true });

  const built = specs.map((spec) => build(dir, spec, from, holidays[spec.market]));
  const manifest = {
    generatedBy: 'scripts/build-demo-data.ts',
    from,
    columns: 'date,open,high,low,close,volume',
    instruments: specs.map((spec, i) => {
      const b = built[i] as BuiltInstrument;
      const sector =
        spec.sectorFrom === 'krx'
          ? (sectors.krx.get(spec.code) ?? null)
          : spec.sectorFrom === 'sp500'
            ? (sectors.sp500.get(spec.code) ?? null)
            : null;
      return {
        symbol: spec.symbol,
        code: spec.code,
        nameEn: spec.nameEn,
        nameKo: spec.nameKo,
        market: spec.market,
        exchange: spec.exchange,
        currency: spec.currency,
        kind: spec.kind,
        sector,
        description: spec.description,
        file: fileNameOf(spec.symbol),
        rows: b.rows.length,
        realFrom: b.rows[0]?.date,
        realUntil: b.rows.at(-1)?.date,
        sources: spec.segments.map((s, j) => ({
          file: s.file,
          origin: s.origin,
          first: b.segmentRanges[j]?.first ?? null,
          last: b.segmentRanges[j]?.last ?? null,
        })),
        changes: b.changes,
        illustrative: spec.illustrative ?? null,
      };
    }),
  };

  let totalBytes = 0;
  for (const b of built) {
    const csv = [
      'date,open,high,low,close,volume',
      ...b.rows.map((r) => `${r.date},${r.open},${r.high},${r.low},${r.close},${r.volume}`),
    ].join('\n');
    const gz = zlib.gzipSync(`${csv}\n`, { level: 9 });
    fs.writeFileSync(path.join(outDir, fileNameOf(b.symbol)), gz);
    totalBytes += gz.length;
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  fs.writeFileSync(path.join(outDir, 'manifest.json'), manifestText);
  totalBytes += manifestText.length;
  const prettierOptions = (await resolveConfig(readmePath)) ?? {};
  const readmeText = await format(readme(manifest, built, totalBytes), {
    ...prettierOptions,
    parser: 'markdown',
  });
  fs.writeFileSync(readmePath, readmeText);
  console.log(
    `wrote ${built.length} instruments, ${(totalBytes / 1024).toFixed(0)} KiB to ${outDir}`,
  );
}

function readme(
  manifest: {
    from: string;
    instruments: {
      symbol: string;
      realFrom?: string;
      realUntil?: string;
      rows: number;
      sources: { file: string; origin: string; first: string | null; last: string | null }[];
      changes: Change[];
    }[];
  },
  built: BuiltInstrument[],
  totalBytes: number,
): string {
  const table = manifest.instruments
    .map((m) => {
      const src = m.sources
        .map((s) => `\`${s.file}\` (${s.origin}) ${s.first}…${s.last}`)
        .join(' + ');
      return `| ${m.symbol} | ${m.realFrom} | ${m.realUntil} | ${m.rows} | ${src} |`;
    })
    .join('\n');
  const perInstrument = manifest.instruments
    .map((m, i) => {
      const b = built[i] as BuiltInstrument;
      const lines: string[] = [];
      for (const j of b.joins) {
        lines.push(
          `- Joined \`${j.earlier}\` → \`${j.later}\`: on ${j.overlapDays} common days ${j.identicalCloses} closes are identical and ${j.within05pct} agree within 0.5%${j.identicalCloses < j.overlapDays ? " (SOURCES.md's cross-check attributes the differences to the earlier file's placeholder and stale days)" : ''}; the later file is used from the join on.`,
        );
      }
      if (b.float32Normalized > 0) {
        lines.push(
          `- ${b.float32Normalized} price fields written in their shortest float32 spelling (see above).`,
        );
      }
      for (const c of m.changes) lines.push(`- ${c.date}: ${c.action}.`);
      if (b.flatZeroVolumeKept.length > 0) {
        lines.push(
          `- Kept flat zero-volume rows (trading halts): ${b.flatZeroVolumeKept.join(', ')}.`,
        );
      }
      if (b.missingTradingDays.length > 0) {
        lines.push(
          `- Trading days absent (missing in the source, or dropped above; left as gaps): ${b.missingTradingDays.join(', ')}.`,
        );
      }
      if (lines.length === 0) lines.push('- Taken as is.');
      return `### ${m.symbol}\n${lines.join('\n')}`;
    })
    .join('\n\n');

  return `# Demo market data

Generated by \`npm run data:build-demo\` (\`scripts/build-demo-data.ts\`) from the team's shared data
folder (\`../shared/data\`, see its SOURCES.md). Do not edit by hand: change the script and rerun it.

\`daily/<symbol>.csv.gz\` holds \`date,open,high,low,close,volume\` (indices as \`IDX_KS11\`,
\`IDX_GSPC\`); \`daily/manifest.json\` holds per instrument the metadata (names, market, exchange,
currency, kind, sector, a one-line description), the sources, \`realUntil\` (last real date) and the
list of every row changed while building. ${(totalBytes / 1024).toFixed(0)} KiB in total, history from
${manifest.from}.

These are real prices for demo and test use only (the vendors' terms apply; see SOURCES.md). After
\`realUntil\` the demo provider simulates bars and ticks and marks them (\`demoDataInfo(symbol)\`).
Sectors come from the shared instrument lists: KRX industry names (Korean) for KRX stocks, GICS
sectors from the S&P 500 list for US stocks. The \`illustrative\` block in the manifest only scales
the demo's illustrative financial statements; it is not reported data.

## Sources

| symbol | first | realUntil | rows | taken from |
|---|---|---|---:|---|
${table}

General rules applied to every file:
- Rows before ${manifest.from} are left out to keep the repository small.
- Yahoo files spell float32 values in float64 form (\`311.7799987792969\`, \`705.989990\`). They are
  written as the shortest decimal that denotes the same float32 (\`311.78\`, \`705.99\`). This is the
  same float32 value, not a rounding of the data.
- Two sources are joined only when their closes agree on the overlap (checked by the script, which
  refuses to join otherwise); the KRX (FinanceDataReader) file is used from 2020-01-02 on because it
  is clean and includes the days Yahoo misses.
- Flat zero-volume rows on exchange holidays (from the shared KRX/NYSE calendars) are dropped.
- Rows whose high/low did not contain the open and close are widened to contain them, and halt rows
  with O/H/L = 0 get O/H/L = close; each such row is listed below.
- Everything else (gaps, halts, the volume units of indices) is kept as found.

## Remaining quirks

- \`051910.KS\` starts 2020-01-02: the Yahoo file ends 2018-03-12 and has no overlap with the KRX file,
  so the two could not be checked against each other and are not joined.
- \`035720.KS\` (Kakao) starts 2020-01-02; no longer clean history was found.
- \`^KS11\` ends 2023-01-02 and \`^GSPC\` ends 2023-12-28: everything after is simulated by the demo
  provider, so the simulated index levels do not follow the real stocks of 2023–2026.
- \`^KS11\` volumes look like thousands of shares (Yahoo); \`^GSPC\` volume is Yahoo's.
- US prices are split-adjusted but not dividend-adjusted (Yahoo \`Close\`); early values below $1
  (NVDA 2010) have more than two decimals because of the split adjustment.
- KRX prices before 2023-01-25 follow the tick table of their time, not the current one.

## Per instrument

${perInstrument}
`;
}

await main();
