import { DomainError } from '@/server/errors';
import { alignedInitials, foldForSearch, jamoMatchAt, needsJamoMatching } from './hangul';
import { instrumentMaster, majorSymbols } from './instruments';
import type { Instrument, Market, SearchMatch } from './types';

/**
 * Instant search over the instrument master: codes, tickers, English and Korean names, and Korean
 * initial consonants (`ㅅㅅㅈㅈ` → 삼성전자, also mixed as `삼ㅅ`). The index is built once; a
 * query is a single pass over ~3,400 prepared entries (see `npm run bench:search`).
 *
 * Ranking, best first — each tier's score leaves room for a popularity prior that breaks ties:
 *   exact code / ticker / symbol > exact name > prefix > word start > substring > initials.
 * The prior puts indices and the curated major names first, then KOSPI before KOSDAQ before
 * KONEX, common before preferred shares, SPACs last.
 */

const tier = {
  exactCode: 1.0,
  exactName: 0.9,
  prefix: 0.8,
  wordStart: 0.7,
  substring: 0.6,
  initialsExact: 0.55,
  initialsPrefix: 0.5,
  initialsSubstring: 0.45,
} as const;
/** Below the smallest gap between tiers, so the prior only orders matches within a tier. */
const PRIOR_WEIGHT = 0.04;
const MAX_SCORE = tier.exactCode + PRIOR_WEIGHT;
const MAX_QUERY_LENGTH = 64;
export const MAX_SEARCH_LIMIT = 50;

interface SearchEntry {
  instrument: Instrument;
  codeKey: string;
  symbolKey: string;
  /** Sort key for ties: the display name, folded. */
  nameKey: string;
  /** The Korean name and its aliases (현대자동차, 현대차), folded, with aligned initials. */
  koNames: KoreanName[];
  enKey: string;
  /** The English name without corporate suffixes: "apple" for "Apple Inc.". */
  enCore: string;
  /** Folded offsets where a word of the English or Korean name starts (beyond 0). */
  enWordStarts: number[];
  prior: number;
}

interface KoreanName {
  key: string;
  initials: string;
  wordStarts: number[];
}

const corporateSuffix =
  /[\s,]*(\(?(class [a-z]|inc|incorporated|corp|corporation|co|company|ltd|limited|plc|group|holdings?|the)\)?\.?[\s,.]*)+$/i;

function wordStarts(name: string): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const word of name.split(/[^\p{L}\p{N}]+/u)) {
    const folded = foldForSearch(word);
    if (folded.length === 0) continue;
    if (offset > 0) starts.push(offset);
    offset += folded.length;
  }
  return starts;
}

const marketPrior: Record<string, number> = { KOSPI: 0.5, KOSDAQ: 0.4, KONEX: 0.2 };

function priorOf(instrument: Instrument, majorRank: Map<string, number>): number {
  if (instrument.kind === 'index') return 1;
  const rank = majorRank.get(instrument.symbol);
  if (rank !== undefined) return 0.95 - 0.25 * rank;
  let prior = instrument.market === 'KR' ? (marketPrior[instrument.exchange] ?? 0.3) : 0.5;
  // KRX common shares end in 0; preferred classes change the last character (005930 → 005935).
  if (instrument.market === 'KR' && !instrument.code.endsWith('0')) prior -= 0.2;
  if (instrument.nameKo?.includes('스팩')) prior -= 0.15;
  return Math.max(0, prior);
}

function koreanName(name: string): KoreanName {
  const key = foldForSearch(name);
  return { key, initials: alignedInitials(key), wordStarts: wordStarts(name) };
}

function buildEntries(
  instruments: readonly Instrument[],
  aliases: ReadonlyMap<string, readonly string[]>,
): SearchEntry[] {
  const majorRank = new Map<string, number>();
  for (const symbols of Object.values(majorSymbols)) {
    symbols.forEach((symbol, index) => majorRank.set(symbol, index / symbols.length));
  }
  return instruments.map((instrument) => {
    const koNames = [instrument.nameKo, ...(aliases.get(instrument.symbol) ?? [])]
      .filter((name): name is string => Boolean(name))
      .map(koreanName);
    const enKey = foldForSearch(instrument.nameEn);
    return {
      instrument,
      codeKey: foldForSearch(instrument.code),
      symbolKey: foldForSearch(instrument.symbol),
      nameKey: koNames[0]?.key ?? enKey,
      koNames,
      enKey,
      enCore: foldForSearch(instrument.nameEn.replace(corporateSuffix, '')),
      enWordStarts: wordStarts(instrument.nameEn),
      prior: priorOf(instrument, majorRank),
    };
  });
}

/**
 * Every entry's keys concatenated into one string (and its Korean initials into another), so a
 * query scans natively with indexOf and only entries that contain it get ranked; `starts[i]` is
 * where segment i begins, `owners[i]` its entry.
 */
interface Haystack {
  text: string;
  starts: Int32Array;
  owners: Int32Array;
}

/** Keys sorted for prefix lookups by binary search: exact and prefix matches without a scan. */
interface SortedKeys {
  keys: string[];
  owners: Int32Array;
}

