/**
 * Where a search query appears in a displayed name, so the option can highlight it. Mirrors how
 * the server matches: case-insensitive, punctuation and spaces in the name skipped, Korean initial
 * consonants (`ㅅㅅㅈㅈ` → 삼성전자) and a syllable still being composed (`삼서` while typing 삼성)
 * count as matches. Pure: unit-tested.
 */

export type MatchRange = { start: number; end: number };

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const SYLLABLES_PER_INITIAL = 21 * 28;
const FINALS = 28;
/** Compatibility jamo (what keyboards type) for the 19 initial consonants, in Unicode order. */
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

function syllableOffset(char: string): number | null {
  const code = char.charCodeAt(0);
  return code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST ? code - SYLLABLE_FIRST : null;
}

function initialOf(char: string): string | null {
  const offset = syllableOffset(char);
  return offset === null ? null : INITIALS.charAt(Math.floor(offset / SYLLABLES_PER_INITIAL));
}

/** `서` (no final consonant yet) may become `성`: same initial and vowel. */
function mayComposeInto(typed: string, actual: string): boolean {
  const a = syllableOffset(typed);
  const b = syllableOffset(actual);
  if (a === null || b === null || a % FINALS !== 0) return false;
  return Math.floor(a / FINALS) === Math.floor(b / FINALS);
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char);
}

function charMatches(queryChar: string, textChar: string, lastOfQuery: boolean): boolean {
  if (queryChar === textChar.toLowerCase()) return true;
  if (INITIALS.includes(queryChar) && initialOf(textChar) === queryChar) return true;
  return lastOfQuery && mayComposeInto(queryChar, textChar);
}

/** The first span of `text` that matches `query`, or null. Ranges are in UTF-16 code units. */
export function findMatch(text: string, query: string): MatchRange | null {
  const wanted = Array.from(query.normalize('NFC').toLowerCase()).filter(isWordChar);
  if (wanted.length === 0) return null;
  const chars = Array.from(text.normalize('NFC'));
  // Offsets in code units of each character, for slicing the original string.
  const offsets: number[] = [];
  let unit = 0;
  for (const char of chars) {
    offsets.push(unit);
    unit += char.length;
  }
  offsets.push(unit);

  for (let start = 0; start < chars.length; start++) {
    if (!isWordChar(chars[start]!)) continue;
    let i = start;
    let j = 0;
    while (i < chars.length && j < wanted.length) {
      const char = chars[i]!;
      if (!isWordChar(char)) {
        i++;
        continue;
      }
      if (!charMatches(wanted[j]!, char, j === wanted.length - 1)) break;
      i++;
      j++;
    }
    if (j === wanted.length) return { start: offsets[start]!, end: offsets[i]! };
  }
  return null;
}

/** Text split into plain and matched parts, for rendering with <mark>. */
export function splitByMatch(text: string, query: string): { text: string; matched: boolean }[] {
  const normalized = text.normalize('NFC');
  const range = findMatch(normalized, query);
  if (!range) return [{ text: normalized, matched: false }];
  return [
    { text: normalized.slice(0, range.start), matched: false },
    { text: normalized.slice(range.start, range.end), matched: true },
    { text: normalized.slice(range.end), matched: false },
  ].filter((part) => part.text.length > 0);
}
