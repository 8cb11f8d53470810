import { describe, expect, it } from 'vitest';
import {
  getInstrument,
  instrumentByCode,
  listInstruments,
  majorInstruments,
  marketIndices,
  parseInstrumentMaster,
  requireInstrument,
} from '@/server/market-data/instruments';
import { parseSymbol } from '@/server/market-data/symbols';

describe('instrument master', () => {
  it('holds KRX companies with Korean and English names, US constituents and indices', () => {
    expect(getInstrument('005930.KS')).toEqual({
      symbol: '005930.KS',
      code: '005930',
      market: 'KR',
      exchange: 'KOSPI',
      currency: 'KRW',
      kind: 'stock',
      nameEn: 'Samsung Electronics',
      nameKo: '삼성전자',
      sector: '통신 및 방송 장비 제조업',
    });
    expect(getInstrument('035720.KS')?.nameKo).toBe('카카오');
    expect(getInstrument('247540.KQ')?.exchange).toBe('KOSDAQ');
    expect(getInstrument('005935.KS')).toMatchObject({
      nameKo: '삼성전자우',
      nameEn: 'Samsung Electronics Pref.',
    });
    expect(getInstrument('AAPL')).toMatchObject({ exchange: 'NASDAQ', currency: 'USD' });
    expect(getInstrument('BRK.B')).toMatchObject({ exchange: 'NYSE', sector: 'Financials' });
    expect(getInstrument('SPY')).toMatchObject({ kind: 'etf', exchange: 'NYSEARCA' });
    for (const symbol of ['^KS11', '^KQ11', '^GSPC', '^IXIC']) {
      expect(getInstrument(symbol)?.kind).toBe('index');
    }
    expect(getInstrument('^KS11')).toMatchObject({ nameKo: '코스피', nameEn: 'KOSPI' });
    expect(getInstrument('NOPE')).toBeNull();
  });

  it('covers every market with canonical, unique symbols', () => {
    const all = listInstruments();
    const exchanges = new Map<string, number>();
    for (const instrument of all) {
      expect(parseSymbol(instrument.symbol).market).toBe(instrument.market);
      exchanges.set(instrument.exchange, (exchanges.get(instrument.exchange) ?? 0) + 1);
    }
    expect(new Set(all.map((instrument) => instrument.symbol)).size).toBe(all.length);
    expect(exchanges.get('KOSPI')).toBeGreaterThan(800);
    expect(exchanges.get('KOSDAQ')).toBeGreaterThan(1500);
    expect(exchanges.get('KONEX')).toBeGreaterThan(50);
    expect(exchanges.get('NASDAQ')! + exchanges.get('NYSE')!).toBeGreaterThan(500);
    expect(listInstruments('US').every((instrument) => instrument.currency === 'USD')).toBe(true);
    expect(listInstruments('KR').every((instrument) => instrument.currency === 'KRW')).toBe(true);
  });

  it('finds by local code and fails clearly on unknown symbols', () => {
    expect(instrumentByCode('000660')?.symbol).toBe('000660.KS');
    expect(() => requireInstrument('ZZZZ')).toThrow('Unknown instrument ZZZZ');
  });

  it('lists the curated major names and indices per market', () => {
    const kr = majorInstruments('KR').map((instrument) => instrument.symbol);
    expect(kr.slice(0, 3)).toEqual(['005930.KS', '000660.KS', '373220.KS']);
    expect(kr).toEqual(
      expect.arrayContaining(['207940.KS', '005380.KS', '035420.KS', '035720.KS']),
    );
    const us = majorInstruments('US').map((instrument) => instrument.symbol);
    expect(us).toEqual(expect.arrayContaining(['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL', 'META']));
    expect(majorInstruments('US').every((instrument) => instrument.market === 'US')).toBe(true);
    expect(marketIndices('KR').map((instrument) => instrument.symbol)).toEqual(['^KS11', '^KQ11']);
    expect(marketIndices('US').map((instrument) => instrument.symbol)).toEqual(['^GSPC', '^IXIC']);
  });

  it('rejects a malformed master row naming the line and field', () => {
    const header = 'symbol,code,market,exchange,kind,name_en,name_ko,sector,aliases\n';
    expect(() =>
      parseInstrumentMaster(
        `${header}AAPL,AAPL,US,NASDAQ,stock,Apple,,,\nBAD SYMBOL,X,US,NYSE,stock,X,,,\n`,
      ),
    ).toThrow(/line 3: invalid symbol/);
    expect(() => parseInstrumentMaster(`${header}AAPL,AAPL,EU,NASDAQ,stock,Apple,,,\n`)).toThrow(
      /line 2: invalid market/,
    );
  });
});