interface SearchIndex {
  entries: SearchEntry[];
  sortedKeys: SortedKeys;
  sortedInitials: SortedKeys;
  /** Codes, symbols and English names: Latin text V8 keeps one byte per character (fast scans). */
  latinKeys: Haystack;
  /** Korean names and aliases, the only keys a query with Hangul can match. */
  koreanKeys: Haystack;
  initials: Haystack;
  /** Per entry, the last query that visited it (dedupes hits within one query). */
  visited: Uint32Array;
  queryCount: number;
}

// Control characters never survive folding, so a query cannot match across segments.
const KEY_SEPARATOR = '\u0001';

function haystack(segments: [owner: number, text: string][]): Haystack {
  const starts = new Int32Array(segments.length);
  const owners = new Int32Array(segments.length);
  let offset = 0;
  segments.forEach(([owner, text], index) => {
    starts[index] = offset;
    owners[index] = owner;
    offset += text.length + 1;
  });
  return { text: segments.map(([, text]) => text).join(KEY_SEPARATOR), starts, owners };
}

function sortedKeys(pairs: [owner: number, key: string][]): SortedKeys {
  pairs.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return { keys: pairs.map(([, key]) => key), owners: Int32Array.from(pairs, ([owner]) => owner) };
}

/** Calls `visit` for the owner of every sorted key that starts with `prefix`. */
function forEachPrefixOwner(
  { keys, owners }: SortedKeys,
  prefix: string,
  visit: (owner: number) => void,
): void {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keys[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < keys.length && keys[i]!.startsWith(prefix); i++) visit(owners[i]!);
}

function buildIndex(entries: SearchEntry[]): SearchIndex {
  const latinSegments: [number, string][] = [];
  const koreanSegments: [number, string][] = [];
  const initialSegments: [number, string][] = [];
  entries.forEach((entry, owner) => {
    latinSegments.push([owner, [entry.codeKey, entry.symbolKey, entry.enKey].join(KEY_SEPARATOR)]);
    for (const name of entry.koNames) {
      koreanSegments.push([owner, name.key]);
      initialSegments.push([owner, name.initials]);
    }
  });
  const prefixPairs: [number, string][] = [];
  const initialPairs: [number, string][] = [];
  entries.forEach((entry, owner) => {
    for (const key of [entry.codeKey, entry.symbolKey, entry.enKey]) prefixPairs.push([owner, key]);
    for (const name of entry.koNames) {
      prefixPairs.push([owner, name.key]);
      initialPairs.push([owner, name.initials]);
    }
  });
  return {
    entries,
    sortedKeys: sortedKeys(prefixPairs),
    sortedInitials: sortedKeys(initialPairs),
    latinKeys: haystack(latinSegments),
    koreanKeys: haystack(koreanSegments),
    initials: haystack(initialSegments),
    visited: new Uint32Array(entries.length),
    queryCount: 0,
  };
}

let cachedIndex: SearchIndex | null = null;

function searchIndex(): SearchIndex {
  if (!cachedIndex) {
    const master = instrumentMaster();
    cachedIndex = buildIndex(buildEntries(master.instruments, master.aliases));
  }
  return cachedIndex;
}

/** Calls `visit` once per entry owning a segment that contains `needle`. */
function forEachOwner(
  { text, starts, owners }: Haystack,
  needle: string,
  visit: (owner: number) => void,
): void {
  let position = text.indexOf(needle);
  while (position !== -1) {
    // The segment holding this hit: the last start at or before it.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    visit(owners[low]!);
    const next = low + 1 < starts.length ? starts[low + 1]! : text.length;
    position = text.indexOf(needle, next);
  }
}

function startsAtWord(key: string, starts: number[], query: string): boolean {
  for (const start of starts) if (key.startsWith(query, start)) return true;
  return false;
}

function initialsTier(names: KoreanName[], query: string): number {
  let best = 0;
  for (const { key, initials } of names) {
    if (key.length < query.length) continue;
    if (jamoMatchAt(key, initials, query, 0)) {
      return key.length === query.length ? tier.initialsExact : tier.initialsPrefix;
    }
    for (let start = 1; start + query.length <= key.length; start++) {
      if (jamoMatchAt(key, initials, query, start)) {
        best = tier.initialsSubstring;
        break;
      }
    }
  }
  return best;
}

/** The tier of an entry known to have a key starting with the query (a sorted-key hit). */
function prefixTier(entry: SearchEntry, query: string): number {
  if (entry.codeKey === query || entry.symbolKey === query) return tier.exactCode;
  if (entry.enKey === query || entry.enCore === query) return tier.exactName;
  for (const name of entry.koNames) if (name.key === query) return tier.exactName;
  return tier.prefix;
}

