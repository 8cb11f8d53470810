import { describe, expect, it } from 'vitest';
import { isDomainError } from '@/server/errors';
import {
  currencyOf,
  isCanonicalSymbol,
  marketOf,
  normalizeSymbol,
  parseSymbol,
  symbolSchema,
} from '@/server/market-data/symbols';

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('parseSymbol', () => {
  it('parses the canonical forms of each market', () => {
    expect(parseSymbol('005930.KS')).toEqual({
      symbol: '005930.KS',
      code: '005930',
      market: 'KR',
      type: 'krx',
    });
    expect(parseSymbol('035720.KQ')).toMatchObject({ code: '035720', market: 'KR' });
    expect(parseSymbol('0001A0.KQ')).toMatchObject({ code: '0001A0', market: 'KR' });
    expect(parseSymbol('BRK.B')).toEqual({
      symbol: 'BRK.B',
      code: 'BRK.B',
      market: 'US',
      type: 'us',
    });
    expect(parseSymbol('^KS11')).toMatchObject({ market: 'KR', type: 'index' });
    expect(parseSymbol('^GSPC')).toMatchObject({ market: 'US', type: 'index' });
  });

  it('rejects non-canonical spellings with an INVALID error naming the input', () => {
    for (const input of ['aapl', '005930', '005930.ks', 'BRK-B', '^FOO', '', 'TOOLONGTICKER']) {
      const error = errorOf(() => parseSymbol(input));
      expect(isDomainError(error) && error.code).toBe('INVALID');
      expect(error.message).toContain(`"${input}"`);
    }
    expect(isCanonicalSymbol('AAPL')).toBe(true);
    expect(isCanonicalSymbol('aapl')).toBe(false);
  });
});

describe('normalizeSymbol', () => {
  it('finds the KRX market of a bare code in the instrument master', () => {
    expect(normalizeSymbol('005930')).toBe('005930.KS');
    expect(normalizeSymbol('035720')).toBe('035720.KS');
    expect(normalizeSymbol('247540')).toBe('247540.KQ');
    expect(normalizeSymbol(' A005930 ')).toBe('005930.KS');
    expect(normalizeSymbol('005935')).toBe('005935.KS');
  });

  it("corrects a known code's suffix to the master's and keeps unknown suffixed codes", () => {
    expect(normalizeSymbol('005930.kq')).toBe('005930.KS');
    expect(normalizeSymbol('999999.KQ')).toBe('999999.KQ');
  });

  it('upper-cases US tickers and unifies share-class separators', () => {
    expect(normalizeSymbol('aapl')).toBe('AAPL');
    expect(normalizeSymbol(' msft ')).toBe('MSFT');
    expect(normalizeSymbol('brk-b')).toBe('BRK.B');
    expect(normalizeSymbol('BRK/B')).toBe('BRK.B');
    expect(normalizeSymbol('ＡＡＰＬ')).toBe('AAPL');
    expect(normalizeSymbol('^ks11')).toBe('^KS11');
  });

  it('explains what is wrong', () => {
    expect(errorOf(() => normalizeSymbol('   ')).message).toContain('empty');
    expect(errorOf(() => normalizeSymbol('999999')).message).toContain('add .KS (KOSPI) or .KQ');
    expect(errorOf(() => normalizeSymbol('^NOPE')).message).toContain('unknown index');
    expect(errorOf(() => normalizeSymbol('AB$C')).message).toContain('expected');
    expect(errorOf(() => normalizeSymbol('x'.repeat(200))).message).toContain('too long');
  });
});

describe('marketOf / currencyOf', () => {
  it('maps symbols to their market and currency', () => {
    expect(marketOf('005930.KS')).toBe('KR');
    expect(marketOf('^KQ11')).toBe('KR');
    expect(marketOf('AAPL')).toBe('US');
    expect(marketOf('^IXIC')).toBe('US');
    expect(currencyOf('035720.KQ')).toBe('KRW');
    expect(currencyOf('SPY')).toBe('USD');
  });
});

describe('symbolSchema', () => {
  it('normalizes valid input and reports invalid input as a zod issue', () => {
    expect(symbolSchema.parse('005930')).toBe('005930.KS');
    const result = symbolSchema.safeParse('not a symbol!');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('Invalid symbol');
    expect(symbolSchema.safeParse(42).success).toBe(false);
  });
});
