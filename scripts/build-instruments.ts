/**
 * Maintainer script: builds the shipped instrument master
 * `server/market-data/data/instruments/instruments.csv.gz` from the cleaned source lists in
 * `../shared/data/instruments` (see server/market-data/data/instruments/README.md).
 *
 *   npm run data:build-instruments [-- --source <dir>]
 *
 * The app never runs this; it reads only the shipped file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

type Row = Record<string, string>;

interface MasterRow {
  symbol: string;
  code: string;
  market: 'KR' | 'US';
  exchange: string;
  kind: 'stock' | 'etf' | 'index';
  name_en: string;
  name_ko: string;
  sector: string;
  /** Other Korean names people search for, `|`-separated: the short name brokers show. */
  aliases: string;
}

const args = process.argv.slice(2);
const sourceFlag = args.indexOf('--source');
const sourceDir = path.resolve(
  sourceFlag >= 0 && args[sourceFlag + 1] ? args[sourceFlag + 1]! : '../shared/data/instruments',
);
const outFile = path.resolve('server/market-data/data/instruments/instruments.csv.gz');

function readCsv(file: string, columns: string[]): Row[] {
  const text = readFileSync(path.join(sourceDir, file), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Row[];
  for (const column of columns) {
    if (rows.length > 0 && !(column in rows[0]!)) {
      throw new Error(`${file}: missing column "${column}"`);
    }
  }
  return rows;
}

// DART registers English names as filed: often ALL CAPS with "CO.,LTD" in several spellings. The
// master shows them the way a reader expects ("Samsung Electronics"), keeping short all-caps
// words (SK, LG, KT, HMM) as acronyms.
const corporateSuffix =
  /[\s,]*(\(?(co\s*[.,]*\s*,?\s*ltd|company\s+limited|corporation|corp|incorporated|inc|limited|ltd|co|plc)\)?\.?[\s,.]*)+$/i;
const keepLower = new Set(['and', 'of', 'the', 'for']);

function tidyKrxEnglishName(raw: string): string {
  let name = raw.replace(/\s+/g, ' ').trim();
  const stripped = name.replace(corporateSuffix, '').trim();
  if (stripped.length > 0) name = stripped;
  if (name !== name.toUpperCase()) return name;
  return name
    .split(' ')
    .map((word, index) => {
      const letters = word.replace(/[^A-Za-z]/g, '');
      if (letters.length <= 3 && !keepLower.has(word.toLowerCase())) return word;
      if (index > 0 && keepLower.has(word.toLowerCase())) return word.toLowerCase();
      return word.charAt(0) + word.slice(1).toLowerCase();
    })
    .join(' ');
}

const ordinals = ['', '1st', '2nd', '3rd', '4th', '5th'];

/** `삼성전자우` → `Samsung Electronics Pref.`, `현대차2우B` → `Hyundai Motor 2nd Pref. B`. */
function preferredEnglishName(commonEn: string, koSuffix: string): string {
  const match = /^\s*(\d)?우([A-Z])?(\(전환\))?$/.exec(koSuffix);
  if (!match) return `${commonEn} Pref.`;
  const [, ordinal, shareClass, convertible] = match;
  return [
    commonEn,
    ordinal ? ordinals[Number(ordinal)] : null,
    'Pref.',
    shareClass ?? null,
    convertible ? '(Conv.)' : null,
  ]
    .filter(Boolean)
    .join(' ');
}

/** The part of a preferred share's Korean name after its issuer's (short) name: `우`, `2우B`. */
function preferredSuffix(nameKo: string): string {
  const match = /\s?\d?우[A-Z]?(\(전환\))?$/.exec(nameKo);
  return match ? match[0] : '우';
}

const krMarkets: Record<string, string> = { KOSPI: 'KOSPI', KOSDAQ: 'KOSDAQ', KONEX: 'KONEX' };

function krxSymbol(code: string, market: string): string {
  return `${code}${market === 'KOSPI' ? '.KS' : '.KQ'}`;
}

function buildKrx(): MasterRow[] {
  const companies = readCsv('krx_listed_companies.csv', [
    'code',
    'name_ko',
    'name_en',
    'market',
    'sector',
  ]);
  const rows: MasterRow[] = [];
  const byCode = new Map<string, MasterRow>();
  for (const company of companies) {
    const market = krMarkets[company.market!];
    if (!market || !/^[0-9][0-9A-Z]{5}$/.test(company.code!)) {
      throw new Error(`krx_listed_companies.csv: bad row ${JSON.stringify(company)}`);
    }
    const row: MasterRow = {
      symbol: krxSymbol(company.code!, market),
      code: company.code!,
      market: 'KR',
      exchange: market,
      kind: 'stock',
      name_en: tidyKrxEnglishName(company.name_en!),
      name_ko: company.name_ko!.trim(),
      sector: company.sector!.trim(),
      aliases: '',
    };
    rows.push(row);
    byCode.set(row.code, row);
  }
  // KIND lists one row per company; preferred shares come from the FDR share-class list. Their
  // code is the common share's with a different last character (005935 → 005930). Classes whose
  // issuer is no longer in KIND's (newer) list are dropped with it.
  const classes = readCsv('krx_share_classes_fdr_20260127.csv', ['code', 'name_ko', 'market']);
  for (const shareClass of classes) {
    const code = shareClass.code!;
    const listed = byCode.get(code);
    if (listed) {
      // FDR carries the short names brokers display (현대차, KT&G, 삼성화재) where KIND has the
      // registered one (현대자동차, 케이티앤지, 삼성화재해상보험); both should find the company.
      const shortName = shareClass.name_ko!.trim();
      if (shortName && shortName !== listed.name_ko) listed.aliases = shortName;
      continue;
    }
    const common = byCode.get(`${code.slice(0, 5)}0`);
    if (!common || !/우/.test(shareClass.name_ko!)) continue;
    rows.push({
      symbol: krxSymbol(code, common.exchange),
      code,
      market: 'KR',
      exchange: common.exchange,
      kind: 'stock',
      name_en: preferredEnglishName(common.name_en, preferredSuffix(shareClass.name_ko!)),
      name_ko: shareClass.name_ko!.trim(),
      sector: common.sector,
      aliases: '',
    });
  }
  return rows;
}

// Wikipedia's sort-friendly names ("Home Depot (The)", "Lilly (Eli)") read back in natural order.
const usNameOverrides: Record<string, string> = { LLY: 'Eli Lilly' };

function tidyUsName(symbol: string, name: string): string {
  return usNameOverrides[symbol] ?? name.replace(/^(.*) \(The\)$/, 'The $1').trim();
}

// Korean names for well-known US companies, as Korean investors and media write them, so that
// "애플" or "ㅇㅍ" finds AAPL. Our own transliterations; the sources have no Korean names.
const usKoreanNames: Record<string, string> = {
  AAPL: '애플',
  MSFT: '마이크로소프트',
  NVDA: '엔비디아',
  AMZN: '아마존',
  GOOGL: '알파벳 A',
  GOOG: '알파벳 C',
  META: '메타 플랫폼스',
  TSLA: '테슬라',
  AVGO: '브로드컴',
  'BRK.B': '버크셔 해서웨이 B',
  JPM: 'JP모건 체이스',
  LLY: '일라이 릴리',
  V: '비자',
  MA: '마스터카드',
  UNH: '유나이티드헬스 그룹',
  XOM: '엑슨모빌',
  WMT: '월마트',
  COST: '코스트코',
  NFLX: '넷플릭스',
  AMD: 'AMD',
  ORCL: '오라클',
  JNJ: '존슨앤드존슨',
  PG: '프록터앤드갬블',
  HD: '홈디포',
  KO: '코카콜라',
  PEP: '펩시코',
  ADBE: '어도비',
  CRM: '세일즈포스',
  INTC: '인텔',
  QCOM: '퀄컴',
  CSCO: '시스코',
  DIS: '월트 디즈니',
  BAC: '뱅크오브아메리카',
  PLTR: '팔란티어',
  ASML: 'ASML',
  ARM: 'ARM 홀딩스',
  SBUX: '스타벅스',
  NKE: '나이키',
  MCD: '맥도날드',
  PFE: '화이자',
  MU: '마이크론 테크놀로지',
  IBM: 'IBM',
  BA: '보잉',
  UBER: '우버',
  ABNB: '에어비앤비',
  PYPL: '페이팔',
  TXN: '텍사스 인스트루먼트',
  MRNA: '모더나',
  COIN: '코인베이스',
  MSTR: '마이크로스트래티지',
};

function buildUs(): MasterRow[] {
  const columns = ['symbol', 'name', 'sector', 'exchange'];
  const sp500 = readCsv('sp500_constituents.csv', columns);
  const nasdaq100 = readCsv('nasdaq100_constituents.csv', columns);
  const bySymbol = new Map<string, MasterRow>();
  // S&P first: its sector is GICS; NASDAQ-100-only names keep Wikipedia's industry label.
  for (const row of [...sp500, ...nasdaq100]) {
    const symbol = row.symbol!.trim().toUpperCase();
    if (bySymbol.has(symbol)) continue;
    if (!/^[A-Z]{1,5}(\.[A-Z])?$/.test(symbol) || !row.exchange) {
      throw new Error(`US constituents: bad row ${JSON.stringify(row)}`);
    }
    bySymbol.set(symbol, {
      symbol,
      code: symbol,
      market: 'US',
      exchange: row.exchange,
      kind: 'stock',
      name_en: tidyUsName(symbol, row.name!),
      name_ko: usKoreanNames[symbol] ?? '',
      sector: row.sector ?? '',
      aliases: '',
    });
  }
  return [...bySymbol.values()];
}

const extras: MasterRow[] = [
  index('^KS11', 'KR', 'KOSPI', '코스피'),
  index('^KQ11', 'KR', 'KOSDAQ', '코스닥'),
  index('^GSPC', 'US', 'S&P 500', 'S&P 500'),
  index('^IXIC', 'US', 'NASDAQ Composite', '나스닥 종합'),
  {
    symbol: 'SPY',
    code: 'SPY',
    market: 'US',
    exchange: 'NYSEARCA',
    kind: 'etf',
    name_en: 'SPDR S&P 500 ETF Trust',
    name_ko: 'SPDR S&P 500 ETF',
    sector: '',
    aliases: '',
  },
];

function index(symbol: string, market: 'KR' | 'US', nameEn: string, nameKo: string): MasterRow {
  return {
    symbol,
    code: symbol,
    market,
    exchange: 'INDEX',
    kind: 'index',
    name_en: nameEn,
    name_ko: nameKo,
    sector: '',
    aliases: '',
  };
}

const all = [...extras, ...buildKrx(), ...buildUs()].sort((a, b) =>
  a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0,
);
const seen = new Set<string>();
for (const row of all) {
  if (seen.has(row.symbol)) throw new Error(`duplicate symbol ${row.symbol}`);
  seen.add(row.symbol);
}
const missingKorean = Object.keys(usKoreanNames).filter((symbol) => !seen.has(symbol));
if (missingKorean.length > 0) {
  console.warn(`Korean names for symbols not in the master (ignored): ${missingKorean.join(', ')}`);
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function stringify(header: string[], rows: string[][]): string {
  return [header, ...rows].map((fields) => fields.map(csvField).join(',')).join('\n') + '\n';
}

const header = [
  'symbol',
  'code',
  'market',
  'exchange',
  'kind',
  'name_en',
  'name_ko',
  'sector',
  'aliases',
];
const csv = stringify(
  header,
  all.map((row) => header.map((key) => row[key as keyof MasterRow])),
);
const gz = gzipSync(Buffer.from(csv, 'utf8'), { level: 9 });
writeFileSync(outFile, gz);

const counts = new Map<string, number>();
for (const row of all) counts.set(row.exchange, (counts.get(row.exchange) ?? 0) + 1);
console.log(
  `Wrote ${path.relative(process.cwd(), outFile)}: ${all.length} instruments ` +
    `(${[...counts].map(([exchange, n]) => `${exchange} ${n}`).join(', ')}), ` +
    `${(csv.length / 1024).toFixed(0)} KiB CSV → ${(gz.length / 1024).toFixed(0)} KiB gzip`,
);
