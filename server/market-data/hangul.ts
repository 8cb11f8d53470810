import { getChoseong } from 'es-hangul';

/**
 * Korean-aware text folding for instrument search. Keys and queries are folded the same way:
 * NFC (macOS IMEs and pasted text may arrive decomposed), lower case, and only letters and digits
 * kept, so "Samsung Elec.", "samsungelec" and "SAMSUNG  ELEC" are one key.
 */
export function foldForSearch(text: string): string {
  // NFC, not NFKC: NFKC turns compatibility jamo (ㅅ, what keyboards type) into conjoining jamo.
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const CONSONANT_FIRST = 0x3131; // ㄱ
const CONSONANT_LAST = 0x314e; // ㅎ

export function isHangulSyllable(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST;
}

/** A bare initial consonant as typed on a Korean keyboard (compatibility jamo ㄱ…ㅎ). */
export function isInitialConsonant(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= CONSONANT_FIRST && code <= CONSONANT_LAST;
}

/**
 * The initial consonant of every syllable, other characters kept, position for position:
 * `sk하이닉스` → `skㅎㅇㄴㅅ`. Keeping the alignment lets one pass match queries that mix
 * syllables and initials (`삼ㅅ`).
 */
export function alignedInitials(folded: string): string {
  // One getChoseong call per string (it drops non-Hangul), then zipped back into place.
  const choseong = getChoseong(folded);
  let next = 0;
  let out = '';
  for (const char of folded) out += isHangulSyllable(char) ? choseong.charAt(next++) : char;
  return out;
}

// A syllable is 0xAC00 + (initial × 21 + medial) × 28 + final; final 0 means none.
const FINALS = 28;

/**
 * True when the query needs the jamo-aware matcher: it has bare consonants, or ends in an open
 * syllable (no final consonant) that the next keystroke may still extend.
 */
export function needsJamoMatching(foldedQuery: string): boolean {
  for (const char of foldedQuery) if (isInitialConsonant(char)) return true;
  const last = foldedQuery.charCodeAt(foldedQuery.length - 1);
  return last >= SYLLABLE_FIRST && last <= SYLLABLE_LAST && (last - SYLLABLE_FIRST) % FINALS === 0;
}

/** `저` is still open (no final consonant) and `전` extends it: same initial and medial. */
function extendsSyllable(typed: number, candidate: number): boolean {
  const typedIndex = typed - SYLLABLE_FIRST;
  return (
    typedIndex % FINALS === 0 &&
    Math.floor(typedIndex / FINALS) === Math.floor((candidate - SYLLABLE_FIRST) / FINALS)
  );
}

/**
 * Does `query` match `name` starting at `start`? Each query character matches the same name
 * character, or its initial consonant when the query has only the consonant there; the last query
 * syllable may still be being composed (`삼성저` while typing 전자), so an open syllable matches
 * any syllable that extends it.
 */
export function jamoMatchAt(name: string, initials: string, query: string, start: number): boolean {
  if (start + query.length > name.length) return false;
  const last = query.length - 1;
  for (let i = 0; i <= last; i++) {
    const q = query.charCodeAt(i);
    const c = name.charCodeAt(start + i);
    if (q === c) continue;
    if (q >= CONSONANT_FIRST && q <= CONSONANT_LAST && initials.charCodeAt(start + i) === q)
      continue;
    if (
      i === last &&
      q >= SYLLABLE_FIRST &&
      q <= SYLLABLE_LAST &&
      c >= SYLLABLE_FIRST &&
      c <= SYLLABLE_LAST &&
      extendsSyllable(q, c)
    ) {
      continue;
    }
    return false;
  }
  return true;
}
