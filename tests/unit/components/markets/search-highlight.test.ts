import { describe, expect, it } from 'vitest';
import { findMatch, splitByMatch } from '@/components/stocks/search/highlight';

function marked(text: string, query: string): string | null {
  const range = findMatch(text, query);
  return range ? text.slice(range.start, range.end) : null;
}

describe('search highlight', () => {
  it('finds names, codes and tickers case-insensitively', () => {
    expect(marked('삼성전자', '삼성')).toBe('삼성');
    expect(marked('Samsung Electronics', 'electro')).toBe('Electro');
    expect(marked('005930.KS', '005930')).toBe('005930');
    expect(marked('AAPL', 'aapl')).toBe('AAPL');
  });

  it('matches Korean initial consonants, alone or mixed with syllables', () => {
    expect(marked('삼성전자', 'ㅅㅅㅈㅈ')).toBe('삼성전자');
    expect(marked('삼성전자', 'ㅈㅈ')).toBe('전자');
    expect(marked('SK하이닉스', 'ㅎㅇㄴ')).toBe('하이닉');
    expect(marked('삼성전자', '삼ㅅ')).toBe('삼성');
  });

  it('matches the syllable still being composed (서 on the way to 성)', () => {
    expect(marked('삼성전자', '삼서')).toBe('삼성');
    // Only the last character may still change; earlier ones must match exactly.
    expect(marked('삼성전자', '사성')).toBeNull();
  });

  it('skips spaces and punctuation in the name, as the server search does', () => {
    expect(marked('Samsung Electronics', 'samsungelec')).toBe('Samsung Elec');
    expect(marked('BRK.B', 'brkb')).toBe('BRK.B');
  });

  it('finds nothing for unrelated or empty queries', () => {
    expect(findMatch('Apple Inc.', 'msft')).toBeNull();
    expect(findMatch('Apple Inc.', '  ')).toBeNull();
  });

  it('splits the text around the match for rendering', () => {
    expect(splitByMatch('Samsung Electronics', 'elec')).toEqual([
      { text: 'Samsung ', matched: false },
      { text: 'Elec', matched: true },
      { text: 'tronics', matched: false },
    ]);
    expect(splitByMatch('NAVER', 'kakao')).toEqual([{ text: 'NAVER', matched: false }]);
  });

  it('normalises decomposed Hangul (macOS input, pasted text) before matching', () => {
    expect(marked('삼성전자', '삼성'.normalize('NFD'))).toBe('삼성');
    expect(splitByMatch('삼성전자'.normalize('NFD'), '전자')).toEqual([
      { text: '삼성', matched: false },
      { text: '전자', matched: true },
    ]);
  });
});
