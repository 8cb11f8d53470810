import { describe, expect, it } from 'vitest';
import { mergeSearchResults, searchInstruments } from '@/server/market-data/search';
import type { SearchMatch } from '@/server/market-data/types';

const symbols = (query: string, limit = 10) =>
  searchInstruments(query, { limit }).map((match) => match.symbol);

describe('searchInstruments', () => {
  it('puts Samsung Electronics first for its Korean name, initials and English name', () => {
    expect(symbols('삼성')[0]).toBe('005930.KS');
    expect(symbols('삼성전자')[0]).toBe('005930.KS');
    expect(symbols('ㅅㅅㅈㅈ')[0]).toBe('005930.KS');
    expect(symbols('samsung')[0]).toBe('005930.KS');
    expect(symbols('Samsung Electronics')[0]).toBe('005930.KS');
  });

  it('finds a KRX stock by its code, with or without the market suffix', () => {
    expect(symbols('005930')[0]).toBe('005930.KS');
    expect(symbols('005930.ks')[0]).toBe('005930.KS');
    // Partial codes match by prefix, the common share before its preferred share.
    expect(symbols('00593')).toEqual(['005930.KS', '005935.KS']);
  });

  it('finds US stocks by ticker and by name, case-insensitively', () => {
    expect(symbols('aapl')[0]).toBe('AAPL');
    expect(symbols('AAPL')[0]).toBe('AAPL');
    expect(symbols('apple')[0]).toBe('AAPL');
    expect(symbols('  Apple  ')[0]).toBe('AAPL');
    expect(symbols('brk.b')[0]).toBe('BRK.B');
    expect(symbols('애플')[0]).toBe('AAPL');
  });

  it('ranks an exact name above longer names that start with it', () => {
    expect(symbols('카카오').slice(0, 3)).toEqual(['035720.KS', '323410.KS', '377300.KS']);
    expect(symbols('LG')[0]).toBe('003550.KS');
  });

  it('matches broker short names, word starts, substrings and mixed initials', () => {
    expect(symbols('현대차')[0]).toBe('005380.KS');
    expect(symbols('hynix')[0]).toBe('000660.KS');
    expect(symbols('하이닉스')[0]).toBe('000660.KS');
    expect(symbols('삼ㅅ')[0]).toBe('005930.KS');
    // The last syllable still being composed (전 typed so far as 저).
    expect(symbols('삼성저')[0]).toBe('005930.KS');
    expect(symbols('코스피')[0]).toBe('^KS11');
    expect(symbols('kosdaq')[0]).toBe('^KQ11');
  });

  it('orders ties by popularity: major names, KOSPI before KONEX, common before preferred', () => {
    const samsung = symbols('삼성', 50);
    expect(samsung.indexOf('005930.KS')).toBeLessThan(samsung.indexOf('005935.KS'));
    const hyundai = searchInstruments('현대차', { limit: 10 }).map((match) => match.nameKo);
    expect(hyundai.indexOf('현대차우')).toBeGreaterThan(hyundai.indexOf('현대차증권'));
  });

  it('returns scored SearchMatch rows from the master, best first', () => {
    const results = searchInstruments('삼성', { limit: 5 });
    expect(results[0]).toEqual({
      symbol: '005930.KS',
      name: 'Samsung Electronics',
      nameKo: '삼성전자',
      market: 'KR',
      exchange: 'KOSPI',
      currency: 'KRW',
      kind: 'stock',
      score: expect.any(Number),
      source: 'master',
    });
    for (const [index, match] of results.entries()) {
      expect(match.score).toBeGreaterThan(0);
      expect(match.score).toBeLessThanOrEqual(1);
      if (index > 0) expect(match.score).toBeLessThanOrEqual(results[index - 1]!.score);
    }
    expect(searchInstruments('005930')[0]!.score).toBeGreaterThan(results[0]!.score);
  });

  it('returns nothing for empty, blank or garbage queries', () => {
    expect(searchInstruments('')).toEqual([]);
    expect(searchInstruments('   ')).toEqual([]);
    expect(searchInstruments('!!!')).toEqual([]);
    expect(searchInstruments('qxzqxzqxz')).toEqual([]);
    expect(searchInstruments('ㅋㅋㅋㅋㅋㅋㅋ')).toEqual([]);
  });

  it('honours the limit and the market filter', () => {
    expect(searchInstruments('a', { limit: 3 })).toHaveLength(3);
    expect(searchInstruments('삼성')).toHaveLength(10);
    expect(searchInstruments('a', { limit: 50 })).toHaveLength(50);
    const us = searchInstruments('s', { market: 'US', limit: 20 });
    expect(us.length).toBe(20);
    expect(us.every((match) => match.market === 'US')).toBe(true);
    expect(searchInstruments('삼성', { market: 'US' })).toEqual([]);
    expect(() => searchInstruments('a', { limit: 0 })).toThrow('limit');
    expect(() => searchInstruments('a', { limit: 1.5 })).toThrow('limit');
  });
});

describe('mergeSearchResults', () => {
  const provider = (
    symbol: string,
    score: number,
    name = `${symbol} from provider`,
  ): SearchMatch => ({
    symbol,
    name,
    nameKo: null,
    market: 'US',
    exchange: 'NASDAQ',
    currency: 'USD',
    kind: 'stock',
    score,
    source: 'alphavantage',
  });

  it("dedupes by symbol keeping the master's names, and adds what only the provider knows", () => {
    const master = searchInstruments('apple', { limit: 3 });
    const merged = mergeSearchResults(
      master,
      [provider('AAPL', 1, 'APPLE INC'), provider('APLE', 0.6, 'Apple Hospitality REIT')],
      10,
    );
    const symbolsMerged = merged.map((match) => match.symbol);
    expect(symbolsMerged.filter((symbol) => symbol === 'AAPL')).toHaveLength(1);
    expect(merged.find((match) => match.symbol === 'AAPL')).toMatchObject({
      name: 'Apple Inc.',
      nameKo: '애플',
      source: 'master',
    });
    expect(symbolsMerged).toContain('APLE');
    expect(symbolsMerged[0]).toBe('AAPL');
  });

  it('orders by score with the master first on ties and honours the limit', () => {
    const master = searchInstruments('nvidia', { limit: 1 });
    const merged = mergeSearchResults(
      master,
      [provider('NVDX', master[0]!.score), provider('ZZZ', 0.1), provider('YYY', 0.2)],
      3,
    );
    expect(merged.map((match) => match.symbol)).toEqual(['NVDA', 'NVDX', 'YYY']);
  });
});