/** The best tier this entry reaches for the folded query, 0 when it does not match. */
function matchTier(entry: SearchEntry, query: string, jamo: boolean): number {
  const { codeKey, symbolKey, koNames, enKey, enCore } = entry;
  if (codeKey === query || symbolKey === query) return tier.exactCode;
  if (enKey === query || enCore === query) return tier.exactName;
  for (const name of koNames) if (name.key === query) return tier.exactName;
  if (codeKey.startsWith(query) || enKey.startsWith(query)) return tier.prefix;
  for (const name of koNames) if (name.key.startsWith(query)) return tier.prefix;
  if (startsAtWord(enKey, entry.enWordStarts, query)) return tier.wordStart;
  for (const name of koNames) {
    if (startsAtWord(name.key, name.wordStarts, query)) return tier.wordStart;
  }
  if (enKey.includes(query) || codeKey.includes(query)) return tier.substring;
  for (const name of koNames) if (name.key.includes(query)) return tier.substring;
  return jamo ? initialsTier(koNames, query) : 0;
}

export interface SearchOptions {
  /** How many matches to return, 1…50; default 10. */
  limit?: number;
  /** Only instruments of this market. */
  market?: Market;
}

interface Candidate {
  entry: SearchEntry;
  score: number;
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const aLength = a.entry.nameKey.length;
  const bLength = b.entry.nameKey.length;
  if (aLength !== bLength) return aLength < bLength;
  return a.entry.instrument.symbol < b.entry.instrument.symbol;
}

function toMatch({ entry, score }: Candidate): SearchMatch {
  const { instrument } = entry;
  return {
    symbol: instrument.symbol,
    name: instrument.nameEn,
    nameKo: instrument.nameKo,
    market: instrument.market,
    exchange: instrument.exchange,
    currency: instrument.currency,
    kind: instrument.kind,
    score: Math.round((score / MAX_SCORE) * 1e4) / 1e4,
    source: 'master',
  };
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new DomainError('INVALID', `limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}`, {
      field: 'limit',
      limit,
    });
  }
  return limit;
}

/** Ranked matches from the instrument master; an empty or blank query matches nothing. */
export function searchInstruments(query: string, options: SearchOptions = {}): SearchMatch[] {
  const limit = checkLimit(options.limit ?? 10);
  const folded = foldForSearch(query.slice(0, MAX_QUERY_LENGTH));
  if (folded.length === 0) return [];
  const jamo = needsJamoMatching(folded);
  const index = searchIndex();
  const stamp = (index.queryCount = (index.queryCount + 1) >>> 0 || 1);

  // Keep only the best `limit` candidates, sorted, instead of sorting every match.
  const top: Candidate[] = [];
  const visit = (owner: number, prefixHit: boolean) => {
    if (index.visited[owner] === stamp) return;
    index.visited[owner] = stamp;
    const entry = index.entries[owner]!;
    if (options.market && entry.instrument.market !== options.market) return;
    const base = prefixHit ? prefixTier(entry, folded) : matchTier(entry, folded, jamo);
    if (base === 0) return;
    const score = base + PRIOR_WEIGHT * entry.prior;
    if (top.length === limit && score < top[limit - 1]!.score) return;
    const candidate = { entry, score };
    if (top.length === limit && !better(candidate, top[limit - 1]!)) return;
    let at = top.length;
    while (at > 0 && better(candidate, top[at - 1]!)) at--;
    top.splice(at, 0, candidate);
    if (top.length > limit) top.pop();
  };
  const worst = () => (top.length === limit ? top[limit - 1]!.score : 0);
  // Exact and prefix matches first, by binary search. When they fill the list with scores no
  // later tier can reach, the scans below are skipped.
  forEachPrefixOwner(index.sortedKeys, folded, (owner) => visit(owner, true));
  if (worst() >= tier.prefix) return top.map(toMatch);
  const consider = (owner: number) => visit(owner, false);
  // Word-start and substring matches. English keys hold no Hangul, so Korean queries skip them.
  if (!/[^\u0000-\u00ff]/.test(folded)) forEachOwner(index.latinKeys, folded, consider);
  forEachOwner(index.koreanKeys, folded, consider);
  // Initials: every jamo match also matches on initials alone, so initials lookups find them all.
  if (jamo && worst() < tier.substring) {
    const initials = alignedInitials(folded);
    forEachPrefixOwner(index.sortedInitials, initials, consider);
    if (worst() < tier.initialsPrefix) forEachOwner(index.initials, initials, consider);
  }
  return top.map(toMatch);
}

/**
 * Master matches merged with a provider's search (symbols the master lacks, e.g. small US
 * caps). One row per symbol, the master's names winning; ordered by score, the master first on a
 * tie.
 */
export function mergeSearchResults(
  master: readonly SearchMatch[],
  provider: readonly SearchMatch[],
  limit = 10,
): SearchMatch[] {
  checkLimit(limit);
  const bySymbol = new Map<string, SearchMatch>();
  for (const match of master) if (!bySymbol.has(match.symbol)) bySymbol.set(match.symbol, match);
  for (const match of provider) {
    const known = bySymbol.get(match.symbol);
    if (!known) bySymbol.set(match.symbol, match);
    else if (match.score > known.score)
      bySymbol.set(match.symbol, { ...known, score: match.score });
  }
  const rank = (match: SearchMatch) => (match.source === 'master' ? 0 : 1);
  return [...bySymbol.values()]
    .sort((a, b) => b.score - a.score || rank(a) - rank(b))
    .slice(0, limit);
}
